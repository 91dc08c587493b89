using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// How much SafePrivacy adds to a compilation. See benchmarks/README.md for the method, the targets and how to run it:
/// <c>dotnet run -c Release --project benchmarks/SafePrivacy.Benchmarks -- [options]</c>.
/// </summary>
internal static class Program
{
    private const double OwnTimeTarget = 5.0;
    private const double WallTarget = 5.0;
    private const double GrowthTarget = 2.1;
    private const double MemberTarget = 50.0;

    private static int Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(exception is ArgumentException ? exception.Message : $"Not a number: {exception.Message}");
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(Options.Usage);
            return 0;
        }

#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; run with -c Release for meaningful figures.");
#endif
        var (references, referenceDescription) = References.Load();
        Console.WriteLine($"References: {referenceDescription}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}");

        var workloads = new List<Workload>();
        var corpus = new List<(int Scale, Workload Workload)>();
        if (options.UseCorpus)
        {
            foreach (var scale in options.Scales)
            {
                var workload = FromCorpus(Corpus.Generate(scale, annotated: true, options.Domains), references);
                workloads.Add(workload);
                corpus.Add((scale, workload));
            }

            foreach (var scale in options.PlainScales)
            {
                workloads.Add(FromCorpus(Corpus.Generate(scale, annotated: false, options.Domains), references));
            }
        }

        foreach (var path in options.Folders)
        {
            Console.WriteLine($"Loading {path} ({Loading.ProjectLoader.Configuration}, without MSBuild):");
            List<Loading.LoadedProject> projects;
            try
            {
                projects = new Loading.ProjectLoader(Console.WriteLine).Load(path);
            }
            catch (Loading.LoadException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return 2;
            }

            foreach (var project in projects)
            {
                PrintLoad(project);
                workloads.Add(new Workload(project.Name, project.Compilation));
            }
        }

        if (options.LoadOnly)
        {
            return 0;
        }

        if (workloads.Count == 0)
        {
            Console.Error.WriteLine("Nothing to measure: give --path or leave the generated corpus on.");
            return 2;
        }

        var census = new Dictionary<Workload, BodyCensus>();
        foreach (var workload in workloads)
        {
            var errors = workload.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0 && workload.Name.StartsWith("corpus", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"The generated {workload.Name} does not compile:\n" + string.Join("\n", errors.Take(20)));
                return 1;
            }

            if (errors.Count > 0)
            {
                Console.WriteLine($"note: {workload.Name} has {errors.Count} compiler errors (references this program does not hold?); its figures are indicative only. First: {errors[0]}");
            }

            var counter = new BodyCensus();
            workload.Compilation.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(counter)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            census[workload] = counter;
            Console.WriteLine($"{workload.Name}: {workload.Files} files, {workload.Lines} lines, {counter.Bodies} bodies, personal data meets a sink in {counter.BodiesWithHits} ({Percent(counter.BodiesWithHits, counter.Bodies)})");
        }

        var harness = new Harness(SafePrivacyAnalyzers, options.Concurrent);
        var modes = options.Profile ? new[] { Mode.Compiler, Mode.Telemetry } : new[] { Mode.Compiler, Mode.Floor, Mode.SafePrivacy, Mode.Telemetry };
        Console.WriteLine($"Measuring {workloads.Count} workloads x {modes.Length} modes x {options.Repetitions} repetitions (the first discarded), {(options.Concurrent ? "concurrent" : "sequential")} analysis:");
        var results = harness.Run(workloads, options.Repetitions, modes, Console.WriteLine);

        if (options.Profile)
        {
            PrintProfile(results);
            return 0;
        }

        var report = Report(results, census, corpus, referenceDescription, options);
        Console.WriteLine();
        Console.WriteLine(report.Text);
        if (options.Output is { } output)
        {
            File.WriteAllText(output, report.Text);
            Console.WriteLine($"Written to {output}");
        }

        return report.AllMet ? 0 : 3;
    }

    private static void PrintLoad(Loading.LoadedProject project)
    {
        var errors = project.Errors;
        Console.WriteLine($"{project.Name} ({project.TargetFramework}): {project.Compilation.SyntaxTrees.Length} files, {errors.Count} compiler errors; packages {project.PackageSource}"
            + (project.Generators.Count > 0 ? $"; generators {string.Join(", ", project.Generators)}" : string.Empty));
        if (project.Unresolved.Count > 0)
        {
            Console.WriteLine($"    unresolved packages: {string.Join(", ", project.Unresolved)}");
        }

        foreach (var note in project.Notes)
        {
            Console.WriteLine($"    note: {note}");
        }

        if (errors.Count > 0)
        {
            Console.WriteLine("    errors by id: " + string.Join(", ", errors.GroupBy(e => e.Id).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Key} x{g.Count()}")));
            foreach (var error in errors.Take(5))
            {
                Console.WriteLine($"    {error}");
            }
        }
    }

    private static Workload FromCorpus(Corpus.Project project, ImmutableArray<MetadataReference> references)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = project.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, "/corpus/" + f.Path)).ToList();
        var compilation = CSharpCompilation.Create(
            "Contoso.Service",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return new Workload(project.Name, compilation);
    }

    /// <summary>Every analyzer SafePrivacy ships, new instances each time as a fresh build would create.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> SafePrivacyAnalyzers() =>
        typeof(SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static (string Text, bool AllMet) Report(
        Dictionary<Workload, List<Sample>> results,
        Dictionary<Workload, BodyCensus> census,
        List<(int Scale, Workload Workload)> corpus,
        string referenceDescription,
        Options options)
    {
        var text = new StringBuilder();
        var allMet = true;
        text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}, "
            + $"{(options.Concurrent ? "concurrent" : "sequential")} analysis; medians of {options.Repetitions - 1} repetitions after one discarded warm-up.");
        text.AppendLine($"References: {referenceDescription}.");
        text.AppendLine();
        text.AppendLine("Every percentage is of (a), the compiler's own `GetDiagnostics` time on the same workload in the same run.");
        text.AppendLine();
        text.AppendLine("| workload | files / lines | bodies (meet a sink) | (a) compiler | (b) floor above (a) | SafePrivacy own time | (c) wall above (b) | allocated above (b) | slowest member | findings |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (workload, samples) in results)
        {
            var count = census[workload];
            var compile = Median(samples.Select(s => s.Milliseconds[Mode.Compiler]));
            var compileBytes = Median(samples.Select(s => (double)s.AllocatedBytes[Mode.Compiler]));
            var floor = Median(samples.Select(s => (s.Milliseconds[Mode.Floor] - s.Milliseconds[Mode.Compiler]) / s.Milliseconds[Mode.Compiler] * 100));
            var own = Median(samples.Select(s => s.OwnMilliseconds / s.Milliseconds[Mode.Compiler] * 100));
            var wall = Median(samples.Select(s => (s.Milliseconds[Mode.SafePrivacy] - s.Milliseconds[Mode.Floor]) / s.Milliseconds[Mode.Compiler] * 100));
            var bytes = Median(samples.Select(s => (double)(s.AllocatedBytes[Mode.SafePrivacy] - s.AllocatedBytes[Mode.Floor])));
            var slowest = Median(samples.Select(s => s.SlowestMember.Milliseconds));
            var slowestName = samples.GroupBy(s => s.SlowestMember.Name).OrderByDescending(g => g.Count()).First().Key;
            var findings = samples[0].DiagnosticsById.Values.Sum();
            var met = own <= OwnTimeTarget && wall <= WallTarget && slowest <= MemberTarget;
            allMet &= met;
            text.AppendLine(
                $"| {workload.Name} | {workload.Files} / {workload.Lines:N0} | {count.Bodies:N0} ({Percent(count.BodiesWithHits, count.Bodies)}) | {compile:N0} ms, {compileBytes / 1e6:N0} MB "
                + $"| {floor:+0.0;-0.0}% | **{own:0.0}%** ({Median(samples.Select(s => s.OwnMilliseconds)):N0} ms) | **{wall:+0.0;-0.0}%** "
                + $"| {bytes / 1e6:+0.0;-0.0} MB ({bytes / compileBytes * 100:+0.0;-0.0}%) | {slowest:0.0} ms `{Truncate(slowestName, 60)}` | {findings} |");
        }

        text.AppendLine();
        if (corpus.Count > 1)
        {
            text.AppendLine("Growth with corpus size (SafePrivacy's own time; the compiler's for comparison):");
            text.AppendLine();
            text.AppendLine("| corpus | (a) compiler | growth | SafePrivacy own time | growth | (c) − (b) wall | growth |");
            text.AppendLine("|---|---|---|---|---|---|---|");
            double? previousCompile = null, previousOwn = null, previousWall = null;
            var previousScale = 0;
            foreach (var (scale, workload) in corpus.OrderBy(c => c.Scale))
            {
                var samples = results[workload];
                var compile = Median(samples.Select(s => s.Milliseconds[Mode.Compiler]));
                var own = Median(samples.Select(s => s.OwnMilliseconds));
                var wall = Median(samples.Select(s => s.Milliseconds[Mode.SafePrivacy] - s.Milliseconds[Mode.Floor]));
                string Growth(double current, double? previous) =>
                    previous is { } p && p > 0 ? $"{Math.Pow(current / p, 1.0 / Math.Log2((double)scale / previousScale)):0.00}x per doubling" : "";
                var ownGrowth = previousOwn is { } po && po > 0 ? Math.Pow(own / po, 1.0 / Math.Log2((double)scale / previousScale)) : 0;
                if (previousOwn is not null && ownGrowth > GrowthTarget)
                {
                    allMet = false;
                }

                text.AppendLine($"| {scale}x | {compile:N0} ms | {Growth(compile, previousCompile)} | {own:N0} ms | **{Growth(own, previousOwn)}** | {wall:N0} ms | {Growth(wall, previousWall)} |");
                previousCompile = compile;
                previousOwn = own;
                previousWall = wall;
                previousScale = scale;
            }

            text.AppendLine();
        }

        text.AppendLine("SafePrivacy's own time by analyzer (largest corpus or first workload, median ms):");
        text.AppendLine();
        var largest = corpus.Count > 0 ? corpus.OrderBy(c => c.Scale).Last().Workload : results.Keys.First();
        var perAnalyzer = results[largest].SelectMany(s => s.PerAnalyzer).GroupBy(p => p.Key).Select(g => (g.Key, Median(g.Select(p => p.Value)))).OrderByDescending(p => p.Item2);
        text.AppendLine(string.Join(", ", perAnalyzer.Select(p => $"{p.Key} {p.Item2:N0}")));
        text.AppendLine();
        text.AppendLine($"Targets: own time ≤ {OwnTimeTarget}% of (a), wall above (b) ≤ {WallTarget}% of (a), growth ≤ {GrowthTarget}x per doubling, no member > {MemberTarget} ms: {(allMet ? "all met" : "NOT ALL MET")}.");
        return (text.ToString(), allMet);
    }

    private static void PrintProfile(Dictionary<Workload, List<Sample>> results)
    {
        foreach (var (workload, samples) in results)
        {
            Console.WriteLine($"\n{workload.Name}: compiler {Median(samples.Select(s => s.Milliseconds[Mode.Compiler])):N0} ms, SafePrivacy own {Median(samples.Select(s => s.OwnMilliseconds)):N0} ms");
            foreach (var group in samples.SelectMany(s => s.PerAnalyzer).GroupBy(p => p.Key).OrderByDescending(g => Median(g.Select(p => p.Value))))
            {
                Console.WriteLine($"  {group.Key,-48} {Median(group.Select(p => p.Value)),8:N1} ms");
            }

            Console.WriteLine("  slowest members (last repetition):");
            foreach (var (name, ms) in samples[^1].SlowestMembers)
            {
                Console.WriteLine($"    {ms,8:N1} ms  {name}");
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Percent(int part, int whole) => whole == 0 ? "0%" : $"{100.0 * part / whole:0.0}%";

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private sealed class Options
    {
        public const string Usage = """
            Usage: dotnet run -c Release --project benchmarks/SafePrivacy.Benchmarks -- [options]
              --scales 1,2,4        sizes of the generated corpus, in units of its base size (default 1,2,4)
              --plain-scales 1      sizes of the corpus with sinks but no SafePrivacy attributes (default 1; 0 for none)
              --domains N           domains per unit of corpus size (default 60)
              --path DIR            also measure every C# project under DIR (repeatable)
              --no-corpus           measure only the --path projects
              --reps N              repetitions, the first discarded as warm-up (default 6, at least 6; 2 with --profile)
              --sequential          analyse without concurrency (default: concurrent, as a build does)
              --profile             only the compiler and SafePrivacy with telemetry: per-analyzer times, slowest members
              --output FILE         also write the report (Markdown) to FILE
            """;

        public List<int> Scales { get; private set; } = new() { 1, 2, 4 };

        public List<int> PlainScales { get; private set; } = new() { 1 };

        public int Domains { get; private set; } = Corpus.DomainsPerScale;

        public List<string> Folders { get; } = new();

        public bool UseCorpus { get; private set; } = true;

        public int Repetitions { get; private set; } = 6;

        public bool Concurrent { get; private set; } = true;

        public bool Profile { get; private set; }

        public bool LoadOnly { get; private set; }

        public bool Help { get; private set; }

        public string? Output { get; private set; }

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                List<int> Sizes(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).Where(v => v > 0).ToList();
                switch (args[i])
                {
                    case "--scales":
                        options.Scales = Sizes(Next());
                        break;
                    case "--plain-scales":
                        options.PlainScales = Sizes(Next());
                        break;
                    case "--domains":
                        options.Domains = int.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    case "--path":
                        var folder = Next();
                        options.Folders.Add(Directory.Exists(folder) || File.Exists(folder) ? folder : throw new ArgumentException($"No file or folder {folder}."));
                        break;
                    case "--load-only":
                        options.LoadOnly = true;
                        break;
                    case "--no-corpus":
                        options.UseCorpus = false;
                        break;
                    case "--reps":
                        options.Repetitions = int.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    case "--sequential":
                        options.Concurrent = false;
                        break;
                    case "--profile":
                        options.Profile = true;
                        break;
                    case "--output":
                        options.Output = Next();
                        break;
                    case "-h" or "--help":
                        options.Help = true;
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }

            if (options.Repetitions < (options.Profile ? 2 : 6))
            {
                throw new ArgumentException("--reps must be at least 6 (one warm-up and a median of five), or 2 with --profile.");
            }

            return options;
        }
    }
}
