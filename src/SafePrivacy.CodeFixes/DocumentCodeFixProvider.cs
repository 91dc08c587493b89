using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace SafePrivacy.CodeFixes;

/// <summary>
/// A fix that rewrites one document for any set of its diagnostics: the single fix and Fix All (document, project,
/// solution) run the same code, so they cannot disagree.
/// </summary>
public abstract class DocumentCodeFixProvider : CodeFixProvider
{
    /// <summary>Identifies the fix for Fix All; also its name in the light bulb's grouping.</summary>
    protected abstract string EquivalenceKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Title(diagnostic, root, model, context.CancellationToken) is { } title)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The light bulb's title for fixing <paramref name="diagnostic"/>, or null when this fix does not apply to it.</summary>
    protected abstract string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken);

    /// <summary>Applies the fix for each diagnostic (all in <paramref name="editor"/>'s document) that it applies to.</summary>
    protected abstract void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken);

    private async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var applicable = diagnostics
            .Where(d => Title(d, editor.OriginalRoot, editor.SemanticModel, cancellationToken) is not null)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        if (applicable.IsEmpty)
        {
            return document;
        }

        Fix(editor, applicable, cancellationToken);
        var changed = await Imports.EnsureNeededAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
        return await Imports.EnsureSafePrivacyAsync(changed, cancellationToken).ConfigureAwait(false);
    }
}
