using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Benchmarks.Loading;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// Another analyzer package measured beside SafePrivacy in the same interleaved run, so that the report can show
/// SafePrivacy's cost against what users already accept. <c>--peer NAME=PATH[#RULES]</c>: PATH is an analyzer DLL, a
/// folder of them (<c>analyzers/dotnet/cs/</c>), a package folder (its analyzers for this compiler are picked as a build
/// picks them), or a shorthand: <c>netanalyzers</c> (the copy of Microsoft.CodeAnalysis.NetAnalyzers bundled with the
/// installed SDK — what every build runs) or <c>meziantou</c> (Meziantou.Analyzer, which this project's restore
/// downloads). RULES, a comma-separated list of IDs, keeps only the analyzers that report one of them and turns those
/// rules on as warnings (<c>logging=netanalyzers#CA1727,CA1848,CA2017,CA2253,CA2254</c>); without it the analyzers run
/// with their default severities, as in a build with no configuration.
/// </summary>
internal sealed class Peer
{
    private readonly IReadOnlyList<Type> _types;

    private Peer(string name, string source, IReadOnlyList<Type> types, ImmutableHashSet<string>? rules)
    {
        Name = name;
        Source = source;
        _types = types;
        Rules = rules;
    }

    public string Name { get; }

    /// <summary>Where the analyzers came from (for the report).</summary>
    public string Source { get; }

    public ImmutableHashSet<string>? Rules { get; }

    public int AnalyzerCount => _types.Count;

    public const string Usage = "NAME=PATH[#RULES] or netanalyzers|meziantou[#RULES]";

    /// <summary>New analyzer instances each time, as a fresh build creates them.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Create() =>
        _types.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    /// <summary>The severities a RULES list asks for: each listed rule a warning.</summary>
    public ImmutableDictionary<string, ReportDiagnostic>? Severities =>
        Rules?.ToImmutableDictionary(r => r, _ => ReportDiagnostic.Warn, StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses and loads one <c>--peer</c> value; a bad one throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static Peer Parse(string value)
    {
        var spec = value;
        ImmutableHashSet<string>? rules = null;
        var hash = spec.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            rules = spec.Substring(hash + 1).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
            spec = spec.Substring(0, hash);
            if (rules.IsEmpty)
            {
                throw new ArgumentException($"--peer {value}: no rule IDs after '#'.");
            }
        }

        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        var name = equals >= 0 ? spec.Substring(0, equals).Trim() : spec.Trim();
        var path = equals >= 0 ? spec.Substring(equals + 1).Trim() : spec.Trim();
        if (name.Length == 0 || path.Length == 0)
        {
            throw new ArgumentException($"--peer {value}: expected {Usage}.");
        }

        var files = Files(Shorthand(path) ?? path, value);
        var (types, failures) = AnalyzerAssemblies.AnalyzerTypes(files);
        if (rules is not null)
        {
            types = types.Where(t => Supported(t).Overlaps(rules)).ToList();
        }

        if (types.Count == 0)
        {
            var why = failures.Count > 0 ? " Load failures: " + string.Join("; ", failures.Take(3)) : string.Empty;
            throw new ArgumentException($"--peer {value}: no C# analyzer{(rules is null ? string.Empty : " reporting " + string.Join(", ", rules))} in {string.Join(", ", files.Select(Path.GetFileName))}.{why}");
        }

        var sources = types.Select(t => t.Assembly.Location).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).Select(ShortPath);
        return new Peer(name, string.Join(", ", sources), types, rules);
    }

    // netanalyzers: the SDK's bundled copy (what `dotnet build` runs); meziantou: the version this project restores.
    private static string? Shorthand(string path)
    {
        switch (path.ToLowerInvariant())
        {
            case "netanalyzers":
                var sdk = Toolset.Properties.TryGetValue("MSBuildSDKsPath", out var sdks) ? Path.Combine(sdks, "Microsoft.NET.Sdk", "analyzers") : null;
                return sdk is not null && Directory.Exists(sdk) ? sdk : throw new ArgumentException("--peer netanalyzers: the installed SDK has no Sdks/Microsoft.NET.Sdk/analyzers folder.");
            case "meziantou":
                var package = typeof(Peer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Peer:meziantou")?.Value;
                var folder = package?.Split('/') is [var id, var version] ? PackageFolders.Of(id, version) : null;
                return folder is not null && Directory.Exists(folder) ? folder
                    : throw new ArgumentException($"--peer meziantou: {package} is not in {PackageFolders.GlobalPackages}; run dotnet restore benchmarks/SafePrivacy.Benchmarks.");
            default:
                return null;
        }
    }

    private static List<string> Files(string path, string value)
    {
        if (File.Exists(path))
        {
            return new List<string> { Path.GetFullPath(path) };
        }

        if (!Directory.Exists(path))
        {
            throw new ArgumentException($"--peer {value}: no file or folder {path}.");
        }

        // A package folder: the analyzers a build would pass for this compiler; otherwise the DLLs in the folder itself.
        var full = Path.GetFullPath(path);
        var files = Directory.Exists(Path.Combine(full, "analyzers"))
            ? AnalyzerFolders.Under(full).ToList()
            : Directory.GetFiles(full, "*.dll").Where(f => !f.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase)).ToList();
        files.Sort(StringComparer.Ordinal);
        return files.Count > 0 ? files : throw new ArgumentException($"--peer {value}: no analyzer DLL in {path}.");
    }

    private static ImmutableHashSet<string> Supported(Type type)
    {
        try
        {
            return ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (TargetInvocationException)
        {
            return ImmutableHashSet<string>.Empty;
        }
    }

    private static string ShortPath(string path)
    {
        var packages = PackageFolders.GlobalPackages + Path.DirectorySeparatorChar;
        if (path.StartsWith(packages, StringComparison.Ordinal))
        {
            return path.Substring(packages.Length);
        }

        return FrameworkPacks.DotnetRoot is { } root && path.StartsWith(root, StringComparison.Ordinal) ? string.Concat("<dotnet>", path.AsSpan(root.Length)) : path;
    }
}
