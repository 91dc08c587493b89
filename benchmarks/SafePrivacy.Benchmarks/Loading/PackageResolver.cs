using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace SafePrivacy.Benchmarks.Loading;

/// <summary>Where restored packages live: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
internal static class PackageFolders
{
    public static string GlobalPackages { get; } =
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The folder of one package version in the global packages folder.</summary>
    public static string Of(string id, string version) => Path.Combine(GlobalPackages, id.ToLowerInvariant(), version.ToLowerInvariant());
}

/// <summary>What a project's packages contribute to its compilation.</summary>
internal sealed class PackageAssets
{
    /// <summary>Compile-time assemblies (reference or lib folders), full paths.</summary>
    public List<string> Compile { get; } = new();

    /// <summary>Analyzer assemblies the packages ship (source generators among them), full paths.</summary>
    public List<string> Analyzers { get; } = new();

    public SortedSet<string> FrameworkReferences { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every project the restore saw in the closure of project references, full paths.</summary>
    public List<string> Projects { get; } = new();

    /// <summary>Packages no folder holds, with why: what a partial restore left out.</summary>
    public SortedSet<string> Unresolved { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Packages resolved from the global packages folder because the restore did not resolve them.</summary>
    public SortedSet<string> FromFallback { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Restored { get; set; }
}

/// <summary>
/// A project's package closure as a build sees it: from restore's <c>project.assets.json</c> (its <c>targets</c>
/// section lists every compile asset of every package, transitive ones included, and every project in the
/// reference closure), and for what the restore did not resolve, or without a restore at all, from the global
/// packages folder: the version the project or <c>Directory.Packages.props</c> asks for (the next higher one
/// installed when that is missing), its nearest <c>ref/</c> or <c>lib/</c> folder, and its <c>.nuspec</c>
/// dependencies, transitively.
/// </summary>
internal static class PackageResolver
{
    public static PackageAssets Resolve(ProjectEvaluation project, string targetFramework, IEnumerable<(string Id, string Version)> requested)
    {
        var assets = new PackageAssets();
        var wanted = requested.ToList();
        var assetsFile = project["ProjectAssetsFile"];
        var resolved = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(assetsFile))
        {
            assets.Restored = true;
            FromAssetsFile(assetsFile, project.Directory, targetFramework, assets, resolved);
        }

        var missing = wanted.Where(w => !resolved.Contains(w.Id)).ToList();
        if (missing.Count > 0)
        {
            FromGlobalFolder(missing, targetFramework, assets, resolved, project.IsTrue("CentralPackageTransitivePinningEnabled") ? wanted : null);
        }

        return assets;
    }

    private static void FromAssetsFile(string path, string projectDirectory, string targetFramework, PackageAssets assets, HashSet<string> resolved)
    {
        using var document = ParseJson(path);
        var root = document.RootElement;
        var folders = root.TryGetProperty("packageFolders", out var pf) ? pf.EnumerateObject().Select(p => p.Name).ToList() : new List<string> { PackageFolders.GlobalPackages };
        if (!root.TryGetProperty("targets", out var targets))
        {
            return;
        }

        var target = targets.EnumerateObject()
            .Where(t => t.Name.Equals(targetFramework, StringComparison.OrdinalIgnoreCase) || TargetFrameworks.Parse(t.Name.Split('/')[0]) == TargetFrameworks.Parse(targetFramework) || t.Name.StartsWith(targetFramework + "/", StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Name.Length)
            .Select(t => (JsonElement?)t.Value)
            .FirstOrDefault() ?? (targets.EnumerateObject().Count() == 1 ? targets.EnumerateObject().First().Value : (JsonElement?)null);
        if (target is not { } libraries)
        {
            return;
        }

        var catalogue = root.TryGetProperty("libraries", out var l) ? l : default;
        foreach (var library in libraries.EnumerateObject())
        {
            var id = library.Name.Split('/')[0];
            var type = library.Value.TryGetProperty("type", out var t) ? t.GetString() : "package";
            var entry = catalogue.ValueKind == JsonValueKind.Object && catalogue.TryGetProperty(library.Name, out var e) ? e : default;
            if (type == "project")
            {
                var relative = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("msbuildProject", out var mp) ? mp.GetString()
                    : entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("path", out var pp) ? pp.GetString() : null;
                if (relative is not null)
                {
                    assets.Projects.Add(Path.GetFullPath(Path.Combine(projectDirectory, relative.Replace('\\', '/'))));
                }

                resolved.Add(id);
                continue;
            }

            var packagePath = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("path", out var p) ? p.GetString() ?? library.Name.ToLowerInvariant() : library.Name.ToLowerInvariant();
            var folder = folders.Select(f => Path.Combine(f, packagePath)).FirstOrDefault(Directory.Exists);
            if (folder is null)
            {
                assets.Unresolved.Add($"{library.Name} (restored, but not in any package folder)");
                continue;
            }

            resolved.Add(id);
            if (library.Value.TryGetProperty("compile", out var compile))
            {
                foreach (var asset in compile.EnumerateObject().Select(a => a.Name).Where(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                {
                    assets.Compile.Add(Path.Combine(folder, asset));
                }
            }

            if (library.Value.TryGetProperty("frameworkReferences", out var frameworks))
            {
                foreach (var framework in frameworks.EnumerateArray())
                {
                    assets.FrameworkReferences.Add(framework.GetString()!);
                }
            }

            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("files", out var files))
            {
                assets.Analyzers.AddRange(AnalyzerFolders.Select(files.EnumerateArray().Select(f => f.GetString()!).Where(f => f.StartsWith("analyzers/", StringComparison.OrdinalIgnoreCase))).Select(f => Path.Combine(folder, f)));
            }
        }

        if (root.TryGetProperty("project", out var project) && project.TryGetProperty("frameworks", out var declared))
        {
            foreach (var framework in declared.EnumerateObject().Where(f => TargetFrameworks.Parse(f.Name) == TargetFrameworks.Parse(targetFramework)))
            {
                if (framework.Value.TryGetProperty("frameworkReferences", out var references))
                {
                    foreach (var reference in references.EnumerateObject())
                    {
                        assets.FrameworkReferences.Add(reference.Name);
                    }
                }
            }
        }

        if (root.TryGetProperty("logs", out var logs))
        {
            foreach (var log in logs.EnumerateArray())
            {
                var code = log.TryGetProperty("code", out var c) ? c.GetString() : null;
                var libraryId = log.TryGetProperty("libraryId", out var li) ? li.GetString() : null;
                if (code is "NU1100" or "NU1101" or "NU1102" or "NU1103" && libraryId is not null)
                {
                    assets.Unresolved.Add($"{libraryId} ({code} in the restore)");
                }
            }
        }
    }

    private static void FromGlobalFolder(List<(string Id, string Version)> roots, string targetFramework, PackageAssets assets, HashSet<string> resolved, List<(string Id, string Version)>? pinned)
    {
        var pins = pinned?.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(p => p.Version).Max(NuGetVersions.Comparer)!, StringComparer.OrdinalIgnoreCase);
        var chosen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<(string Id, string Version, bool Direct)>(roots.Select(r => (r.Id, r.Version, true)));
        while (queue.Count > 0)
        {
            var (id, version, direct) = queue.Dequeue();
            if (resolved.Contains(id) && !chosen.ContainsKey(id))
            {
                continue;
            }

            if (pins is not null && pins.TryGetValue(id, out var pin) && NuGetVersions.Compare(pin, version) > 0)
            {
                version = pin;
            }

            if (chosen.TryGetValue(id, out var existing) && (!direct || NuGetVersions.Compare(existing, version) >= 0))
            {
                continue;
            }

            var installed = Installed(id, version);
            if (installed is null)
            {
                if ((direct || !resolved.Contains(id)) && !assets.Unresolved.Any(u => u.StartsWith(id + " ", StringComparison.OrdinalIgnoreCase)))
                {
                    assets.Unresolved.Add($"{id} {version} (not restored, not in the global packages folder)");
                }

                continue;
            }

            chosen[id] = installed;
            foreach (var dependency in Dependencies(PackageFolders.Of(id, installed), targetFramework))
            {
                queue.Enqueue((dependency.Id, dependency.Version, false));
            }
        }

        foreach (var (id, version) in chosen)
        {
            resolved.Add(id);
            assets.FromFallback.Add($"{id} {version}");
            var folder = PackageFolders.Of(id, version);
            assets.Compile.AddRange(CompileAssets(folder, targetFramework));
            assets.Analyzers.AddRange(AnalyzerFolders.Under(folder));

            foreach (var framework in Nuspec(folder)?.Descendants().Where(e => e.Name.LocalName == "frameworkReference").Select(e => e.Attribute("name")?.Value).OfType<string>() ?? Enumerable.Empty<string>())
            {
                assets.FrameworkReferences.Add(framework);
            }
        }
    }

    // The installed version NuGet would pick for "at least version": the lowest installed one not below it; else the highest installed.
    private static string? Installed(string id, string version)
    {
        var directory = Path.Combine(PackageFolders.GlobalPackages, id.ToLowerInvariant());
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var versions = Directory.GetDirectories(directory)
            .Where(d => Directory.GetFiles(d, "*.nuspec").Length > 0)
            .Select(Path.GetFileName)
            .OfType<string>()
            .OrderBy(v => v, NuGetVersions.Comparer)
            .ToList();
        return versions.FirstOrDefault(v => NuGetVersions.Compare(v, version) >= 0) ?? versions.LastOrDefault();
    }

    private static IEnumerable<string> CompileAssets(string folder, string targetFramework)
    {
        foreach (var kind in new[] { "ref", "lib" })
        {
            var root = Path.Combine(folder, kind);
            if (!Directory.Exists(root))
            {
                continue;
            }

            var nearest = TargetFrameworks.Nearest(targetFramework, Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>());
            if (nearest is not null)
            {
                return Directory.GetFiles(Path.Combine(root, nearest), "*.dll");
            }
        }

        return Array.Empty<string>();
    }

    private static IEnumerable<(string Id, string Version)> Dependencies(string folder, string targetFramework)
    {
        var dependencies = Nuspec(folder)?.Descendants().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        if (dependencies is null)
        {
            yield break;
        }

        var groups = dependencies.Elements().Where(e => e.Name.LocalName == "group").ToList();
        IEnumerable<XElement> chosen;
        if (groups.Count == 0)
        {
            chosen = dependencies.Elements();
        }
        else
        {
            var byFramework = groups.ToDictionary(g => NuspecFramework(g.Attribute("targetFramework")?.Value), StringComparer.OrdinalIgnoreCase);
            var nearest = TargetFrameworks.Nearest(targetFramework, byFramework.Keys.Where(k => k.Length > 0));
            chosen = nearest is not null ? byFramework[nearest].Elements() : byFramework.TryGetValue(string.Empty, out var any) ? any.Elements() : Enumerable.Empty<XElement>();
        }

        foreach (var dependency in chosen.Where(e => e.Name.LocalName == "dependency"))
        {
            var exclude = dependency.Attribute("exclude")?.Value ?? string.Empty;
            if (exclude.Contains("Compile", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (dependency.Attribute("id")?.Value is { } id)
            {
                yield return (id, NuGetVersions.LowerBound(dependency.Attribute("version")?.Value ?? "0.0.0"));
            }
        }
    }

    // ".NETStandard2.0" -> "netstandard2.0", ".NETCoreApp3.1" -> "netcoreapp3.1", ".NETFramework4.6.1" -> "net461".
    private static string NuspecFramework(string? framework)
    {
        if (string.IsNullOrEmpty(framework))
        {
            return string.Empty;
        }

        var lower = framework.ToLowerInvariant();
        if (lower.StartsWith(".netstandard", StringComparison.Ordinal))
        {
            return string.Concat("netstandard", lower.AsSpan(".netstandard".Length));
        }

        if (lower.StartsWith(".netcoreapp", StringComparison.Ordinal))
        {
            var version = lower.Substring(".netcoreapp".Length);
            return Version.TryParse(version, out var v) && v.Major >= 5 ? "net" + version : "netcoreapp" + version;
        }

        if (lower.StartsWith(".netframework", StringComparison.Ordinal))
        {
            return "net" + lower.Substring(".netframework".Length).Replace(".", string.Empty, StringComparison.Ordinal);
        }

        return lower;
    }

    private static XDocument? Nuspec(string folder)
    {
        var file = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.nuspec").FirstOrDefault() : null;
        try
        {
            return file is null ? null : XDocument.Load(file);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new LoadException($"{path} is not a valid restore output ({exception.Message}); run dotnet restore again.");
        }
    }
}

/// <summary>
/// Which of a package's analyzer assemblies a build passes to the compiler: under <c>analyzers/dotnet/</c>, the C# or
/// language-neutral ones; where the package has <c>roslynX.Y</c> folders, only those of the highest version the
/// running compiler supports (as the SDK's <c>_ResolveAnalyzerReferencesForRoslynVersion</c> does).
/// </summary>
internal static class AnalyzerFolders
{
    public static Version Compiler { get; } = typeof(CSharpCompilation).Assembly.GetName().Version ?? new Version(4, 0);

    /// <summary>The analyzer assemblies a build would take from a package or pack folder (the one holding <c>analyzers/</c>), full paths.</summary>
    public static IEnumerable<string> Under(string root)
    {
        var analyzers = Path.Combine(root, "analyzers");
        if (!Directory.Exists(analyzers))
        {
            return Array.Empty<string>();
        }

        var files = Directory.GetFiles(analyzers, "*.dll", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));
        return Select(files).Select(f => Path.Combine(root, f));
    }

    /// <param name="relativePaths">Paths below the package (or pack) root, with '/' separators, starting at <c>analyzers/</c>.</param>
    public static IEnumerable<string> Select(IEnumerable<string> relativePaths)
    {
        var candidates = new List<(string Path, Version? Roslyn)>();
        foreach (var path in relativePaths)
        {
            if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = path.Split('/');
            // analyzers/dotnet/X.dll, analyzers/dotnet/cs/X.dll, analyzers/dotnet/roslyn4.4/cs/X.dll (and without dotnet/).
            var rest = parts.Skip(1).SkipWhile(p => p.Equals("dotnet", StringComparison.OrdinalIgnoreCase)).ToArray();
            Version? roslyn = null;
            if (rest.Length > 1 && rest[0].StartsWith("roslyn", StringComparison.OrdinalIgnoreCase))
            {
                if (!Version.TryParse(rest[0].AsSpan("roslyn".Length), out roslyn))
                {
                    continue;
                }

                rest = rest.Skip(1).ToArray();
            }

            var isCSharp = rest.Length == 1 || (rest.Length == 2 && rest[0].Equals("cs", StringComparison.OrdinalIgnoreCase));
            if (isCSharp)
            {
                candidates.Add((path, roslyn));
            }
        }

        var versions = candidates.Where(c => c.Roslyn is not null && c.Roslyn <= Compiler).Select(c => c.Roslyn!).ToList();
        if (candidates.Any(c => c.Roslyn is not null))
        {
            var best = versions.Count == 0 ? null : versions.Max();
            return candidates.Where(c => c.Roslyn is not null && c.Roslyn == best).Select(c => c.Path);
        }

        return candidates.Select(c => c.Path);
    }
}

/// <summary>NuGet version strings: numeric parts compared as numbers, a pre-release below its release.</summary>
internal static class NuGetVersions
{
    public static readonly IComparer<string> Comparer = Comparer<string>.Create(Compare);

    public static int Compare(string? a, string? b)
    {
        var (coreA, preA) = Split(a ?? string.Empty);
        var (coreB, preB) = Split(b ?? string.Empty);
        for (var i = 0; i < Math.Max(coreA.Length, coreB.Length); i++)
        {
            var x = i < coreA.Length ? coreA[i] : 0;
            var y = i < coreB.Length ? coreB[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        if (preA.Length == 0 || preB.Length == 0)
        {
            // A release sorts above its pre-releases.
            return (preA.Length == 0 ? 1 : 0) - (preB.Length == 0 ? 1 : 0);
        }

        return string.Compare(preA, preB, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The minimum of a NuGet version range ("[1.2, )", "1.2", "(, 2.0]").</summary>
    public static string LowerBound(string range)
    {
        var text = range.Trim().TrimStart('[', '(').TrimEnd(']', ')');
        var lower = text.Split(',')[0].Trim();
        return lower.Length == 0 ? "0.0.0" : lower;
    }

    private static (long[] Core, string Pre) Split(string version)
    {
        var text = version.Split('+')[0];
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var core = dash < 0 ? text : text.Substring(0, dash);
        var pre = dash < 0 ? string.Empty : text.Substring(dash + 1);
        return (core.Split('.').Select(p => long.TryParse(p, out var n) ? n : 0).ToArray(), pre);
    }
}
