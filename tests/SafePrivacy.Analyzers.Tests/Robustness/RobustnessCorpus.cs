using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafePrivacy.Analyzers.Tests.Conventions;
using SafePrivacy.Analyzers.Tests.Verifiers;

namespace SafePrivacy.Analyzers.Tests.Robustness;

/// <summary>One C# source the robustness tests feed the analyzers, and where it came from (for failure messages).</summary>
public sealed record CorpusSource(string Origin, string Text);

/// <summary>
/// Every C# source the repository already holds: the snippets of the rule, engine and fix tests (raw string
/// literals, markup stripped, <c>{{Model}}</c> holes filled with the shared model) and every sample file. Harvested
/// from the test files themselves, so a new test is covered here without anyone listing it.
/// </summary>
internal static class RobustnessCorpus
{
    private static readonly string[] TestFolders = { "Rules", "Flow", "CodeFixes" };

    private static readonly Lazy<ImmutableArray<CorpusSource>> Snippets = new(HarvestSnippets);

    private static readonly Lazy<ImmutableArray<CorpusSource>> SampleFiles = new(() =>
        Directory.GetFiles(Repository.PathOf("samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new CorpusSource(Path.GetRelativePath(Repository.Root, path), File.ReadAllText(path)))
            .ToImmutableArray());

    public static ImmutableArray<CorpusSource> TestSnippets => Snippets.Value;

    public static ImmutableArray<CorpusSource> Samples => SampleFiles.Value;

    public static IEnumerable<CorpusSource> All => TestSnippets.Concat(Samples);

    /// <summary>The sample projects as they build: each version of the forum with the shared model.</summary>
    public static IEnumerable<(string Name, ImmutableArray<CorpusSource> Files)> SampleProjects() =>
        new[] { "Forum.Mistakes", "Forum.Compliant" }.Select(project => (
            project,
            Samples.Where(s => s.Origin.Contains(project + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || s.Origin.Contains("Shared" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToImmutableArray()));

    // Every compilation derives from this one, so the ~200 references are read into symbols once, not per source.
    private static readonly Lazy<CSharpCompilation> Empty = new(() => CSharpCompilation.Create(
        "Robustness",
        syntaxTrees: null,
        TestReferences.Default,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));

    public static CSharpCompilation Compile(IEnumerable<string> sources) =>
        Empty.Value.AddSyntaxTrees(sources.Select((text, i) =>
            CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/Source{i}.cs")));

    private static ImmutableArray<CorpusSource> HarvestSnippets()
    {
        var found = ImmutableArray.CreateBuilder<CorpusSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in TestFolders)
        {
            foreach (var path in Directory.GetFiles(Repository.PathOf("tests", "SafePrivacy.Analyzers.Tests", folder), "*.cs").OrderBy(p => p, StringComparer.Ordinal))
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
                foreach (var (line, text) in RawStrings(root))
                {
                    var source = StripMarkup(text);
                    if (LooksLikeCompilationUnit(source) && seen.Add(source))
                    {
                        found.Add(new CorpusSource($"{Path.GetFileName(path)}:{line}", source));
                    }
                }
            }
        }

        return found.ToImmutable();
    }

    // Raw string literals, plain or interpolated; an interpolation of the shared model becomes its text.
    private static IEnumerable<(int Line, string Text)> RawStrings(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken):
                    yield return (line, literal.Token.ValueText);
                    break;
                case InterpolatedStringExpressionSyntax interpolated when interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken):
                    var text = new StringBuilder();
                    foreach (var content in interpolated.Contents)
                    {
                        text.Append(content switch
                        {
                            InterpolatedStringTextSyntax part => part.TextToken.ValueText,
                            InterpolationSyntax hole when hole.Expression.ToString() is "Model" or "TestModel.Users" => TestModel.Users,
                            _ => string.Empty,
                        });
                    }

                    yield return (line, text.ToString());
                    break;
            }
        }
    }

    private static string StripMarkup(string text)
    {
        try
        {
            return Markup.Parse(text).Source;
        }
        catch (ArgumentException)
        {
            // Deliberately unbalanced markup (a test that markup errors fail loudly): the text without markup tokens.
            return text.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal)
                .Replace("|}", string.Empty, StringComparison.Ordinal);
        }
    }

    private static bool LooksLikeCompilationUnit(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        return root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Any()
            && !root.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
