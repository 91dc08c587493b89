using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace SafePrivacy.CodeFixes;

/// <summary>
/// Fixes write SafePrivacy names fully qualified and annotated for simplification; this adds
/// <c>using SafePrivacy;</c> when the document does not import it yet, so the simplifier can shorten them — unless
/// the import would make a name the document already uses ambiguous (ASP.NET Core Identity has its own
/// <c>[PersonalData]</c>), in which case the names stay qualified.
/// </summary>
internal static class Imports
{
    public const string Namespace = "SafePrivacy";

    public static async Task<Document> EnsureSafePrivacyAsync(Document document, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var usesSafePrivacy = root.DescendantNodes().OfType<QualifiedNameSyntax>().Any(n => n.HasAnnotation(Simplifier.Annotation) && n.ToString().StartsWith(Namespace + ".", System.StringComparison.Ordinal))
            || root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Any(n => n.HasAnnotation(Simplifier.Annotation) && n.ToString().StartsWith(Namespace + ".", System.StringComparison.Ordinal));
        if (!usesSafePrivacy || await IsImportedAsync(document, root, cancellationToken).ConfigureAwait(false))
        {
            return document;
        }

        var newLine = LineEndings.Of(root);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(Namespace)).WithAdditionalAnnotations(Formatter.Annotation);
        var usings = root.Usings;
        var index = usings.TakeWhile(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && SortsBefore(u.Name?.ToString() ?? string.Empty)).Count();
        var newRoot = usings.Count == 0
            ? root.WithUsings(SyntaxFactory.SingletonList(directive.WithTrailingTrivia(newLine, newLine)))
            : root.WithUsings(usings.Insert(index, directive.WithTrailingTrivia(newLine)));
        var imported = document.WithSyntaxRoot(newRoot);
        return await AmbiguitiesAsync(imported, cancellationToken).ConfigureAwait(false) > await AmbiguitiesAsync(document, cancellationToken).ConfigureAwait(false)
            ? document
            : imported;
    }

    // CS0104: 'X' is an ambiguous reference between two imported namespaces.
    private static async Task<int> AmbiguitiesAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model?.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Id == "CS0104") ?? 0;
    }

    // System namespaces first, then the rest alphabetically: the order dotnet format keeps.
    private static bool SortsBefore(string name) =>
        IsSystem(name) || string.CompareOrdinal(name, Namespace) < 0;

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal);

    private static async Task<bool> IsImportedAsync(Document document, CompilationUnitSyntax root, CancellationToken cancellationToken)
    {
        if (root.Usings.Any(u => u.Alias is null && u.Name?.ToString() == Namespace))
        {
            return true;
        }

        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return compilation is not null && compilation.SyntaxTrees
            .Select(tree => tree.GetRoot(cancellationToken))
            .OfType<CompilationUnitSyntax>()
            .Any(unit => unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Alias is null && u.Name?.ToString() == Namespace));
    }
}
