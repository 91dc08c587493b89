using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SafePrivacy.Analyzers;

namespace SafePrivacy.CodeFixes.Rules;

/// <summary>
/// SP3002: declares a <c>[Retention("P30D", Reference = "TODO")]</c> skeleton on the storing type (or the
/// DbContext, for a DbSet), for someone to set the real period and the schedule it comes from.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRetentionCodeFixProvider)), Shared]
public sealed class AddRetentionCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.StoredWithoutRetention);

    protected override string EquivalenceKey => "SafePrivacy.AddRetention";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        TypeDeclarations.Containing(root, diagnostic) is { } type ? $"Declare a retention period on '{type.Identifier.ValueText}'" : null;

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var type in diagnostics.Select(d => TypeDeclarations.Containing(editor.OriginalRoot, d)).OfType<TypeDeclarationSyntax>().Distinct())
        {
            editor.AddAttribute(type, SafePrivacySyntax.AttributeList(
                "Retention",
                null,
                SyntaxFactoryArguments.Positional(SafePrivacySyntax.Text("P30D")),
                SafePrivacySyntax.Named("Reference", SafePrivacySyntax.Text("TODO"))));
        }
    }
}
