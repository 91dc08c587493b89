using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

namespace SafePrivacy.Benchmarks.Loading;

/// <summary>One project compiled as its build would compile it, and how faithfully.</summary>
internal sealed class LoadedProject
{
    public LoadedProject(string path, string targetFramework, CSharpCompilation compilation)
    {
        Path = path;
        TargetFramework = targetFramework;
        Compilation = compilation;
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public string TargetFramework { get; }

    public CSharpCompilation Compilation { get; set; }

    /// <summary>How packages were found: the restore's assets file, the global packages folder, or both.</summary>
    public string PackageSource { get; set; } = string.Empty;

    public SortedSet<string> Unresolved { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Notes { get; } = new();

    public List<string> Generators { get; } = new();

    public int GeneratedFiles { get; set; }

    public List<Diagnostic> Errors { get; } = new();

    /// <summary>The project's <c>AdditionalFiles</c> items that exist: a build passes them to every analyzer.</summary>
    public List<string> AdditionalFiles { get; } = new();
}

/// <summary>
/// Loads the C# projects of a solution (<c>.sln</c>, <c>.slnx</c>), a project file, or every project under a folder,
/// the way a build sees them but without MSBuild (so loading is fast and deterministic): each project evaluated by
/// <see cref="ProjectEvaluation"/> for the newest .NET it targets, in Release; packages from the restore's assets
/// file or the global packages folder (<see cref="PackageResolver"/>); shared frameworks from the SDK's reference packs
/// (<see cref="FrameworkPacks"/>), the ASP.NET Core one for web projects and wherever a package or referenced project
/// brings it; project references transitively, each referenced project compiled first and referenced as a metadata
/// image; the SDK's generated sources (global usings, assembly attributes, <c>InternalsVisibleTo</c>); and the source
/// generators of the packs and packages run once, their output added to the compilation as a build adds it.
/// </summary>
internal sealed class ProjectLoader
{
    public const string Configuration = "Release";

    // Build properties the SDK and the framework generators' own props make visible to generators.
    private static readonly string[] GeneratorProperties =
    {
        "TargetFramework", "TargetFrameworkIdentifier", "RootNamespace", "ProjectDir", "MSBuildProjectDirectory", "Nullable",
        "EnableConfigurationBindingGenerator", "EnableRequestDelegateGenerator", "UsingMicrosoftNETSdkWeb", "InvariantGlobalization",
    };

    private readonly Dictionary<string, Built?> _built = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);
    private readonly List<string> _failures = new();
    private readonly Action<string> _progress;

    public ProjectLoader(Action<string> progress) => _progress = progress;

    private sealed record Built(LoadedProject Project, MetadataReference Image, SortedSet<string> Frameworks, List<Built> Closure, List<(string Id, string Version)> Packages);

    /// <summary>The projects <paramref name="path"/> names, in build order (references first), each with its compiler errors.</summary>
    public List<LoadedProject> Load(string path)
    {
        var selected = Select(path);
        if (selected.Count == 0)
        {
            throw new LoadException($"No C# project in {path}.");
        }

        var result = new List<LoadedProject>();
        foreach (var project in selected)
        {
            if (Build(project) is { } built && !result.Contains(built.Project))
            {
                result.Add(built.Project);
            }
        }

        if (result.Count == 0)
        {
            throw new LoadException($"No project in {path} could be loaded:\n  " + string.Join("\n  ", _failures.DefaultIfEmpty("(every project was skipped)")));
        }

        return result;
    }

    /// <summary>The project files a path names: a project itself, a solution's C# projects, or every project below a folder.</summary>
    public static List<string> Select(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return Directory.EnumerateFiles(full, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !Path.GetRelativePath(full, p).Split('/').Any(part => part is "bin" or "obj" || part.StartsWith('.')))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
        }

        if (!File.Exists(full))
        {
            throw new LoadException($"No file or folder {path}.");
        }

        var directory = System.IO.Path.GetDirectoryName(full)!;
        switch (System.IO.Path.GetExtension(full).ToLowerInvariant())
        {
            case ".csproj":
                return new List<string> { full };
            case ".sln":
                return Regex.Matches(File.ReadAllText(full), "^Project\\(\"[^\"]*\"\\)\\s*=\\s*\"[^\"]*\",\\s*\"([^\"]+\\.csproj)\"", RegexOptions.Multiline)
                    .Select(m => Globs.Resolve(directory, m.Groups[1].Value))
                    .Where(File.Exists)
                    .ToList();
            case ".slnx":
                try
                {
                    return XDocument.Load(full).Descendants().Where(e => e.Name.LocalName == "Project")
                        .Select(e => e.Attribute("Path")?.Value)
                        .OfType<string>()
                        .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                        .Select(p => Globs.Resolve(directory, p))
                        .Where(File.Exists)
                        .ToList();
                }
                catch (XmlException exception)
                {
                    throw new LoadException($"{path} is not a valid solution file: {exception.Message}");
                }

            default:
                throw new LoadException($"{path} is not a folder, a .sln, a .slnx or a .csproj.");
        }
    }

