using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SafePrivacy.Analyzers;
using SafePrivacy.Analyzers.Rules;

namespace SafePrivacy.CodeFixes.Rules;

/// <summary>SP9001: annotates the member with <c>[PersonalData(DataCategory.X)]</c>, the category its name suggests.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPersonalDataCodeFixProvider)), Shared]
public sealed class AddPersonalDataCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnannotatedPersonalData);

    protected override string EquivalenceKey => "SafePrivacy.AddPersonalData";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        Declaration(root, diagnostic) is not null && Category(diagnostic) is { } category ? $"Annotate with [PersonalData(DataCategory.{category})]" : null;

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (Declaration(editor.OriginalRoot, diagnostic) is not { } declaration || Category(diagnostic) is not { } category)
            {
                continue;
            }

            // A record's positional parameter declares the property: the annotation must target it.
            var target = declaration is ParameterSyntax { Parent.Parent: RecordDeclarationSyntax } ? "property" : null;
            var attribute = SafePrivacySyntax.AttributeList("PersonalData", target, SyntaxFactoryArguments.Positional(SafePrivacySyntax.Member("DataCategory", category)));
            if (declaration is ParameterSyntax parameter)
            {
                editor.ReplaceNode(parameter, (node, _) => ((ParameterSyntax)node).AddAttributeLists(attribute.WithTrailingTrivia(SyntaxFactory.Space)));
            }
            else
            {
                editor.AddAttribute(declaration, attribute);
            }
        }
    }

    private static string? Category(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(UnannotatedPersonalDataAnalyzer.CategoryProperty, out var category) ? category : null;

    // The declaration that owns the reported name: a property, a field (all its variables), or a parameter.
    private static SyntaxNode? Declaration(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().FirstOrDefault(n =>
            n is PropertyDeclarationSyntax or ParameterSyntax or FieldDeclarationSyntax);
}
