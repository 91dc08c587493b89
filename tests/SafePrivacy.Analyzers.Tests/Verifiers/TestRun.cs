using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// What one test run analysed: each compilation the framework built and the verifier checking it, the diagnostics
/// the framework then reported on it and, for the states a test declares, what the IDE's per-document analysis
/// reported. The framework calls the test back at each step; this is where the steps meet.
/// </summary>
internal sealed class TestRun
{
    private static readonly AsyncLocal<TestRun?> CurrentRun = new();

    private readonly ConcurrentDictionary<Project, Analysis> _byProject = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<IVerifier, Analysis> _byVerifier = new(ReferenceEqualityComparer.Instance);

    /// <summary>The run under way in this asynchronous flow, for the verifier's failure messages.</summary>
    public static TestRun? Current => CurrentRun.Value;

    public static TestRun Start() => CurrentRun.Value = new TestRun();

    public Analysis Compiled(Project project, Compilation compilation, IVerifier verifier)
    {
        var analysis = new Analysis(compilation, verifier);
        _byProject[project] = analysis;
        _byVerifier[verifier] = analysis;
        return analysis;
    }

    /// <summary>Records what the framework reported, and returns it per analysed project.</summary>
    public IEnumerable<Analysis> Reported(ImmutableArray<(Project Project, Diagnostic Diagnostic)> diagnostics)
    {
        foreach (var group in diagnostics.GroupBy(d => d.Project, ReferenceEqualityComparer.Instance))
        {
            if (_byProject.TryGetValue((Project)group.Key!, out var analysis))
            {
                analysis.Reported = group.Select(d => d.Diagnostic).ToImmutableArray();
                yield return analysis;
            }
        }
    }

    /// <summary>The sources the verifier's last analysis saw, with the diagnostics reported written in as markup.</summary>
    public string DescribeWhatWasAnalysed(IVerifier verifier)
    {
        if (!_byVerifier.TryGetValue(verifier, out var analysis))
        {
            return string.Empty;
        }

        var report = new StringBuilder();
        report.AppendLine().AppendLine().AppendLine("The sources as analysed, with the diagnostics reported written in as {|ID:markup|}:");
        foreach (var tree in analysis.Compilation.SyntaxTrees)
        {
            report.AppendLine($"// {tree.FilePath}");
            report.AppendLine(DiagnosticReport.Annotate(tree.GetText().ToString(), analysis.Reported.Where(d => d.Location.SourceTree == tree)));
        }

        var elsewhere = analysis.Reported.Where(d => !d.Location.IsInSource).ToList();
        if (elsewhere.Count > 0)
        {
            report.AppendLine("Outside the sources:").AppendLine(DiagnosticReport.DescribeAll(elsewhere));
        }

        return report.ToString();
    }

    /// <summary>One compilation the framework analysed.</summary>
    public sealed class Analysis
    {
        public Analysis(Compilation compilation, IVerifier verifier)
        {
            Compilation = compilation;
            Verifier = verifier;
        }

        public Compilation Compilation { get; }

        public IVerifier Verifier { get; }

        /// <summary>What the IDE's per-document analysis reports, when this is a state the test declares.</summary>
        public ImmutableArray<Diagnostic>? Live { get; set; }

        public ImmutableArray<Diagnostic> Reported { get; set; } = ImmutableArray<Diagnostic>.Empty;
    }
}