    private Built? Build(string path)
    {
        if (_built.TryGetValue(path, out var done))
        {
            return done;
        }

        if (!_visiting.Add(path))
        {
            return null;
        }

        Built? built = null;
        try
        {
            built = Compile(path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One unreadable project (a malformed file, something this reader cannot follow) is skipped with its
            // reason, as a build of the rest of the solution would go on; the projects that need it show the errors.
            var reason = exception is LoadException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            _failures.Add($"{path}: {reason}");
            _progress($"  skipped {path}: {reason}");
        }
        finally
        {
            _visiting.Remove(path);
            _built[path] = built;
        }

        return built;
    }

    private Built? Compile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var global = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Configuration"] = Configuration };
        var project = ProjectEvaluation.Evaluate(path, global);
        var tfm = project["TargetFramework"];
        if (tfm.Length == 0 && TargetFrameworks.Newest(project["TargetFrameworks"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) is { } newest)
        {
            tfm = newest;
            global["TargetFramework"] = tfm;
            project = ProjectEvaluation.Evaluate(path, global);
        }

        if (TargetFrameworks.Parse(tfm) is not { } moniker || moniker.Identifier == TargetFrameworks.NetFramework)
        {
            _progress($"  skipped {path}: target framework '{tfm}' is not .NET or .NET Standard");
            return null;
        }

        // Platform frameworks (net10.0-android, -ios, -windows) and MAUI need workloads and packs a Linux SDK does not have.
        if (moniker.Platform.Length > 0 || project.IsTrue("UseMaui"))
        {
            _progress($"  skipped {path}: {(moniker.Platform.Length > 0 ? $"target framework {tfm}" : "a MAUI app")} needs a workload this SDK does not have");
            return null;
        }

        var loaded = new LoadedProject(path, tfm, null!);

        // Project references: the project files' own and the restore's closure, each with its own closure (a build
        // passes every transitive reference to the compiler).
        var requests = PackageRequests(project);
        var assets = PackageResolver.Resolve(project, tfm, requests.Select(r => (r.Id, r.Version)));
        var closure = new List<Built>();
        var direct = project.ItemsOf("ProjectReference")
            .Where(r => !r.Get("ReferenceOutputAssembly").Equals("false", StringComparison.OrdinalIgnoreCase) && !r.Get("OutputItemType").Equals("Analyzer", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Include);
        foreach (var reference in direct.Concat(assets.Projects).Distinct(StringComparer.Ordinal))
        {
            if (Build(reference) is { } dependency)
            {
                closure.AddRange(dependency.Closure.Prepend(dependency).Where(d => !closure.Contains(d)));
            }
        }

        // Without a restore, the packages of referenced projects reach this one too (unless they are private assets).
        var flowing = requests.Where(r => r.Flows).Select(r => (r.Id, r.Version)).Concat(closure.SelectMany(c => c.Packages)).Distinct().ToList();
        if (!assets.Restored && closure.Count > 0)
        {
            assets = PackageResolver.Resolve(project, tfm, requests.Select(r => (r.Id, r.Version)).Concat(closure.SelectMany(c => c.Packages)));
        }

        _progress($"  loading {Path.GetFileNameWithoutExtension(path)} ({tfm})");
        var frameworks = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "Microsoft.NETCore.App" };
        if (moniker.Identifier == TargetFrameworks.NetStandard)
        {
            frameworks.Clear();
        }

        if (project.Sdk.Contains("Web", StringComparison.OrdinalIgnoreCase) || project.Sdk.Contains("Razor", StringComparison.OrdinalIgnoreCase) && project["AddRazorSupportForMvc"] == "true")
        {
            frameworks.Add("Microsoft.AspNetCore.App");
        }

        frameworks.UnionWith(project.ItemsOf("FrameworkReference").Select(i => i.Include));
        frameworks.UnionWith(assets.FrameworkReferences);
        foreach (var dependency in closure)
        {
            frameworks.UnionWith(dependency.Frameworks);
        }

        var assemblies = new Dictionary<string, (string Path, Version Version)>(StringComparer.OrdinalIgnoreCase);
        var analyzerPaths = new List<string>();
        if (moniker.Identifier == TargetFrameworks.NetStandard)
        {
            AddNetStandard(tfm, assemblies, loaded);
        }

        foreach (var framework in frameworks.Where(f => moniker.IsNet))
        {
            if (FrameworkPacks.Find(framework, tfm) is not { } pack)
            {
                loaded.Notes.Add($"no reference pack for {framework} ({tfm})");
                continue;
            }

            if (!pack.ExactMajor)
            {
                loaded.Notes.Add($"{framework} {tfm}: no matching reference pack, used {pack.Version}");
            }

            foreach (var assembly in pack.Assemblies)
            {
                AddAssembly(assemblies, assembly);
            }

            analyzerPaths.AddRange(pack.Analyzers);
        }

        foreach (var assembly in assets.Compile.Where(File.Exists))
        {
            AddAssembly(assemblies, assembly);
        }

        foreach (var reference in project.ItemsOf("Reference"))
        {
            var hint = reference.Get("HintPath");
            if (hint.Length > 0 && File.Exists(Globs.Resolve(project.Directory, hint)))
            {
                AddAssembly(assemblies, Globs.Resolve(project.Directory, hint));
            }
        }

        analyzerPaths.AddRange(assets.Analyzers.Where(File.Exists));
        analyzerPaths.AddRange(project.ItemsOf("Analyzer").Select(i => i.Include).Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(p)));
        loaded.Unresolved.UnionWith(assets.Unresolved);
        loaded.PackageSource = (assets.Restored, assets.FromFallback.Count) switch
        {
            (true, 0) => "restored (project.assets.json)",
            (true, var n) => $"restored, {n} package(s) from the global packages folder",
            (false, _) => "not restored: global packages folder",
        };

        var metadata = assemblies.Values.Select(a => a.Path).OrderBy(p => p, StringComparer.Ordinal).Select(References.FromFile)
            .Concat(closure.Select(c => c.Image))
            .ToImmutableArray();

        var parse = ParseOptions(project, tfm, loaded);
        var trees = project.ItemsOf("Compile")
            .Select(i => i.Include)
            .Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .Distinct(StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(Source(p), parse, p))
            .ToList();
        var obj = Path.Combine(project.Directory, "obj", Configuration, tfm);
        trees.AddRange(SdkGeneratedSources(project, moniker).Select(g => CSharpSyntaxTree.ParseText(g.Text, parse, Path.Combine(obj, g.Name))));

        var compilation = CSharpCompilation.Create(project["AssemblyName"], trees, metadata, CompilationOptions(project));
        compilation = RunGenerators(compilation, project, analyzerPaths, parse, loaded);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        // Test SDKs' build targets write the entry point of an Exe test project; without it the project is compiled as a library.
        if (errors.Any(e => e.Id == "CS5001"))
        {
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.DynamicallyLinkedLibrary));
            errors.RemoveAll(e => e.Id == "CS5001");
            loaded.Notes.Add("no Main (a test SDK's targets generate it): compiled as a library");
        }

        loaded.Compilation = compilation;
        loaded.AdditionalFiles.AddRange(project.ItemsOf("AdditionalFiles").Select(i => i.Include).Where(File.Exists).Distinct(StringComparer.Ordinal));
        loaded.Errors.AddRange(errors);
        loaded.Notes.AddRange(project.Unsupported.Where(u => !u.StartsWith("item list", StringComparison.Ordinal)).Take(10).Select(u => "not evaluated: " + u));
        return new Built(loaded, Image(compilation), frameworks, closure, flowing);
    }

    private static string Source(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            throw new LoadException($"Cannot read {path}: {exception.Message}");
        }
    }

    // PackageReference items with the version a build would ask for: VersionOverride, else the item's Version, else the
    // central PackageVersion; whether it flows to referencing projects (not PrivateAssets="all").
    private static List<(string Id, string Version, bool Flows)> PackageRequests(ProjectEvaluation project)
    {
        var central = project.ItemsOf("PackageVersion").GroupBy(i => i.Include, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Get("Version"), StringComparer.OrdinalIgnoreCase);
        var requests = new List<(string, string, bool)>();
        foreach (var reference in project.ItemsOf("PackageReference"))
        {
            var include = reference.Get("IncludeAssets");
            var exclude = reference.Get("ExcludeAssets");
            if (exclude.Contains("compile", StringComparison.OrdinalIgnoreCase) || exclude.Equals("all", StringComparison.OrdinalIgnoreCase)
                || (include.Length > 0 && !include.Contains("compile", StringComparison.OrdinalIgnoreCase) && !include.Equals("all", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var version = reference.Get("VersionOverride") is { Length: > 0 } o ? o
                : reference.Get("Version") is { Length: > 0 } v ? v
                : central.TryGetValue(reference.Include, out var c) ? c : "0.0.0";
            var flows = !reference.Get("PrivateAssets").Equals("all", StringComparison.OrdinalIgnoreCase);
            requests.Add((reference.Include, NuGetVersions.LowerBound(version), flows));
        }

        return requests;
    }

    // .NET Standard projects compile against the NETStandard.Library package's reference assemblies.
    private static void AddNetStandard(string tfm, Dictionary<string, (string Path, Version Version)> assemblies, LoadedProject loaded)
    {
        var root = Path.Combine(PackageFolders.GlobalPackages, "netstandard.library");
        var version = Directory.Exists(root) ? Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().OrderByDescending(v => v, NuGetVersions.Comparer).FirstOrDefault(v => Directory.Exists(Path.Combine(root, v, "build", tfm, "ref"))) : null;
        if (version is null)
        {
            loaded.Notes.Add($"no NETStandard.Library package with build/{tfm}/ref in the global packages folder");
            return;
        }

        foreach (var assembly in Directory.GetFiles(Path.Combine(root, version, "build", tfm, "ref"), "*.dll"))
        {
            AddAssembly(assemblies, assembly);
        }
    }

    // The SDK's conflict resolution: of two assemblies with one name (a framework's and a package's), the higher version wins.
    private static void AddAssembly(Dictionary<string, (string Path, Version Version)> assemblies, string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        Version version;
        try
        {
            version = AssemblyName.GetAssemblyName(path).Version ?? new Version(0, 0);
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or IOException)
        {
            return;
        }

        if (!assemblies.TryGetValue(name, out var existing) || existing.Version < version)
        {
            assemblies[name] = (path, version);
        }
    }

    private static CSharpParseOptions ParseOptions(ProjectEvaluation project, string tfm, LoadedProject loaded)
    {
        var requested = project["LangVersion"] is { Length: > 0 } l ? l : TargetFrameworks.DefaultLanguageVersion(tfm);
        if (!LanguageVersionFacts.TryParse(requested, out var language))
        {
            loaded.Notes.Add($"LangVersion '{requested}' unknown to Roslyn {AnalyzerFolders.Compiler}: used latest");
            language = LanguageVersion.Latest;
        }

        var configuration = project["Configuration"].ToUpperInvariant();
        var symbols = project["DefineConstants"].Split(';', ',')
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .Concat(TargetFrameworks.Defines(tfm))
            .Append(configuration)
            .Distinct(StringComparer.Ordinal);
        var documentation = project.IsTrue("GenerateDocumentationFile") || project["DocumentationFile"].Length > 0 ? DocumentationMode.Diagnose : DocumentationMode.None;
        var features = project["Features"].Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .ToDictionary(f => f[0].Trim(), f => f.Length > 1 ? f[1].Trim() : "true", StringComparer.Ordinal);
        if (Interceptors(project, tfm) is { Length: > 0 } interceptors)
        {
            features["InterceptorsNamespaces"] = interceptors;
        }

        return new CSharpParseOptions(language, documentation, SourceCodeKind.Regular, symbols).WithFeatures(features);
    }

    private static CSharpCompilationOptions CompilationOptions(ProjectEvaluation project)
    {
        var output = project["OutputType"].ToUpperInvariant() switch
        {
            "EXE" => OutputKind.ConsoleApplication,
            "WINEXE" => OutputKind.WindowsApplication,
            "MODULE" => OutputKind.NetModule,
            _ => OutputKind.DynamicallyLinkedLibrary,
        };
        var nullable = project["Nullable"].ToUpperInvariant() switch
        {
            "ENABLE" => NullableContextOptions.Enable,
            "WARNINGS" => NullableContextOptions.Warnings,
            "ANNOTATIONS" => NullableContextOptions.Annotations,
            _ => NullableContextOptions.Disable,
        };

        // NoWarn silences warnings as the compiler's /nowarn does; TreatWarningsAsErrors is left off so that the
        // errors reported are the load's faithfulness, not a repository's warning policy.
        var suppressed = project["NoWarn"].Split(';', ',')
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .Select(s => char.IsDigit(s[0]) ? "CS" + s.PadLeft(4, '0') : s)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(id => id, _ => ReportDiagnostic.Suppress, StringComparer.OrdinalIgnoreCase);
        var warningLevel = int.TryParse(project["WarningLevel"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) ? level : 9999;
        return new CSharpCompilationOptions(
            output,
            nullableContextOptions: nullable,
            allowUnsafe: project.IsTrue("AllowUnsafeBlocks"),
            checkOverflow: project.IsTrue("CheckForOverflowUnderflow"),
            optimizationLevel: project.IsTrue("Optimize") ? OptimizationLevel.Release : OptimizationLevel.Debug,
            deterministic: true,
            warningLevel: warningLevel,
            specificDiagnosticOptions: suppressed,
            platform: Platform.AnyCpu,
            concurrentBuild: true);
    }

    // What the SDK's targets write into obj/ before compiling: global usings, assembly attributes, the target framework.
    private static IEnumerable<(string Name, string Text)> SdkGeneratedSources(ProjectEvaluation project, TargetFrameworks.Moniker moniker)
    {
        var name = project["MSBuildProjectName"];
        var usings = project.ItemsOf("Using").ToList();
        if (usings.Count > 0)
        {
            var text = new StringBuilder("// <auto-generated/>\n");
            foreach (var item in usings.GroupBy(u => (u.Include, u.Get("Alias"), u.Get("Static"))).Select(g => g.First()))
            {
                var alias = item.Get("Alias");
                text.Append(alias.Length > 0 ? $"global using {alias} = global::{item.Include};\n"
                    : item.Get("Static").Equals("true", StringComparison.OrdinalIgnoreCase) ? $"global using static global::{item.Include};\n"
                    : $"global using global::{item.Include};\n");
            }

            yield return (name + ".GlobalUsings.g.cs", text.ToString());
        }

        if (project.IsTrue("GenerateAssemblyInfo"))
        {
            var text = new StringBuilder("// <auto-generated/>\nusing System;\nusing System.Reflection;\n\n");
            if (!project["GenerateInternalsVisibleToAttributes"].Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var friend in project.ItemsOf("InternalsVisibleTo"))
                {
                    var key = friend.Get("Key") is { Length: > 0 } k ? ", PublicKey=" + k : string.Empty;
                    text.Append($"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo({Literal(friend.Include + key)})]\n");
                }
            }

            foreach (var attribute in project.ItemsOf("AssemblyAttribute"))
            {
                var arguments = Enumerable.Range(1, 8)
                    .Select(i => (Value: attribute.Get("_Parameter" + i), Literal: attribute.Get($"_Parameter{i}_IsLiteral").Equals("true", StringComparison.OrdinalIgnoreCase), Present: attribute.Metadata.ContainsKey("_Parameter" + i)))
                    .TakeWhile(a => a.Present)
                    .Select(a => a.Literal ? a.Value : Literal(a.Value));
                text.Append($"[assembly: {attribute.Include}({string.Join(", ", arguments)})]\n");
            }

            text.Append($"[assembly: System.Reflection.AssemblyCompanyAttribute({Literal(project["Company"] is { Length: > 0 } c ? c : name)})]\n");
            text.Append($"[assembly: System.Reflection.AssemblyConfigurationAttribute({Literal(project["Configuration"])})]\n");
            text.Append($"[assembly: System.Reflection.AssemblyProductAttribute({Literal(project["Product"] is { Length: > 0 } p ? p : name)})]\n");
            text.Append($"[assembly: System.Reflection.AssemblyTitleAttribute({Literal(project["AssemblyTitle"] is { Length: > 0 } t ? t : name)})]\n");
            yield return (name + ".AssemblyInfo.cs", text.ToString());
        }

        if (moniker.Identifier != TargetFrameworks.NetFramework && !project["GenerateTargetFrameworkAttribute"].Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            yield return (name + ".AssemblyAttributes.cs", $"// <auto-generated/>\n[assembly: global::System.Runtime.Versioning.TargetFrameworkAttribute({Literal(moniker.ToString())}, FrameworkDisplayName = {Literal(project["TargetFrameworkMonikerDisplayName"])})]\n");
        }
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    // The generators of the packs and packages, run once with the build properties they can see (CompilerVisibleProperty).
    private static CSharpCompilation RunGenerators(CSharpCompilation compilation, ProjectEvaluation project, List<string> analyzerPaths, CSharpParseOptions parse, LoadedProject loaded)
    {
        var paths = analyzerPaths.Distinct(StringComparer.Ordinal)
            .Where(p => IsEnabled(project, p))
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last())
            .ToList();
        var (generators, failures) = AnalyzerAssemblies.Generators(paths);
        loaded.Notes.AddRange(failures.Take(5).Select(f => "generator not loaded: " + f));
        if (generators.IsEmpty)
        {
            return compilation;
        }

        var properties = project.ItemsOf("CompilerVisibleProperty").Select(i => i.Include)
            .Concat(GeneratorProperties)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => "build_property." + p, p => p == "ProjectDir" ? project.Directory + "/" : project[p], StringComparer.Ordinal);
        var options = new BuildProperties(properties);
        var driver = CSharpGeneratorDriver.Create(generators, parseOptions: parse, optionsProvider: options);
        driver = (CSharpGeneratorDriver)driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        var result = driver.GetRunResult();
        foreach (var run in result.Results.Where(r => r.GeneratedSources.Length > 0 || r.Exception is not null))
        {
            var generatorName = run.Generator.GetGeneratorType().Name;
            loaded.Generators.Add(run.Exception is null ? $"{generatorName} ({run.GeneratedSources.Length})" : $"{generatorName} (failed: {run.Exception.GetType().Name})");
        }

        loaded.GeneratedFiles = result.GeneratedTrees.Length;
        loaded.Notes.AddRange(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).Select(d => "generator error: " + d.GetMessage(CultureInfo.InvariantCulture)));
        return (CSharpCompilation)updated;
    }

    // Generators a build's targets remove: the SDK's off-by-default ones unless the project turns them on
    // (ResolveOffByDefaultAnalyzers), and the logging generator where a package takes its place (the telemetry
    // package's props set DisableMicrosoftExtensionsLoggingSourceGenerator).
    private static bool IsEnabled(ProjectEvaluation project, string path) => Path.GetFileName(path) switch
    {
        "Microsoft.AspNetCore.Http.RequestDelegateGenerator.dll" => project.IsTrue("EnableRequestDelegateGenerator") || project.IsTrue("PublishAot") || project.IsTrue("PublishTrimmed"),
        "Microsoft.Extensions.Configuration.Binder.SourceGeneration.dll" => project.IsTrue("EnableConfigurationBindingGenerator") || project.IsTrue("PublishAot") || project.IsTrue("PublishTrimmed"),
        var file => !(project.IsTrue("DisableMicrosoftExtensionsLoggingSourceGenerator")
            && (file == "Microsoft.Extensions.Logging.Generators.dll" || path.Contains("/microsoft.extensions.logging.abstractions/", StringComparison.OrdinalIgnoreCase))),
    };

    // The namespaces whose interceptors the SDK enables (Microsoft.NET.Sdk.FrameworkReferenceResolution.targets).
    private static string Interceptors(ProjectEvaluation project, string tfm)
    {
        var namespaces = new List<string> { project["InterceptorsNamespaces"], project["InterceptorsPreviewNamespaces"] };
        if (IsEnabled(project, "Microsoft.AspNetCore.Http.RequestDelegateGenerator.dll") && project["EnableRequestDelegateGenerator"].Length + project["PublishAot"].Length + project["PublishTrimmed"].Length > 0)
        {
            namespaces.Add("Microsoft.AspNetCore.Http.Generated");
        }

        if (IsEnabled(project, "Microsoft.Extensions.Configuration.Binder.SourceGeneration.dll") && project["EnableConfigurationBindingGenerator"].Length + project["PublishAot"].Length + project["PublishTrimmed"].Length > 0)
        {
            namespaces.Add("Microsoft.Extensions.Configuration.Binder.SourceGeneration");
        }

        if (TargetFrameworks.Parse(tfm) is { IsNet: true, Version.Major: >= 10 })
        {
            namespaces.Add("Microsoft.Extensions.Validation.Generated");
        }

        return string.Join(';', namespaces.SelectMany(n => n.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal));
    }

    // A metadata-only image (a build's reference assembly, internals kept for InternalsVisibleTo) for dependents.
    private static MetadataReference Image(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream, options: new EmitOptions(metadataOnly: true, includePrivateMembers: true));
        return emitted.Success ? MetadataReference.CreateFromImage(stream.ToArray()) : compilation.ToMetadataReference();
    }

    private sealed class BuildProperties : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public BuildProperties(Dictionary<string, string> values) => _global = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                if (_values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}
