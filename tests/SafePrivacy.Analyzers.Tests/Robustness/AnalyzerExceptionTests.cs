using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Tests.Conventions;

namespace SafePrivacy.Analyzers.Tests.Robustness;

/// <summary>
/// No analyzer ever throws (AD0001 in a user's IDE), whatever the code: every source the repository holds, as
/// written, cut off at evenly spaced points (code being typed), and with tokens deleted at seeded random places.
/// The analyzers are a Debug build here, so the engine rethrows its internal errors instead of swallowing them.
/// </summary>
public sealed class AnalyzerExceptionTests
{
    // Enough variants per source to reach every construct half-typed, few enough to keep the suite fast.
    private const int Cuts = 10;
    private const int Deletions = 4;

    [Fact]
    public Task NoAnalyzerThrows_OnTestSnippetsAsWrittenTruncatedAndWithTokensDeleted() =>
        AssertNoExceptionsAsync(RobustnessCorpus.TestSnippets);

    [Fact]
    public Task NoAnalyzerThrows_OnSampleFilesAsWrittenTruncatedAndWithTokensDeleted() =>
        AssertNoExceptionsAsync(RobustnessCorpus.Samples);

    [Fact]
    public async Task NoAnalyzerThrows_OnTheSampleProjects()
    {
        foreach (var (name, files) in RobustnessCorpus.SampleProjects())
        {
            var failures = await FailuresAsync(files.Select(f => f.Text), CancellationToken.None);
            Assert.True(failures.Count == 0, $"{name}: " + string.Join("\n", failures));
        }
    }

    [Fact]
    public void TheCorpusHoldsTheRuleTestsAndTheSamples()
    {
        Assert.True(RobustnessCorpus.TestSnippets.Length > 100, $"Only {RobustnessCorpus.TestSnippets.Length} test snippets were harvested.");
        Assert.Contains(RobustnessCorpus.TestSnippets, s => s.Origin.StartsWith("SP2001", StringComparison.Ordinal));
        Assert.Contains(RobustnessCorpus.Samples, s => s.Origin.Contains("AutoModerator.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Variants_CutAndDeleteDeterministically()
    {
        var source = new CorpusSource("example", "public class A { public void M() { var x = 1; System.Console.WriteLine(x); } }");
        var first = Variants(source, 3).ToList();

        Assert.Equal(first, Variants(source, 3).ToList());
        Assert.Equal(1 + (Cuts - 1) + Deletions, first.Count);
        Assert.All(first.Skip(1), v => Assert.NotEqual(source.Text, v.Text));
    }

    /// <summary>The source as written, cut off at evenly spaced points, and with 1–3 tokens deleted (seeded).</summary>
    internal static IEnumerable<(string Kind, string Text)> Variants(CorpusSource source, int seed)
    {
        var text = source.Text;
        yield return ("as written", text);

        var step = Math.Max(1, text.Length / Cuts);
        for (var end = step; end < text.Length && end < step * Cuts; end += step)
        {
            yield return ($"cut off after {end} characters", text.Substring(0, end));
        }

        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        var random = new Random(seed);
        for (var variant = 0; variant < Deletions && tokens.Count > 1; variant++)
        {
            var deleted = new SortedSet<int>();
            var count = Math.Min(random.Next(1, 4), tokens.Count - 1);
            while (deleted.Count < count)
            {
                deleted.Add(random.Next(tokens.Count));
            }

            var mutated = new StringBuilder(text.Length);
            for (var i = 0; i < tokens.Count; i++)
            {
                // A deleted token keeps its trivia, so the rest of the code stays where it was.
                mutated.Append(deleted.Contains(i)
                    ? tokens[i].LeadingTrivia.ToFullString() + tokens[i].TrailingTrivia.ToFullString()
                    : tokens[i].ToFullString());
            }

            var names = string.Join(", ", deleted.Select(i => $"'{tokens[i].Text}' at {tokens[i].SpanStart}"));
            yield return ($"with {names} deleted", mutated.ToString());
        }
    }

    private static async Task AssertNoExceptionsAsync(ImmutableArray<CorpusSource> sources)
    {
        var inputs = sources.SelectMany((source, index) => Variants(source, index).Select(v => (Source: source, v.Kind, v.Text))).ToList();
        var failures = new ConcurrentBag<(int Order, string Report)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(inputs.Select((input, order) => (input, order)), parallel, async (item, cancellationToken) =>
        {
            var problems = await FailuresAsync(new[] { item.input.Text }, cancellationToken);
            if (problems.Count > 0)
            {
                failures.Add((item.order, $"{item.input.Source.Origin}, {item.input.Kind}:\n{string.Join("\n", problems)}\n--- input ---\n{item.input.Text}\n--- end ---"));
            }
        });

        var ordered = failures.OrderBy(f => f.Order).Select(f => f.Report).ToList();
        Assert.True(
            ordered.Count == 0,
            $"{ordered.Count} of {inputs.Count} inputs made an analyzer throw; the first ones:\n\n" + string.Join("\n\n", ordered.Take(3)));
    }

    /// <summary>Every exception an analyzer threw (or AD0001 it caused) while analysing <paramref name="sources"/>.</summary>
    internal static async Task<IReadOnlyList<string>> FailuresAsync(IEnumerable<string> sources, CancellationToken cancellationToken)
    {
        var compilation = RobustnessCorpus.Compile(sources);
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerConventionTests.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return exceptions
            .Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture)))
            .ToList();
    }
}
