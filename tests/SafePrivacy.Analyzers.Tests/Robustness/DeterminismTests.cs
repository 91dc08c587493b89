using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Tests.Conventions;

namespace SafePrivacy.Analyzers.Tests.Robustness;

/// <summary>
/// The same code gives the same findings — the same diagnostics with the same messages, locations and fix data, in
/// the same order — on every run, with the analyzers running concurrently as they do in a build.
/// </summary>
public sealed class DeterminismTests
{
    private const int Runs = 4;

    [Fact]
    public async Task TheSamplesGiveIdenticalFindingsOnEveryConcurrentRun()
    {
        foreach (var (name, files) in RobustnessCorpus.SampleProjects())
        {
            var first = await FindingsAsync(files.Select(f => f.Text));
            Assert.True(name != "Forum.Mistakes" || first.Length > 10, $"{name} has only {first.Length} findings.");
            for (var run = 1; run < Runs; run++)
            {
                AssertSame(first, await FindingsAsync(files.Select(f => f.Text)), $"{name}, run {run + 1}");
            }
        }
    }

    [Fact]
    public async Task TheRuleTestSnippetsGiveIdenticalFindingsOnEveryConcurrentRun()
    {
        // All snippets in one compilation: many bodies analysed at once is where ordering would show.
        var sources = RobustnessCorpus.TestSnippets.Select((s, i) => $"namespace Snippet{i}\n{{\n{s.Text}\n}}\n").ToList();
        var first = await FindingsAsync(sources);
        Assert.True(first.Length > 100, $"Only {first.Length} findings: the snippets no longer exercise the rules.");
        for (var run = 1; run < Runs; run++)
        {
            AssertSame(first, await FindingsAsync(sources), $"the snippets, run {run + 1}");
        }
    }

    private static void AssertSame(ImmutableArray<string> first, ImmutableArray<string> again, string which)
    {
        var onlyFirst = first.Except(again).ToList();
        var onlyAgain = again.Except(first).ToList();
        Assert.True(
            first.SequenceEqual(again),
            $"{which} differs from run 1.\nOnly in run 1:\n  {string.Join("\n  ", onlyFirst)}\nOnly in {which}:\n  {string.Join("\n  ", onlyAgain)}");
    }

    // A fresh compilation each time, so no cache of an earlier run can make runs agree; the driver's output is
    // sorted the way a build prints it (file, position, ID), and everything a user or a fix sees is compared.
    private static async Task<ImmutableArray<string>> FindingsAsync(System.Collections.Generic.IEnumerable<string> sources)
    {
        var compilation = RobustnessCorpus.Compile(sources);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerConventionTests.Analyzers, options).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(CultureInfo.InvariantCulture), System.StringComparer.Ordinal)
            .Select(Describe)
            .ToImmutableArray();
    }

    private static string Describe(Diagnostic diagnostic) =>
        string.Join(
            " | ",
            diagnostic.Id,
            diagnostic.Location.SourceTree?.FilePath + diagnostic.Location.SourceSpan,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            string.Join(",", diagnostic.AdditionalLocations.Select(l => l.SourceSpan.ToString())),
            string.Join(",", diagnostic.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)));
}
