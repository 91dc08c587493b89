using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Tests.Conventions;
using SafePrivacy.Analyzers.Tests.Verifiers;

namespace SafePrivacy.Analyzers.Tests.Samples;

/// <summary>
/// The shipped samples are a contract: the compliant forum has no finding at all, and every mistake in the other
/// one — each marked <c>// ⚠ SPxxxx</c> on its line — produces exactly its findings, and nothing else does.
/// </summary>
public sealed partial class SampleTests
{
    [Fact]
    public async Task CompliantForum_HasNoFindings()
    {
        var diagnostics = await AnalyzeAsync("Forum.Compliant");

        Assert.True(diagnostics.Count == 0, "The compliant sample should be clean, but has:\n" + string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public async Task ForumWithMistakes_HasExactlyTheMarkedFindings()
    {
        var expected = Markers("Forum.Mistakes");
        var actual = (await AnalyzeAsync("Forum.Mistakes"))
            .Select(d => (File: Path.GetFileName(d.Location.SourceTree!.FilePath), Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
            .ToHashSet();

        var missing = expected.Except(actual).OrderBy(e => e).ToList();
        var unexpected = actual.Except(expected).OrderBy(e => e).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"Missing: {string.Join("; ", missing)}\nUnexpected: {string.Join("; ", unexpected)}");
        Assert.Contains(expected, e => e.Id == "SP5001");
    }

    // `// ⚠ SP4001, SP5002` at the end of a line: those findings are expected on that line.
    private static HashSet<(string File, int Line, string Id)> Markers(string project)
    {
        var markers = new HashSet<(string, int, string)>();
        foreach (var path in SourceFiles(project))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = lines[i].IndexOf("// ⚠", StringComparison.Ordinal);
                if (marker < 0)
                {
                    continue;
                }

                foreach (Match id in RuleId().Matches(lines[i].Substring(marker)))
                {
                    markers.Add((Path.GetFileName(path), i + 1, id.Value));
                }
            }
        }

        return markers;
    }

    private static async Task<List<Diagnostic>> AnalyzeAsync(string project)
    {
        var trees = SourceFiles(project)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path))
            .ToList();
        var compilation = CSharpCompilation.Create(
            project,
            trees,
            TestReferences.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{project} does not compile:\n" + string.Join("\n", errors));

        var analyzers = Conventions.AnalyzerConventionTests.Analyzers;
        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal)).ToList();
    }

    private static IEnumerable<string> SourceFiles(string project) =>
        new[] { project, "Shared" }
            .SelectMany(folder => Directory.GetFiles(Repository.PathOf("samples", folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal);

    [GeneratedRegex("SP[0-9]{4}")]
    private static partial Regex RuleId();
}
