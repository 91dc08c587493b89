using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using SafePrivacy.Analyzers;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Rules;

namespace SafePrivacy.CodeFixes.Rules;

/// <summary>
/// SP2005: overrides a record's ToString to print only its public members that are not personal data, in the same
/// <c>Name { Member = value }</c> shape the compiler would use.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RecordToStringCodeFixProvider)), Shared]
public sealed class RecordToStringCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PrintingToString);

    protected override string EquivalenceKey => "SafePrivacy.RecordToString";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        Record(root, diagnostic) is { } record ? $"Override ToString on '{record.Identifier.ValueText}' without its personal members" : null;

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        // The compilation's own classifier, so that external annotations count as they do for the rule.
        var classifier = PrivacyModel.For(editor.SemanticModel.Compilation, editor.OriginalDocument.Project.AnalyzerOptions, cancellationToken)?.Classifier
            ?? new DataClassifier(ExternalAnnotations.Empty, AnnotationScope.Everything);
        foreach (var record in diagnostics.Select(d => Record(editor.OriginalRoot, d)).OfType<RecordDeclarationSyntax>().Distinct())
        {
            if (editor.SemanticModel.GetDeclaredSymbol(record, cancellationToken) is not { } type)
            {
                continue;
            }

            var shown = PrintingToStringAnalyzer.SynthesisedPrint(type, classifier).Where(m => !m.IsPersonal).Select(m => m.Name).ToList();
            var text = shown.Count == 0
                ? $"\"{type.Name}\""
                : $"$\"{type.Name} {{{{ {string.Join(", ", shown.Select(n => $"{n} = {{{n}}}"))} }}}}\"";
            var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"public override string ToString() => {text};")!;
            var separated = record.Members.Count > 0 ? method.WithLeadingTrivia(LineEndings.Of(editor.OriginalRoot)) : method;
            editor.ReplaceNode(record, (node, _) => WithMember((RecordDeclarationSyntax)node, separated.WithAdditionalAnnotations(Formatter.Annotation)));
        }
    }

    // `record R(...);` has no body yet: give it one.
    private static RecordDeclarationSyntax WithMember(RecordDeclarationSyntax record, MemberDeclarationSyntax member)
    {
        if (record.OpenBraceToken.IsKind(SyntaxKind.None))
        {
            record = record
                .WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(record.SemicolonToken.TrailingTrivia));
        }

        return record.AddMembers(member).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static RecordDeclarationSyntax? Record(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as RecordDeclarationSyntax;
}
