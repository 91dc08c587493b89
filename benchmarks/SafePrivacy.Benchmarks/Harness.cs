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

/// <summary>
/// A compilation to measure, what it holds, the solution (the <c>--path</c>) it belongs to, if any, and the additional
/// files a build passes to its analyzers (the project's <c>AdditionalFiles</c> items, <c>--annotations</c>).
/// </summary>
internal sealed record Workload(string Name, CSharpCompilation Compilation, string? Group = null, ImmutableArray<AdditionalText> AdditionalFiles = default)
{
    public AnalyzerOptions AnalyzerOptions => new(AdditionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : AdditionalFiles);

    public int Files => Compilation.SyntaxTrees.Length;

    public int Lines => Compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
}

/// <summary>
/// One way of measuring a compilation, each run on its own fresh clone: the compiler alone, the compiler with some
/// analyzers, or the same with the driver's telemetry on (which measures the analyzers' own time).
/// </summary>
internal sealed record Mode(string Key, Func<ImmutableArray<DiagnosticAnalyzer>> Analyzers, bool Telemetry, ImmutableDictionary<string, ReportDiagnostic>? Severities = null)
{
    public const string CompilerKey = "(a) compiler";
    public const string FloorKey = "(b) floor";
    public const string SafePrivacyKey = "(c) SafePrivacy";

    /// <summary>Times every SafePrivacy action per member; only the SafePrivacy telemetry mode has one.</summary>
    public bool TimesMembers { get; init; }

    public static Mode Compiler { get; } = new(CompilerKey, () => ImmutableArray<DiagnosticAnalyzer>.Empty, Telemetry: false);

    /// <summary>(b) one empty analyzer registered the way the flow rules are.</summary>
    public static Mode Floor { get; } = new(FloorKey, () => ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()), Telemetry: false);

    /// <summary>(b×N) N empty analyzers: what the driver charges per analyzer, beyond what one pays.</summary>
    public static Mode Floors(int count) => new(FloorsKey(count), () => Enumerable.Range(0, count).Select(_ => (DiagnosticAnalyzer)new FloorAnalyzer()).ToImmutableArray(), Telemetry: false);

    public static string FloorsKey(int count) => $"(b×{count}) floor";

    public static string TelemetryKey(string key) => key + " telemetry";
}

/// <summary>One repetition of one workload: a measurement per mode.</summary>
internal sealed class Sample
{
    public Dictionary<string, double> Milliseconds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> AllocatedBytes { get; } = new(StringComparer.Ordinal);

    /// <summary>Each telemetry mode's own time: the analyzer driver's telemetry, summed over the mode's analyzers.</summary>
    public Dictionary<string, double> OwnMilliseconds { get; } = new(StringComparer.Ordinal);

    /// <summary>SafePrivacy's own time by analyzer.</summary>
    public Dictionary<string, double> PerAnalyzer { get; } = new(StringComparer.Ordinal);

    /// <summary>SafePrivacy's slowest members in this run, slowest first.</summary>
    public List<MemberTimer.TimedMember> Members { get; } = new();

    public int CompilerErrors { get; set; }

    public Dictionary<string, int> DiagnosticsById { get; } = new(StringComparer.Ordinal);

    /// <summary>Several workloads' samples of one repetition added up: a solution measured as a whole.</summary>
    public static Sample Sum(IReadOnlyCollection<Sample> samples)
    {
        var sum = new Sample();
        foreach (var sample in samples)
        {
            Add(sum.Milliseconds, sample.Milliseconds);
            Add(sum.OwnMilliseconds, sample.OwnMilliseconds);
            Add(sum.PerAnalyzer, sample.PerAnalyzer);
            foreach (var (key, value) in sample.AllocatedBytes)
            {
                sum.AllocatedBytes[key] = sum.AllocatedBytes.GetValueOrDefault(key) + value;
            }

            foreach (var (key, value) in sample.DiagnosticsById)
            {
                sum.DiagnosticsById[key] = sum.DiagnosticsById.GetValueOrDefault(key) + value;
            }

            sum.CompilerErrors += sample.CompilerErrors;
        }

        sum.Members.AddRange(samples.SelectMany(s => s.Members).OrderByDescending(m => m.Milliseconds));
        return sum;
    }

