using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// What the measured compilations reference, as a build would: the reference assemblies of the .NET and ASP.NET Core
/// targeting packs that ship with the SDK running this program (falling back to the runtime's own assemblies when the
/// packs are missing), plus the real package assemblies copied next to the program — SafePrivacy, EF Core, Serilog,
/// NLog.
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

    public static (ImmutableArray<MetadataReference> References, string Description) Load()
    {
        var packs = FromTargetingPacks();
        var framework = packs.Paths;
        var description = packs.Description;
        if (framework.Count == 0)
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
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
        return (all, description + " + " + string.Join(", ", local.Select(Path.GetFileNameWithoutExtension)));
    }

    // <dotnet root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0, and the ASP.NET Core one beside it,
    // for the runtime version this program runs on (or the highest with the same major version).
    private static (List<string> Paths, string Description) FromTargetingPacks()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Directory.GetParent(runtimeDirectory.TrimEnd(Path.DirectorySeparatorChar))?.Parent?.Parent?.FullName;
        if (root is null)
        {
            return (new List<string>(), string.Empty);
        }

        var major = Environment.Version.Major;
        var paths = new List<string>();
        var found = new List<string>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var packDirectory = Path.Combine(root, "packs", pack);
            if (!Directory.Exists(packDirectory))
            {
                return (new List<string>(), string.Empty);
            }

            var version = Directory.GetDirectories(packDirectory)
                .Select(Path.GetFileName)
                .Where(v => v is not null && v.StartsWith(major + ".", StringComparison.Ordinal))
                .OrderByDescending(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
                .FirstOrDefault();
            var refDirectory = version is null ? null : Path.Combine(packDirectory, version, "ref", $"net{major}.0");
            if (refDirectory is null || !Directory.Exists(refDirectory))
            {
                return (new List<string>(), string.Empty);
            }

            paths.AddRange(Directory.GetFiles(refDirectory, "*.dll"));
            found.Add($"{pack} {version}");
        }

        return (paths, "reference packs " + string.Join(" and ", found));
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
