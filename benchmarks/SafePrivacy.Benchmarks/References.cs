using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Benchmarks.Loading;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// What the generated corpus references, as a build would: the reference assemblies of the .NET and ASP.NET Core
/// targeting packs of the installed SDK (falling back to the runtime's own assemblies when the packs are missing),
/// plus the real package assemblies copied next to the program — SafePrivacy, EF Core, Serilog, NLog. Metadata
/// references are shared by path, so the many compilations of a solution read each assembly once.
/// </summary>
internal static class References
{
    private static readonly string[] PackageAssemblies =
    {
        "SafePrivacy.dll",
        "Microsoft.EntityFrameworkCore.dll",
        "Microsoft.EntityFrameworkCore.Abstractions.dll",
        "Microsoft.EntityFrameworkCore.Relational.dll",
        "Serilog.dll",
        "NLog.dll",
    };

    private static readonly string[] Frameworks = { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" };

    private static readonly ConcurrentDictionary<string, MetadataReference> ByPath = new(StringComparer.Ordinal);

    /// <summary>One shared reference per assembly file.</summary>
    public static MetadataReference FromFile(string path) => ByPath.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));

    public static (ImmutableArray<MetadataReference> References, string Description) Load()
    {
        var tfm = $"net{Environment.Version.Major}.0";
        var packs = Frameworks.Select(name => FrameworkPacks.Find(name, tfm)).ToList();
        List<string> framework;
        string description;
        if (packs.All(p => p is not null))
        {
            framework = packs.SelectMany(p => p!.Assemblies).ToList();
            description = "reference packs " + string.Join(" and ", packs.Select(p => $"{p!.Name}.Ref {p.Version}"));
        }
        else
        {
            framework = FromRuntime();
            description = "the running runtime's trusted platform assemblies (no targeting pack found)";
        }

        var local = PackageAssemblies
            .Select(name => Path.Combine(AppContext.BaseDirectory, name))
            .Where(File.Exists)
            .ToList();
        var frameworkNames = framework.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var all = framework.Concat(local.Where(path => !frameworkNames.Contains(Path.GetFileName(path))))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(FromFile)
            .ToImmutableArray();
        return (all, description + " + " + string.Join(", ", local.Select(Path.GetFileNameWithoutExtension)));
    }

    private static List<string> FromRuntime()
    {
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        return trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
                && !Path.GetFileName(path).StartsWith("SafePrivacy", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