    private static void Add(Dictionary<string, double> into, Dictionary<string, double> from)
    {
        foreach (var (key, value) in from)
        {
            into[key] = into.GetValueOrDefault(key) + value;
        }
    }
}

/// <summary>
/// Runs the modes on fresh clones of each compilation — interleaved (every repetition runs every workload and every
/// mode, in an order rotated each time) so that drift in the machine's speed spreads over all of them — and keeps all
/// but the first repetition, which warms up the JIT and the reference assemblies' symbols.
/// </summary>
internal sealed class Harness
{
    /// <summary>How many of a run's slowest members are kept per repetition.</summary>
    private const int MembersKept = 40;

    private readonly bool _concurrent;

    public Harness(bool concurrent) => _concurrent = concurrent;

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
                    + string.Join(", ", modes.Select(m => $"{m.Key} {sample.Milliseconds[m.Key]:F0} ms")));
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
        if (mode.Severities is { } severities)
        {
            clone = clone.WithOptions(clone.Options.WithSpecificDiagnosticOptions(clone.Options.SpecificDiagnosticOptions.SetItems(severities)));
        }

        var timer = mode.TimesMembers ? new MemberTimer() : null;
        var analyzers = mode.Analyzers();
        if (timer is not null)
        {
            analyzers = timer.Wrap(analyzers);
        }

        var failures = new ConcurrentQueue<string>();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        ImmutableArray<Diagnostic> diagnostics;
        ImmutableDictionary<DiagnosticAnalyzer, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo>? telemetry = null;
        if (analyzers.IsEmpty)
        {
            diagnostics = clone.GetDiagnostics();
        }
        else
        {
            var options = new CompilationWithAnalyzersOptions(
                workload.AnalyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{MemberTimer.NameOf(analyzer)} threw {exception}"),
                concurrentAnalysis: _concurrent,
                logAnalyzerExecutionTime: mode.Telemetry,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = clone.WithAnalyzers(analyzers, options);
            if (mode.Telemetry)
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
        sample.Milliseconds[mode.Key] = stopwatch.Elapsed.TotalMilliseconds;
        sample.AllocatedBytes[mode.Key] = GC.GetTotalAllocatedBytes(precise: true) - before;

        var failed = failures.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage())).ToList();
        if (failed.Count > 0)
        {
            throw new AnalyzerFailedException($"An analyzer failed on {workload.Name} ({mode.Key}):\n" + string.Join("\n", failed.Take(5)));
        }

        if (mode.Key == Mode.CompilerKey)
        {
            sample.CompilerErrors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        }

        if (mode.Key == Mode.SafePrivacyKey)
        {
            foreach (var group in diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal)).GroupBy(d => d.Id))
            {
                sample.DiagnosticsById[group.Key] = group.Count();
            }
        }

        if (telemetry is not null)
        {
            var own = 0.0;
            foreach (var analyzer in analyzers)
            {
                var milliseconds = telemetry.TryGetValue(analyzer, out var info) ? info.ExecutionTime.TotalMilliseconds : 0;
                own += milliseconds;
                if (timer is not null)
                {
                    sample.PerAnalyzer[MemberTimer.NameOf(analyzer)] = milliseconds;
                }
            }

            sample.OwnMilliseconds[mode.Key] = own;
        }

        if (timer is not null)
        {
            sample.Members.AddRange(timer.Top(MembersKept));
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

/// <summary>An additional file on disk, read when an analyzer asks for it.</summary>
internal sealed class FileText : AdditionalText
{
    public FileText(string path) => Path = System.IO.Path.GetFullPath(path);

    public override string Path { get; }

    public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) =>
        System.IO.File.Exists(Path) ? Microsoft.CodeAnalysis.Text.SourceText.From(System.IO.File.ReadAllText(Path)) : null;
}

/// <summary>An analyzer threw (AD0001) during a measurement: reported with its message, the run stops with exit code 1.</summary>
internal sealed class AnalyzerFailedException : Exception
{
    public AnalyzerFailedException(string message)
        : base(message)
    {
    }

    public AnalyzerFailedException()
    {
    }

    public AnalyzerFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
