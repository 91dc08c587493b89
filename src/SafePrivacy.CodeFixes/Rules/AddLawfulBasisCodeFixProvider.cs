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
/// SP2001, SP3001: declares a <c>[LawfulBasis(LawfulBasis.LegitimateInterests, Purpose = "TODO", Reference = "TODO")]</c>
/// skeleton on the containing type. The placeholders keep SP1001 firing until someone states the real basis.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddLawfulBasisCodeFixProvider)), Shared]
public sealed class AddLawfulBasisCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PersonalDataLogged, RuleIds.PersonalDataStored);

    protected override string EquivalenceKey => "SafePrivacy.AddLawfulBasis";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        TypeDeclarations.Containing(root, diagnostic) is { } type ? $"Declare a lawful basis on '{type.Identifier.ValueText}'" : null;

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        // Several findings in one type get one declaration.
        foreach (var type in diagnostics.Select(d => TypeDeclarations.Containing(editor.OriginalRoot, d)).OfType<TypeDeclarationSyntax>().Distinct())
        {
            editor.AddAttribute(type, SafePrivacySyntax.AttributeList(
                "LawfulBasis",
                null,
                SyntaxFactoryArguments.Positional(SafePrivacySyntax.Member("LawfulBasis", "LegitimateInterests")),
                SafePrivacySyntax.Named("Purpose", SafePrivacySyntax.Text("TODO")),
                SafePrivacySyntax.Named("Reference", SafePrivacySyntax.Text("TODO"))));
        }
    }
}
