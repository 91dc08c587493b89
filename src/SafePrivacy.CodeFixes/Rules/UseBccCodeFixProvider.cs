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

/// <summary>SP4003: moves the recipient from the visible To or CC list to Bcc (System.Net.Mail, MimeKit, SendGrid's Cc).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseBccCodeFixProvider)), Shared]
public sealed class UseBccCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.VisibleRecipients);

    protected override string EquivalenceKey => "SafePrivacy.UseBcc";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        Renamed(root, diagnostic) is { } renamed ? $"Move the recipient from {renamed.From} to Bcc" : null;

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var renames = diagnostics.Select(d => Renamed(editor.OriginalRoot, d)).OfType<Rename>().GroupBy(r => r.Name).Select(g => g.First());
        foreach (var rename in renames)
        {
            editor.ReplaceNode(rename.Name, SyntaxFactory.IdentifierName(rename.To).WithTriviaFrom(rename.Name));
        }
    }

    // The name to change where the diagnostic is on `address`: the list in `message.To.Add(address)` (System.Net.Mail's
    // To and CC, MimeKit's To and Cc), or SendGrid's `message.AddCc(address)`. SendGrid's To is left alone: every
    // personalisation needs a To, so moving it would break the send.
    private static Rename? Renamed(SyntaxNode root, Diagnostic diagnostic)
    {
        // The call the reported argument is given to, not a call inside it (`To.Add(MailboxAddress.Parse(email))`).
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var invocation = node.AncestorsAndSelf().OfType<ArgumentSyntax>().FirstOrDefault()?.Parent?.Parent as InvocationExpressionSyntax
            ?? node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (invocation?.Expression is not MemberAccessExpressionSyntax call)
        {
            return null;
        }

        if (call.Expression is MemberAccessExpressionSyntax list && list.Name.Identifier.ValueText is "To" or "CC" or "Cc")
        {
            return new Rename(list.Name, list.Name.Identifier.ValueText, "Bcc");
        }

        return call.Name.Identifier.ValueText switch
        {
            "AddCc" => new Rename(call.Name, "Cc", "AddBcc"),
            "AddCcs" => new Rename(call.Name, "Cc", "AddBccs"),
            _ => null,
        };
    }

    private sealed record Rename(SimpleNameSyntax Name, string From, string To);
}
