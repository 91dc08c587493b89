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
/// <c>[PersonalData]</c>), in which case the names stay qualified. Other inserted code that binds only with an import
/// (an extension method such as <c>IsDevelopment()</c>) is marked with <see cref="Needs"/> and gets its using too.
/// </summary>
internal static class Imports
{
    public const string Namespace = "SafePrivacy";

    private const string NeedsKind = "SafePrivacy.NeedsImport";

    public static async Task<Document> EnsureSafePrivacyAsync(Document document, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var usesSafePrivacy = root.DescendantNodes().OfType<QualifiedNameSyntax>().Any(n => n.HasAnnotation(Simplifier.Annotation) && n.ToString().StartsWith(Namespace + ".", System.StringComparison.Ordinal))
            || root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Any(n => n.HasAnnotation(Simplifier.Annotation) && n.ToString().StartsWith(Namespace + ".", System.StringComparison.Ordinal));
        if (!usesSafePrivacy || await IsImportedAsync(document, root, Namespace, cancellationToken).ConfigureAwait(false))
        {
            return document;
        }

        var imported = document.WithSyntaxRoot(WithUsing(root, Namespace));
        return await AmbiguitiesAsync(imported, cancellationToken).ConfigureAwait(false) > await AmbiguitiesAsync(document, cancellationToken).ConfigureAwait(false)
            ? document
            : imported;
    }

    /// <summary>Marks an inserted node as needing <c>using <paramref name="namespace"/>;</c> to bind.</summary>
    public static SyntaxAnnotation Needs(string @namespace) => new(NeedsKind, @namespace);

    /// <summary>Adds a using directive for every namespace an inserted node was marked as needing (<see cref="Needs"/>), unless imported already.</summary>
    public static async Task<Document> EnsureNeededAsync(Document document, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var needed = root.GetAnnotatedNodes(NeedsKind)
            .SelectMany(node => node.GetAnnotations(NeedsKind))
            .Select(annotation => annotation.Data)
            .OfType<string>()
            .Distinct()
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .ToList();
        foreach (var name in needed)
        {
            if (!await IsImportedAsync(document, root, name, cancellationToken).ConfigureAwait(false))
            {
                root = WithUsing(root, name);
                document = document.WithSyntaxRoot(root);
            }
        }

        return document;
    }

    // In the order dotnet format keeps: System namespaces first, then the rest alphabetically.
    private static CompilationUnitSyntax WithUsing(CompilationUnitSyntax root, string name)
    {
        var newLine = LineEndings.Of(root);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name)).WithAdditionalAnnotations(Formatter.Annotation);
        var usings = root.Usings;
        var index = usings.TakeWhile(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && SortsBefore(u.Name?.ToString() ?? string.Empty, name)).Count();
        return usings.Count == 0
            ? root.WithUsings(SyntaxFactory.SingletonList(directive.WithTrailingTrivia(newLine, newLine)))
            : root.WithUsings(usings.Insert(index, directive.WithTrailingTrivia(newLine)));
    }

    // CS0104: 'X' is an ambiguous reference between two imported namespaces.
    private static async Task<int> AmbiguitiesAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model?.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Id == "CS0104") ?? 0;
    }

    private static bool SortsBefore(string existing, string added) =>
        IsSystem(existing) != IsSystem(added) ? IsSystem(existing) : string.CompareOrdinal(existing, added) < 0;

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal);

    private static async Task<bool> IsImportedAsync(Document document, CompilationUnitSyntax root, string name, CancellationToken cancellationToken)
    {
        if (root.Usings.Any(u => u.Alias is null && u.Name?.ToString() == name))
        {
            return true;
        }

        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return compilation is not null && compilation.SyntaxTrees
            .Select(tree => tree.GetRoot(cancellationToken))
            .OfType<CompilationUnitSyntax>()
            .Any(unit => unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Alias is null && u.Name?.ToString() == name));
    }
}
