using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafePrivacy.Benchmarks.Loading;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// The Markdown report of a run: what was loaded and how faithfully, every figure as a ratio to (a) measured in the
/// same repetition, the peers beside SafePrivacy, growth with corpus size, the slowest members, and the targets.
/// </summary>
internal static class Report
{
    private const double OwnTimeTarget = 5.0;
    private const double WallTarget = 5.0;
    private const double GrowthTarget = 2.1;
    private const double MemberTarget = 50.0;
    private const int SlowestShown = 10;

    public sealed record Context(
        Dictionary<Workload, List<Sample>> Results,
        Dictionary<Workload, BodyCensus> Census,
        List<(int Scale, Workload Workload)> Corpus,
        List<(string Path, List<LoadedProject> Projects)> Solutions,
        List<Peer> Peers,
        int AnalyzerCount,
        string References,
        bool Concurrent,
        int Repetitions,
        string LoadBefore,
        string LoadAfter,
        List<string> Annotations);

    /// <summary>A row of the main table: one workload, or a solution's projects added up per repetition.</summary>
    private sealed record Row(string Name, int Files, int Lines, BodyCensus Census, List<Sample> Samples, bool IsTotal);

    public static (string Text, bool AllMet) Write(Context context)
    {
        var text = new StringBuilder();
        var allMet = true;
        var telemetry = Mode.TelemetryKey(Mode.SafePrivacyKey);
        var floors = Mode.FloorsKey(context.AnalyzerCount);
        text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}, "
            + $"{(context.Concurrent ? "concurrent" : "sequential")} analysis; medians of {context.Repetitions - 1} repetitions after one discarded warm-up.");
        text.AppendLine($"Load average (1, 5, 15 min, as `uptime` shows it): {context.LoadBefore} at the start, {context.LoadAfter} at the end.");
        text.AppendLine($"References of the generated corpus: {context.References}.");
        text.AppendLine();
        WriteSolutions(text, context);

        var rows = Rows(context);
        text.AppendLine("Every percentage is of (a), the compiler's own `GetDiagnostics` time on the same workload in the same repetition. "
            + $"(b) is one empty operation-block analyzer; (b×{context.AnalyzerCount}) is {context.AnalyzerCount} of them, as many as SafePrivacy registers, so (b×{context.AnalyzerCount}) − (b) is the analyzer driver's cost per extra analyzer, whatever the analyzers do. "
            + "*Walked* is the share of bodies that pass the engine's gate (`PrivacyModel.IsCandidate`) and are followed by the flow analysis.");
        text.AppendLine();
        text.AppendLine($"| workload | files / lines | bodies: walked / meet a sink | (a) compiler | (b) floor above (a) | (b×{context.AnalyzerCount}) − (b) | SafePrivacy own time | (c) wall above (b) | allocated above (b) | slowest member | findings |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var samples = row.Samples;
            var compile = Median(samples.Select(s => s.Milliseconds[Mode.CompilerKey]));
            var compileBytes = Median(samples.Select(s => (double)s.AllocatedBytes[Mode.CompilerKey]));
            var floor = Ratio(samples, s => s.Milliseconds[Mode.FloorKey] - s.Milliseconds[Mode.CompilerKey]);
            var driver = Ratio(samples, s => s.Milliseconds[floors] - s.Milliseconds[Mode.FloorKey]);
            var own = Ratio(samples, s => s.OwnMilliseconds[telemetry]);
            var wall = Ratio(samples, s => s.Milliseconds[Mode.SafePrivacyKey] - s.Milliseconds[Mode.FloorKey]);
            var bytes = Median(samples.Select(s => (double)(s.AllocatedBytes[Mode.SafePrivacyKey] - s.AllocatedBytes[Mode.FloorKey])));
            var (slowestName, slowest) = Slowest(samples);
            var findings = samples[0].DiagnosticsById.Values.Sum();
            var met = own <= OwnTimeTarget && wall <= WallTarget && slowest <= MemberTarget;
            allMet &= met;
            var name = row.IsTotal ? $"**{row.Name}**" : row.Name;
            text.AppendLine(
                $"| {name} | {row.Files:N0} / {row.Lines:N0} | {row.Census.Bodies:N0}: {Percent(row.Census.Candidates, row.Census.Bodies)} / {Percent(row.Census.BodiesWithHits, row.Census.Bodies)} | {compile:N0} ms, {compileBytes / 1e6:N0} MB "
                + $"| {floor:+0.0;-0.0}% | {driver:+0.0;-0.0}% | **{own:0.0}%** ({Median(samples.Select(s => s.OwnMilliseconds[telemetry])):N0} ms) | **{wall:+0.0;-0.0}%** "
                + $"| {bytes / 1e6:+0.0;-0.0} MB ({bytes / compileBytes * 100:+0.0;-0.0}%) | {slowest:0.0} ms `{Truncate(slowestName, 60)}` | {findings} |");
        }

        text.AppendLine();
        allMet &= WriteGrowth(text, context);
        WritePeers(text, context, rows);
        WriteSlowestMembers(text, context);

        // The analyzer that first asks for a shared walk is charged for it, so the first flow rule carries the engine.
        text.AppendLine("SafePrivacy's own time by analyzer (median ms; a walk shared by every flow rule is charged to the first that asks for it):");
        text.AppendLine();
        var largest = context.Corpus.Count > 0 ? context.Corpus.OrderBy(c => c.Scale).Last().Workload : context.Results.Keys.First();
        var plain = context.Results.Keys.Where(w => w.Group is null && w != largest && context.Corpus.All(c => c.Workload != w));
        foreach (var workload in plain.Prepend(largest))
        {
            var perAnalyzer = context.Results[workload].SelectMany(s => s.PerAnalyzer).GroupBy(p => p.Key).Select(g => (g.Key, Median(g.Select(p => p.Value)))).OrderByDescending(p => p.Item2);
            text.AppendLine($"- {workload.Name}: {string.Join(", ", perAnalyzer.Select(p => $"{p.Key} {p.Item2:N0}"))}");
        }

        text.AppendLine();
        text.AppendLine($"Targets: own time ≤ {OwnTimeTarget}% of (a), wall above (b) ≤ {WallTarget}% of (a), growth ≤ {GrowthTarget}x per doubling, no member > {MemberTarget} ms: {(allMet ? "all met" : "NOT ALL MET")}.");
        return (text.ToString(), allMet);
    }

    public static void PrintProfile(Dictionary<Workload, List<Sample>> results)
    {
        var telemetry = Mode.TelemetryKey(Mode.SafePrivacyKey);
        foreach (var (workload, samples) in results)
        {
            Console.WriteLine($"\n{workload.Name}: compiler {Median(samples.Select(s => s.Milliseconds[Mode.CompilerKey])):N0} ms, SafePrivacy own {Median(samples.Select(s => s.OwnMilliseconds[telemetry])):N0} ms");
            foreach (var group in samples.SelectMany(s => s.PerAnalyzer).GroupBy(p => p.Key).OrderByDescending(g => Median(g.Select(p => p.Value))))
            {
                Console.WriteLine($"  {group.Key,-48} {Median(group.Select(p => p.Value)),8:N1} ms");
            }

            Console.WriteLine("  slowest members (last repetition):");
            foreach (var member in samples[^1].Members.Take(SlowestShown))
            {
                Console.WriteLine($"    {member.Milliseconds,8:N1} ms  {member.Lines,5} lines  {member.Name}");
            }
        }
    }

    public static string Percent(int part, int whole) => whole == 0 ? "0%" : $"{100.0 * part / whole:0.0}%";

    public static string ErrorsById(IEnumerable<Diagnostic> errors, int count) =>
        string.Join(", ", errors.GroupBy(e => e.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(count).Select(g => $"{g.Key} ×{g.Count()}"));

    // Each workload, and after a solution's projects their total: the same repetition's samples added up.
    private static List<Row> Rows(Context context)
    {
        var rows = new List<Row>();
        foreach (var group in context.Results.Keys.GroupBy(w => w.Group))
        {
            var members = group.ToList();
            rows.AddRange(members.Select(w => new Row(w.Name, w.Files, w.Lines, context.Census[w], context.Results[w], IsTotal: false)));
            if (group.Key is { } path && members.Count > 1)
            {
                var repetitions = members.Min(w => context.Results[w].Count);
                var sums = Enumerable.Range(0, repetitions).Select(i => Sample.Sum(members.Select(w => context.Results[w][i]).ToList())).ToList();
                rows.Add(new Row($"{System.IO.Path.GetFileName(path.TrimEnd('/'))}: {members.Count} projects", members.Sum(w => w.Files), members.Sum(w => w.Lines), BodyCensus.Sum(members.Select(w => context.Census[w])), sums, IsTotal: true));
            }
        }

        return rows;
    }

    private static void WriteSolutions(StringBuilder text, Context context)
    {
        foreach (var (path, projects) in context.Solutions)
        {
            var errors = projects.Sum(p => p.Errors.Count);
            var annotations = context.Annotations.Count == 0 ? string.Empty : $" External annotations given to every project: {string.Join(", ", context.Annotations.Select(System.IO.Path.GetFileName))}.";
            text.AppendLine($"**{path}**: {Count(projects.Count, "project")} loaded without MSBuild ({ProjectLoader.Configuration}, the newest .NET each targets), {Count(errors, "compiler error")} in all, "
                + $"{Count(projects.Count(p => p.Errors.Count == 0), "project")} with none. Source generators of the reference packs and packages ran once at load and their output is compiled and analysed; "
                + "Razor (`.razor`, `.cshtml`) and other build-time code generation (gRPC, resources) are not included." + annotations);
            text.AppendLine();
            text.AppendLine("| project | target | files / lines | compiler errors | most frequent | packages | not restored | generators |");
            text.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var project in projects)
            {
                var lines = project.Compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
                var unresolved = project.Unresolved.Count == 0 ? "—" : string.Join(", ", project.Unresolved.Select(u => u.Split(' ')[0]).Distinct(StringComparer.OrdinalIgnoreCase));
                var generators = project.Generators.Count == 0 ? "—" : string.Join(", ", project.Generators);
                text.AppendLine($"| {project.Name} | {project.TargetFramework} | {project.Compilation.SyntaxTrees.Length:N0} / {lines:N0} | {project.Errors.Count:N0} | {(project.Errors.Count == 0 ? "—" : ErrorsById(project.Errors, 3))} | {project.PackageSource} | {unresolved} | {generators} |");
            }

            text.AppendLine();
        }
    }

    private static bool WriteGrowth(StringBuilder text, Context context)
    {
        if (context.Corpus.Count <= 1)
        {
            return true;
        }

        var met = true;
        var telemetry = Mode.TelemetryKey(Mode.SafePrivacyKey);
        text.AppendLine("Growth with corpus size (SafePrivacy's own time; the compiler's for comparison):");
        text.AppendLine();
        text.AppendLine("| corpus | (a) compiler | growth | SafePrivacy own time | growth | (c) − (b) wall | growth |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        double? previousCompile = null, previousOwn = null, previousWall = null;
        var previousScale = 0;
        foreach (var (scale, workload) in context.Corpus.OrderBy(c => c.Scale))
        {
            var samples = context.Results[workload];
            var compile = Median(samples.Select(s => s.Milliseconds[Mode.CompilerKey]));
            var own = Median(samples.Select(s => s.OwnMilliseconds[telemetry]));
            var wall = Median(samples.Select(s => s.Milliseconds[Mode.SafePrivacyKey] - s.Milliseconds[Mode.FloorKey]));
            double? PerDoubling(double current, double? previous) =>
                previous is { } p && p > 0 && current > 0 ? Math.Pow(current / p, 1.0 / Math.Log2((double)scale / previousScale)) : null;
            string Growth(double? value) => value is { } g ? $"{g:0.00}x per doubling" : string.Empty;
            var ownGrowth = PerDoubling(own, previousOwn);
            if (ownGrowth > GrowthTarget)
            {
                met = false;
            }

            text.AppendLine($"| {scale}x | {compile:N0} ms | {Growth(PerDoubling(compile, previousCompile))} | {own:N0} ms | {(ownGrowth is null ? string.Empty : $"**{Growth(ownGrowth)}**")} | {wall:N0} ms | {Growth(PerDoubling(wall, previousWall))} |");
            previousCompile = compile;
            previousOwn = own;
            previousWall = wall;
            previousScale = scale;
        }

        text.AppendLine();
        return met;
    }

    private static void WritePeers(StringBuilder text, Context context, List<Row> rows)
    {
        if (context.Peers.Count == 0)
        {
            return;
        }

        var telemetry = Mode.TelemetryKey(Mode.SafePrivacyKey);
        text.AppendLine("Peers, measured in the same interleaved run with the same columns (own time from the driver's telemetry; wall above (b)), every percentage of (a):");
        text.AppendLine();
        foreach (var peer in context.Peers)
        {
            text.AppendLine($"- **{peer.Name}**: {Count(peer.AnalyzerCount, "analyzer")} from {peer.Source}{(peer.Rules is null ? ", default severities" : ", only " + string.Join(", ", peer.Rules.OrderBy(r => r, StringComparer.Ordinal)) + " (turned on as warnings)")}.");
        }

        text.AppendLine();
        var header = new StringBuilder("| workload | SafePrivacy own | SafePrivacy wall above (b) |");
        var rule = new StringBuilder("|---|---|---|");
        foreach (var peer in context.Peers)
        {
            header.Append($" {peer.Name} own | {peer.Name} wall above (b) | SafePrivacy own ÷ {peer.Name} own |");
            rule.Append("---|---|---|");
        }

        text.AppendLine(header.ToString());
        text.AppendLine(rule.ToString());
        foreach (var row in rows)
        {
            var samples = row.Samples;
            var own = Ratio(samples, s => s.OwnMilliseconds[telemetry]);
            var line = new StringBuilder($"| {(row.IsTotal ? $"**{row.Name}**" : row.Name)} | {own:0.0}% | {Ratio(samples, s => s.Milliseconds[Mode.SafePrivacyKey] - s.Milliseconds[Mode.FloorKey]):+0.0;-0.0}% |");
            foreach (var peer in context.Peers)
            {
                var key = Program.PeerKey(peer);
                var peerOwn = Ratio(samples, s => s.OwnMilliseconds[Mode.TelemetryKey(key)]);
                var times = Median(samples.Select(s => s.OwnMilliseconds[Mode.TelemetryKey(key)] > 0 ? s.OwnMilliseconds[telemetry] / s.OwnMilliseconds[Mode.TelemetryKey(key)] : double.NaN).Where(v => !double.IsNaN(v)));
                line.Append($" {peerOwn:0.0}% | {Ratio(samples, s => s.Milliseconds[key] - s.Milliseconds[Mode.FloorKey]):+0.0;-0.0}% | {times:0.00}x |");
            }

            text.AppendLine(line.ToString());
        }

        text.AppendLine();
    }

    // The slowest members of any workload: each member's median over the repetitions (a repetition where it was not
    // among the slowest counts as its fastest), with its line count from its syntax.
    private static void WriteSlowestMembers(StringBuilder text, Context context)
    {
        var members = new List<(string Workload, MemberTimer.TimedMember Member)>();
        foreach (var (workload, samples) in context.Results)
        {
            foreach (var group in samples.SelectMany(s => s.Members).GroupBy(m => m.Name, StringComparer.Ordinal))
            {
                var times = group.Select(m => m.Milliseconds).ToList();
                var fastest = times.Min();
                times.AddRange(Enumerable.Repeat(fastest, Math.Max(0, samples.Count - times.Count)));
                members.Add((workload.Name, new MemberTimer.TimedMember(group.Key, Median(times), group.First().Lines)));
            }
        }

        text.AppendLine($"The {SlowestShown} slowest members (SafePrivacy's time in each, median; work a member triggers for others, such as a helper's summary, is charged to it):");
        text.AppendLine();
        text.AppendLine("| member | workload | lines | SafePrivacy time | per 100 lines |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var (workload, member) in members.OrderByDescending(m => m.Member.Milliseconds).Take(SlowestShown))
        {
            var perHundred = member.Lines > 0 ? $"{member.Milliseconds / member.Lines * 100:0.0} ms" : "—";
            text.AppendLine($"| `{Truncate(member.Name, 90)}` | {workload} | {(member.Lines > 0 ? member.Lines.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "—")} | {member.Milliseconds:0.0} ms | {perHundred} |");
        }

        text.AppendLine();
    }

    private static (string Name, double Milliseconds) Slowest(List<Sample> samples)
    {
        var firsts = samples.Select(s => s.Members.FirstOrDefault() ?? new MemberTimer.TimedMember("(none)", 0, 0)).ToList();
        return (firsts.GroupBy(m => m.Name).OrderByDescending(g => g.Count()).First().Key, Median(firsts.Select(m => m.Milliseconds)));
    }

    // A quantity as a percentage of (a) in the same repetition, median over repetitions.
    private static double Ratio(List<Sample> samples, Func<Sample, double> value) =>
        Median(samples.Select(s => value(s) / s.Milliseconds[Mode.CompilerKey] * 100));

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Count(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
