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

/// <summary>SP4003: moves the recipient from the visible To or CC list to Bcc.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseBccCodeFixProvider)), Shared]
public sealed class UseBccCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.VisibleRecipients);

    protected override string EquivalenceKey => "SafePrivacy.UseBcc";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        ListAccess(root, diagnostic) is { } list ? $"Move the recipient from {list.Name.Identifier.ValueText} to Bcc" : null;

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var list in diagnostics.Select(d => ListAccess(editor.OriginalRoot, d)).OfType<MemberAccessExpressionSyntax>().Distinct())
        {
            editor.ReplaceNode(list.Name, SyntaxFactory.IdentifierName("Bcc").WithTriviaFrom(list.Name));
        }
    }

    // message.To in `message.To.Add(address)`, where the diagnostic is on `address`.
    private static MemberAccessExpressionSyntax? ListAccess(SyntaxNode root, Diagnostic diagnostic)
    {
        var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        return invocation?.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax list }
            && list.Name.Identifier.ValueText is "To" or "CC"
            ? list
            : null;
    }
}
