using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafePrivacy.CodeFixes;

/// <summary>Finds where a declaration can go for a diagnostic.</summary>
internal static class TypeDeclarations
{
    /// <summary>The class, struct or record whose code the diagnostic is in.</summary>
    public static TypeDeclarationSyntax? Containing(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<TypeDeclarationSyntax>()
            .FirstOrDefault(t => t is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax);
}
