using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Benchmarks;

/// <summary>A compilation to measure, and what it holds.</summary>
internal sealed record Workload(string Name, CSharpCompilation Compilation)
{
    public int Files => Compilation.SyntaxTrees.Length;

    public int Lines => Compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
}

/// <summary>The ways one compilation is measured, each on its own fresh clone.</summary>
internal enum Mode
{
    /// <summary>(a) <c>GetDiagnostics</c>: the compiler alone.</summary>
    Compiler,

    /// <summary>(b) the compiler with the empty operation analyzer: the floor.</summary>
    Floor,

    /// <summary>(c) the compiler with every SafePrivacy analyzer.</summary>
    SafePrivacy,

    /// <summary>(c) again, with analyzer telemetry and per-member timers on: SafePrivacy's own time, the slowest member.</summary>
    Telemetry,
}

/// <summary>One repetition of one workload: a measurement per mode.</summary>
internal sealed class Sample
{
    public Dictionary<Mode, double> Milliseconds { get; } = new();

    public Dictionary<Mode, long> AllocatedBytes { get; } = new();

    /// <summary>SafePrivacy's own time (the analyzer driver's telemetry, summed over its analyzers).</summary>
    public double OwnMilliseconds { get; set; }

    public Dictionary<string, double> PerAnalyzer { get; } = new(StringComparer.Ordinal);

    public (string Name, double Milliseconds) SlowestMember { get; set; }

    public List<(string Name, double Milliseconds)> SlowestMembers { get; } = new();

    public int CompilerErrors { get; set; }

    public Dictionary<string, int> DiagnosticsById { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Runs the modes on fresh clones of each compilation — interleaved (every repetition runs every workload and every
/// mode, in an order rotated each time) so that drift in the machine's speed spreads over all of them — and keeps all
/// but the first repetition, which warms up the JIT and the reference assemblies' symbols.
/// </summary>
internal sealed class Harness
{
    private readonly Func<ImmutableArray<DiagnosticAnalyzer>> _safePrivacy;
    private readonly bool _concurrent;

    public Harness(Func<ImmutableArray<DiagnosticAnalyzer>> safePrivacy, bool concurrent)
    {
        _safePrivacy = safePrivacy;
        _concurrent = concurrent;
    }

    public Dictionary<Workload, List<Sample>> Run(IReadOnlyList<Workload> workloads, int repetitions, IReadOnlyList<Mode> modes, Action<string> progress)
    {
        var kept = workloads.ToDictionary(w => w, _ => new List<Sample>());
        for (var rep = 0; rep < repetitions; rep++)
        {
            foreach (var workload in workloads)
            {
                var sample = new Sample();
                var order = modes.Skip(rep % modes.Count).Concat(modes.Take(rep % modes.Count)).ToList();
                foreach (var mode in order)
                {
                    Measure(workload, mode, sample);
                }

                progress($"  rep {rep + 1}/{repetitions}{(rep == 0 ? " (warm-up, discarded)" : string.Empty)} {workload.Name}: "
                    + string.Join(", ", modes.Select(m => $"{m} {sample.Milliseconds[m]:F0} ms")));
                if (rep > 0)
                {
                    kept[workload].Add(sample);
                }
            }
        }

        return kept;
    }

    private void Measure(Workload workload, Mode mode, Sample sample)
    {
        Settle();
        var clone = workload.Compilation.Clone();
        var timer = mode == Mode.Telemetry ? new MemberTimer() : null;
        var analyzers = mode switch
        {
            Mode.Compiler => ImmutableArray<DiagnosticAnalyzer>.Empty,
            Mode.Floor => ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()),
            Mode.SafePrivacy => _safePrivacy(),
            _ => timer!.Wrap(_safePrivacy()),
        };
        var failures = new ConcurrentQueue<string>();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        ImmutableArray<Diagnostic> diagnostics;
        CompilationWithAnalyzers? withAnalyzers = null;
        ImmutableDictionary<DiagnosticAnalyzer, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo>? telemetry = null;
        if (analyzers.IsEmpty)
        {
            diagnostics = clone.GetDiagnostics();
        }
        else
        {
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{MemberTimer.NameOf(analyzer)} threw {exception}"),
                concurrentAnalysis: _concurrent,
                logAnalyzerExecutionTime: mode == Mode.Telemetry,
                reportSuppressedDiagnostics: false);
            withAnalyzers = clone.WithAnalyzers(analyzers, options);
            if (mode == Mode.Telemetry)
            {
                // The analysis result is what carries the driver's per-analyzer execution times.
                var result = withAnalyzers.GetAnalysisResultAsync(default).GetAwaiter().GetResult();
                telemetry = result.AnalyzerTelemetryInfo;
                diagnostics = result.GetAllDiagnostics();
            }
            else
            {
                diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            }
        }

        stopwatch.Stop();
        sample.Milliseconds[mode] = stopwatch.Elapsed.TotalMilliseconds;
        sample.AllocatedBytes[mode] = GC.GetTotalAllocatedBytes(precise: true) - before;

        var failed = failures.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage())).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"An analyzer failed on {workload.Name}:\n" + string.Join("\n", failed));
        }

        switch (mode)
        {
            case Mode.Compiler:
                sample.CompilerErrors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                break;
            case Mode.SafePrivacy:
                foreach (var group in diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal)).GroupBy(d => d.Id))
                {
                    sample.DiagnosticsById[group.Key] = group.Count();
                }

                break;
            case Mode.Telemetry:
                foreach (var analyzer in analyzers)
                {
                    sample.PerAnalyzer[MemberTimer.NameOf(analyzer)] = telemetry![analyzer].ExecutionTime.TotalMilliseconds;
                }

                sample.OwnMilliseconds = sample.PerAnalyzer.Values.Sum();
                sample.SlowestMember = timer!.Slowest();
                sample.SlowestMembers.AddRange(timer.Top(10));
                break;
        }
    }

    // Start every measurement from the same heap: no garbage left by the previous one to collect on its time.
    private static void Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
