using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Benchmarks.Loading;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// How much SafePrivacy adds to a compilation. See benchmarks/README.md for the method, the targets and how to run it:
/// <c>dotnet run -c Release --project benchmarks/SafePrivacy.Benchmarks -- [options]</c>.
/// </summary>
internal static class Program
{
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

        try
        {
            return Run(options);
        }
        catch (LoadException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
        catch (AnalyzerFailedException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"I/O error: {exception.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException exception)
        {
            Console.Error.WriteLine($"Access denied: {exception.Message}");
            return 2;
        }
    }

    private static int Run(Options options)
    {
#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; run with -c Release for meaningful figures.");
#endif
        var loadBefore = LoadAverage();
        var (references, referenceDescription) = References.Load();
        Console.WriteLine($"References: {referenceDescription}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}, load average {loadBefore}");

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

        var solutions = new List<(string Path, List<LoadedProject> Projects)>();
        foreach (var path in options.Paths)
        {
            Console.WriteLine($"Loading {path} ({ProjectLoader.Configuration}, without MSBuild):");
            var projects = new ProjectLoader(Console.WriteLine).Load(path);
            solutions.Add((path, projects));
            foreach (var project in projects)
            {
                PrintLoad(project);
                var additional = project.AdditionalFiles.Concat(options.Annotations).Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
                workloads.Add(new Workload(project.Name, project.Compilation, path, additional));
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

        if (options.Phases)
        {
            var phases = ModelPhases.Measure(workloads, options.Repetitions);
            Console.WriteLine(phases);
            if (options.Output is { } phasesOutput)
            {
                File.WriteAllText(phasesOutput, phases);
            }

            return 0;
        }

        var census = new Dictionary<Workload, BodyCensus>();
        foreach (var workload in workloads)
        {
            if (workload.Group is null)
            {
                var errors = workload.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    Console.Error.WriteLine($"The generated {workload.Name} does not compile:\n" + string.Join("\n", errors.Take(20)));
                    return 1;
                }
            }

            var counter = new BodyCensus();
            workload.Compilation.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(counter), workload.AnalyzerOptions).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            census[workload] = counter;
            Console.WriteLine($"{workload.Name}: {workload.Files} files, {workload.Lines} lines, {counter.Bodies} bodies, {counter.Candidates} walked by the flow analysis ({Report.Percent(counter.Candidates, counter.Bodies)}), personal data meets a sink in {counter.BodiesWithHits} ({Report.Percent(counter.BodiesWithHits, counter.Bodies)})");
        }

        var analyzerCount = SafePrivacyAnalyzers().Length;
        var modes = Modes(options, analyzerCount);
        Console.WriteLine($"Measuring {workloads.Count} workloads x {modes.Count} modes x {options.Repetitions} repetitions (the first discarded), {(options.Concurrent ? "concurrent" : "sequential")} analysis:");
        var results = new Harness(options.Concurrent).Run(workloads, options.Repetitions, modes, Console.WriteLine);

        if (options.Profile)
        {
            Report.PrintProfile(results);
            return 0;
        }

        var context = new Report.Context(results, census, corpus, solutions, options.Peers, analyzerCount, referenceDescription, options.Concurrent, options.Repetitions, loadBefore, LoadAverage(), options.Annotations);
        var report = Report.Write(context);
        Console.WriteLine();
        Console.WriteLine(report.Text);
        if (options.Output is { } output)
        {
            File.WriteAllText(output, report.Text);
            Console.WriteLine($"Written to {output}");
        }

        return report.AllMet ? 0 : 3;
    }

    private static List<Mode> Modes(Options options, int analyzerCount)
    {
        var telemetry = new Mode(Mode.TelemetryKey(Mode.SafePrivacyKey), SafePrivacyAnalyzers, Telemetry: true) { TimesMembers = true };
        if (options.Profile)
        {
            return new List<Mode> { Mode.Compiler, telemetry };
        }

        var modes = new List<Mode> { Mode.Compiler, Mode.Floor, Mode.Floors(analyzerCount), new(Mode.SafePrivacyKey, SafePrivacyAnalyzers, Telemetry: false), telemetry };
        foreach (var peer in options.Peers)
        {
            modes.Add(new Mode(PeerKey(peer), peer.Create, Telemetry: false, peer.Severities));
            modes.Add(new Mode(Mode.TelemetryKey(PeerKey(peer)), peer.Create, Telemetry: true, peer.Severities));
        }

        return modes;
    }

    internal static string PeerKey(Peer peer) => "peer " + peer.Name;

    private static void PrintLoad(LoadedProject project)
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
            Console.WriteLine("    errors by id: " + Report.ErrorsById(errors, 8));
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

    // The 1-, 5- and 15-minute load averages, as `uptime` prints them: the report says how quiet the machine was.
    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts.Length >= 3 ? $"{parts[0]}, {parts[1]}, {parts[2]}" : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private sealed class Options
    {
        public const string Usage = """
            Usage: dotnet run -c Release --project benchmarks/SafePrivacy.Benchmarks -- [options]
              --scales 1,2,4        sizes of the generated corpus, in units of its base size (default 1,2,4)
              --plain-scales 1      sizes of the corpus with sinks but no SafePrivacy attributes (default 1; 0 for none)
              --domains N           domains per unit of corpus size (default 60)
              --path PATH           also measure a real solution: a .sln, .slnx, .csproj or a folder (every project
                                    under it), loaded as a build sees it after `dotnet restore` (repeatable)
              --annotations FILE    an external annotations file (*.safeprivacy.txt) given to every --path project, for
                                    real code that declares no personal data itself (repeatable); see
                                    benchmarks/annotations/
              --no-corpus           measure only the --path projects
              --load-only           load the --path projects, print their compiler errors, measure nothing
              --peer SPEC           also measure another analyzer package beside SafePrivacy (repeatable):
                                    NAME=PATH[#RULES] with PATH a DLL, a folder of DLLs or a package folder, or the
                                    shorthands netanalyzers (the SDK's bundled copy) and meziantou; #RULES keeps only
                                    the analyzers of those rule IDs and turns them on, e.g.
                                    logging=netanalyzers#CA1727,CA1848,CA2017,CA2253,CA2254
              --reps N              repetitions, the first discarded as warm-up (default 6, at least 6; 2 with --profile)
              --sequential          analyse without concurrency (default: concurrent, as a build does)
              --profile             only the compiler and SafePrivacy with telemetry: per-analyzer times, slowest members
              --phases              only the shared model's compilation-wide steps (declarations read, candidate
                                    index), each timed alone after the compiler bound the workload
              --output FILE         also write the report (Markdown) to FILE
            Exit codes: 0 every target met, 3 a target missed, 2 bad arguments or a project that cannot be read,
            1 an analyzer failed or the generated corpus does not compile.
            """;

        public List<int> Scales { get; private set; } = new() { 1, 2, 4 };

        public List<int> PlainScales { get; private set; } = new() { 1 };

        public int Domains { get; private set; } = Corpus.DomainsPerScale;

        public List<string> Paths { get; } = new();

        public List<Peer> Peers { get; } = new();

        public List<string> Annotations { get; } = new();

        public bool UseCorpus { get; private set; } = true;

        public int Repetitions { get; private set; } = 6;

        public bool Concurrent { get; private set; } = true;

        public bool Profile { get; private set; }

        public bool Phases { get; private set; }

        public bool LoadOnly { get; private set; }

        public bool Help { get; private set; }

        public string? Output { get; private set; }

        public static Options Parse(string[] args)
        {
            var options = new Options();
            var peers = new List<string>();
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
                        if (options.Domains <= 0)
                        {
                            throw new ArgumentException("--domains must be at least 1.");
                        }

                        break;
                    case "--path":
                        var path = Next();
                        options.Paths.Add(Directory.Exists(path) || File.Exists(path) ? path : throw new ArgumentException($"--path {path}: no such file or folder."));
                        break;
                    case "--annotations":
                        var annotations = Next();
                        options.Annotations.Add(File.Exists(annotations) ? Path.GetFullPath(annotations) : throw new ArgumentException($"--annotations {annotations}: no such file."));
                        break;
                    case "--peer":
                        peers.Add(Next());
                        break;
                    case "--no-corpus":
                        options.UseCorpus = false;
                        break;
                    case "--load-only":
                        options.LoadOnly = true;
                        break;
                    case "--reps":
                        options.Repetitions = int.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    case "--sequential":
                        options.Concurrent = false;
                        break;
                    case "--phases":
                        options.Phases = true;
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

            if (options.Annotations.Count > 0 && options.Paths.Count == 0)
            {
                throw new ArgumentException("--annotations applies to --path projects; give --path too.");
            }

            if (options.LoadOnly && options.Paths.Count == 0)
            {
                throw new ArgumentException("--load-only needs --path.");
            }

            if (options.Output is { } output && Path.GetDirectoryName(Path.GetFullPath(output)) is { } folder && !Directory.Exists(folder))
            {
                throw new ArgumentException($"--output {output}: no folder {folder}.");
            }

            // Peers load last, and only when the rest of the command line is good: loading reads their assemblies.
            foreach (var peer in peers)
            {
                var loaded = Peer.Parse(peer);
                if (options.Peers.Any(p => p.Name.Equals(loaded.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ArgumentException($"--peer {peer}: a peer named {loaded.Name} is given twice.");
                }

                options.Peers.Add(loaded);
            }

            return options;
        }
    }
}
