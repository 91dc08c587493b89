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

namespace SafePrivacy.CodeFixes.Rules;

/// <summary>
/// SP9002: adds a <c>Justification = "TODO"</c> placeholder to the suppression (or a <c>// TODO</c> comment to the
/// pragma). The placeholder keeps SP9002 firing until someone writes the reason — it only marks where to write it —
/// and the fix is not offered again where the placeholder already is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJustificationCodeFixProvider)), Shared]
public sealed class AddJustificationCodeFixProvider : DocumentCodeFixProvider
{
    private const string Placeholder = "TODO";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnjustifiedSuppression);

    protected override string EquivalenceKey => "SafePrivacy.AddJustification";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        string? justification;
        if (Attribute(root, diagnostic) is { } attribute)
        {
            justification = Justification(attribute) is { } existing ? model.GetConstantValue(existing.Expression, cancellationToken).Value as string : null;
        }
        else if (Pragma(root, diagnostic) is { } pragma)
        {
            justification = Comment(pragma);
        }
        else
        {
            return null;
        }

        // The placeholder keeps SP9002 firing; offering to write it again over itself would be a fix without end.
        return IsPlaceholder(justification) ? null : "Add a justification placeholder";
    }

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (Attribute(editor.OriginalRoot, diagnostic) is { ArgumentList: { } arguments } attribute)
            {
                var existing = Justification(attribute);
                var justification = SafePrivacySyntax.Named("Justification", SafePrivacySyntax.Text(Placeholder));
                editor.ReplaceNode(attribute, attribute.WithArgumentList(existing is null
                    ? arguments.AddArguments(justification)
                    : arguments.ReplaceNode(existing, justification.WithTriviaFrom(existing))));
            }
            else if (Pragma(editor.OriginalRoot, diagnostic) is { } pragma && pragma.ParentTrivia.Token.Parent is { } owner)
            {
                // The pragma is trivia of the next token: rewrite it inside that token's node. The callback sees the
                // node as earlier fixes left it, so the pragma is found again by its text.
                var text = pragma.ParentTrivia.ToFullString();
                editor.ReplaceNode(owner, (node, _) =>
                {
                    var trivia = node.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.PragmaWarningDirectiveTrivia) && t.ToFullString() == text);
                    return trivia.GetStructure() is PragmaWarningDirectiveTriviaSyntax current
                        ? node.ReplaceTrivia(trivia, SyntaxFactory.Trivia(WithComment(current)))
                        : node;
                });
            }
        }
    }

    private static PragmaWarningDirectiveTriviaSyntax WithComment(PragmaWarningDirectiveTriviaSyntax pragma)
    {
        var end = pragma.EndOfDirectiveToken;
        var kept = end.LeadingTrivia.Where(t => !t.IsKind(SyntaxKind.SingleLineCommentTrivia) && !t.IsKind(SyntaxKind.WhitespaceTrivia));
        return pragma.WithEndOfDirectiveToken(end.WithLeadingTrivia(kept.Concat(new[] { SyntaxFactory.Space, SyntaxFactory.Comment("// " + Placeholder) })));
    }

    private static bool IsPlaceholder(string? text) => string.Equals(text?.Trim(), Placeholder, System.StringComparison.OrdinalIgnoreCase);

    private static AttributeArgumentSyntax? Justification(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Justification");

    // The text of the `// comment` on the pragma's line, as SP9002 reads it.
    private static string? Comment(PragmaWarningDirectiveTriviaSyntax pragma)
    {
        var comment = pragma.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
        return comment.IsKind(SyntaxKind.SingleLineCommentTrivia) ? comment.ToString().TrimStart('/').Trim() : null;
    }

    private static AttributeSyntax? Attribute(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();

    private static PragmaWarningDirectiveTriviaSyntax? Pragma(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindTrivia(diagnostic.Location.SourceSpan.Start).GetStructure() as PragmaWarningDirectiveTriviaSyntax;
}
