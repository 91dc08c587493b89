using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace SafePrivacy.Benchmarks.Loading;

/// <summary>
/// The shared frameworks' reference packs, where the build finds them: <c>&lt;dotnet&gt;/packs/&lt;Name&gt;.Ref/&lt;version&gt;/</c>
/// of the installed SDK (<c>dotnet --list-sdks</c> lives beside them), else the same pack restored into the global
/// packages folder (a project targeting an older .NET than the SDK's own). Each pack has <c>ref/netX.Y/*.dll</c> and
/// its source generators under <c>analyzers/dotnet/</c>.
/// </summary>
internal static class FrameworkPacks
{
    public sealed record Pack(string Name, string Version, string ReferenceDirectory, string Root, bool ExactMajor)
    {
        public IEnumerable<string> Assemblies => Directory.GetFiles(ReferenceDirectory, "*.dll");

        public IEnumerable<string> Analyzers => AnalyzerFolders.Under(Root);
    }

    /// <summary>The folder of the running .NET installation (with <c>packs/</c>, <c>sdk/</c>, <c>shared/</c>).</summary>
    public static string? DotnetRoot { get; } = FindDotnetRoot();

    /// <summary>
    /// The reference pack of <paramref name="framework"/> (e.g. <c>Microsoft.AspNetCore.App</c>) for a target framework:
    /// the highest pack version of the same major version, from the SDK or the global packages folder; failing that the
    /// highest installed pack with a reference folder at or below the target (then <see cref="Pack.ExactMajor"/> is false).
    /// </summary>
    public static Pack? Find(string framework, string targetFramework)
    {
        if (TargetFrameworks.Parse(targetFramework) is not { IsNet: true } target)
        {
            return null;
        }

        var name = framework + ".Ref";
        var roots = new List<string>();
        if (DotnetRoot is not null)
        {
            roots.Add(Path.Combine(DotnetRoot, "packs", name));
        }

        roots.Add(Path.Combine(PackageFolders.GlobalPackages, name.ToLowerInvariant()));
        var candidates = roots.Where(Directory.Exists)
            .SelectMany(root => Directory.GetDirectories(root).Select(version => (Root: version, Version: Path.GetFileName(version))))
            .Select(c => (c.Root, c.Version, Ref: Path.Combine(c.Root, "ref")))
            .Where(c => Directory.Exists(c.Ref))
            .ToList();
        var exact = candidates
            .Where(c => c.Version.StartsWith(target.Version.Major + ".", StringComparison.Ordinal))
            .Select(c => (c.Root, c.Version, Folder: Path.Combine(c.Ref, "net" + target.Version.ToString(2))))
            .Where(c => Directory.Exists(c.Folder))
            .OrderByDescending(c => c.Version, NuGetVersions.Comparer)
            .FirstOrDefault();
        if (exact.Root is not null)
        {
            return new Pack(framework, exact.Version, exact.Folder, exact.Root, ExactMajor: true);
        }

        var nearest = candidates
            .Select(c => (c.Root, c.Version, Tfm: TargetFrameworks.Nearest(targetFramework, Directory.GetDirectories(c.Ref).Select(Path.GetFileName).OfType<string>()), c.Ref))
            .Where(c => c.Tfm is not null)
            .OrderByDescending(c => c.Version, NuGetVersions.Comparer)
            .FirstOrDefault();
        if (nearest.Root is not null)
        {
            return new Pack(framework, nearest.Version, Path.Combine(nearest.Ref, nearest.Tfm!), nearest.Root, ExactMajor: false);
        }

        // A project for a newer .NET than any pack installed: the newest pack there is, said so in the report.
        var newest = candidates.OrderByDescending(c => c.Version, NuGetVersions.Comparer).FirstOrDefault();
        if (newest.Root is null)
        {
            return null;
        }

        var folder = Directory.GetDirectories(newest.Ref).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
        return folder is null ? null : new Pack(framework, newest.Version, folder, newest.Root, ExactMajor: false);
    }

    private static string? FindDotnetRoot()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } configured && Directory.Exists(Path.Combine(configured, "packs")))
        {
            return configured;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ is where this program's runtime lives.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var root = Directory.GetParent(runtime)?.Parent?.Parent?.FullName;
        return root is not null && Directory.Exists(Path.Combine(root, "packs")) ? root : null;
    }
}

/// <summary>
/// The properties MSBuild and the SDK define before a project is read, for the installed SDK (the newest under
/// <c>&lt;dotnet&gt;/sdk/</c>, as <c>dotnet --list-sdks</c> shows): package build files compare against them.
/// </summary>
internal static class Toolset
{
    public static IReadOnlyDictionary<string, string> Properties { get; } = Read();

    private static Dictionary<string, string> Read()
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["BundledNETCoreAppPackageVersion"] = Environment.Version.ToString(3),
            ["NETCoreAppMaximumVersion"] = Environment.Version.ToString(2),
        };
        var sdks = FrameworkPacks.DotnetRoot is { } root && Directory.Exists(Path.Combine(root, "sdk"))
            ? Directory.GetDirectories(Path.Combine(root, "sdk")).Select(Path.GetFileName).OfType<string>().Where(v => char.IsDigit(v[0])).OrderBy(v => v, NuGetVersions.Comparer).ToList()
            : new List<string>();
        if (sdks.Count > 0)
        {
            var sdk = Path.Combine(FrameworkPacks.DotnetRoot!, "sdk", sdks[^1]);
            properties["NETCoreSdkVersion"] = sdks[^1];
            properties["MSBuildExtensionsPath"] = sdk + "/";
            properties["MSBuildSDKsPath"] = Path.Combine(sdk, "Sdks");
            properties["MSBuildBinPath"] = sdk;
            var msbuild = Path.Combine(sdk, "Microsoft.Build.dll");
            if (File.Exists(msbuild) && System.Diagnostics.FileVersionInfo.GetVersionInfo(msbuild) is { FileMajorPart: > 0 } version)
            {
                properties["MSBuildVersion"] = $"{version.FileMajorPart}.{version.FileMinorPart}.{version.FileBuildPart}";
            }
        }

        return properties;
    }
}
