using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SafePrivacy.Benchmarks.Loading;

/// <summary>
/// Target framework monikers as NuGet and the SDK read them: <c>net10.0</c>, <c>net8.0-windows</c>,
/// <c>netstandard2.0</c>, <c>netcoreapp3.1</c>, <c>net48</c>; which package folder suits a project, and which of a
/// multi-targeting project's frameworks a benchmark compiles (the newest .NET).
/// </summary>
internal static class TargetFrameworks
{
    public const string NetCoreApp = ".NETCoreApp";
    public const string NetStandard = ".NETStandard";
    public const string NetFramework = ".NETFramework";

    private static readonly Version[] NetCoreAppVersions = new[] { "1.0", "1.1", "2.0", "2.1", "2.2", "3.0", "3.1" }.Select(System.Version.Parse).ToArray();

    private static readonly Version[] NetStandardVersions = new[] { "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.0", "2.1" }.Select(System.Version.Parse).ToArray();

    public readonly record struct Moniker(string Identifier, Version Version, string Platform)
    {
        public bool IsNet => Identifier == NetCoreApp;

        public override string ToString() => $"{Identifier},Version=v{Version.ToString(2)}";
    }

    public static Moniker? Parse(string? tfm)
    {
        if (string.IsNullOrWhiteSpace(tfm))
        {
            return null;
        }

        var text = tfm.Trim().ToLowerInvariant();
        var platform = string.Empty;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            platform = text.Substring(dash + 1);
            text = text.Substring(0, dash);
        }

        string identifier;
        string digits;
        if (text.StartsWith("netstandard", StringComparison.Ordinal))
        {
            identifier = NetStandard;
            digits = text.Substring("netstandard".Length);
        }
        else if (text.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            identifier = NetCoreApp;
            digits = text.Substring("netcoreapp".Length);
        }
        else if (text.StartsWith("net", StringComparison.Ordinal))
        {
            digits = text.Substring(3);
            // net5.0 and later carry a dot; net48, net472 do not and are .NET Framework.
            identifier = digits.Contains('.', StringComparison.Ordinal) ? NetCoreApp : NetFramework;
        }
        else
        {
            return null;
        }

        Version? version;
        if (digits.Contains('.', StringComparison.Ordinal))
        {
            version = System.Version.TryParse(digits, out var dotted) ? dotted : null;
        }
        else if (digits.Length > 0 && digits.All(char.IsDigit))
        {
            var parts = digits.Select(c => (int)char.GetNumericValue(c)).ToArray();
            version = new Version(parts[0], parts.Length > 1 ? parts[1] : 0, parts.Length > 2 ? parts[2] : 0);
        }
        else
        {
            version = null;
        }

        return version is null ? null : new Moniker(identifier, version, platform);
    }

    public static string Identifier(string tfm) => Parse(tfm)?.Identifier ?? string.Empty;

    public static Version? Version(string tfm) => Parse(tfm)?.Version;

    public static string Platform(string tfm) => Parse(tfm)?.Platform ?? string.Empty;

    /// <summary>Whether assets built for <paramref name="candidate"/> can be used by a project targeting <paramref name="target"/>.</summary>
    public static bool IsCompatible(string target, string candidate) =>
        Parse(target) is { } t && Parse(candidate) is { } c && Rank(t, c) is not null;

    /// <summary>
    /// Of a multi-targeting project's frameworks, the one a benchmark compiles: the newest .NET without a platform
    /// (those need workloads), else the newest .NET Standard, else the newest other.
    /// </summary>
    public static string? Newest(IEnumerable<string> tfms) =>
        tfms.Select(t => (Text: t, Moniker: Parse(t)))
            .Where(t => t.Moniker is not null)
            .OrderBy(t => t.Moniker!.Value.Platform.Length > 0)
            .ThenByDescending(t => t.Moniker!.Value.IsNet)
            .ThenByDescending(t => t.Moniker!.Value.Identifier == NetStandard)
            .ThenByDescending(t => t.Moniker!.Value.Version)
            .Select(t => t.Text)
            .FirstOrDefault();

    /// <summary>The folder name (a TFM, as under a package's <c>lib/</c> or <c>ref/</c>) nearest to the target, as NuGet picks it; null if none fits.</summary>
    public static string? Nearest(string target, IEnumerable<string> folders)
    {
        if (Parse(target) is not { } t)
        {
            return null;
        }

        return folders.Select(f => (Folder: f, Rank: Parse(f) is { } c ? Rank(t, c) : null))
            .Where(f => f.Rank is not null)
            .OrderBy(f => f.Rank!.Value)
            .Select(f => f.Folder)
            .FirstOrDefault();
    }

    /// <summary>The C# version the SDK uses by default for a target framework (LangVersion unset).</summary>
    public static string DefaultLanguageVersion(string tfm) => Parse(tfm) switch
    {
        { IsNet: true, Version.Major: >= 10 } => "14",
        { IsNet: true, Version.Major: 9 } => "13",
        { IsNet: true, Version.Major: 8 } => "12",
        { IsNet: true, Version.Major: 7 } => "11",
        { IsNet: true, Version.Major: 6 } => "10",
        { IsNet: true, Version.Major: 5 } => "9",
        { IsNet: true, Version.Major: 3 } => "8",
        { Identifier: NetStandard, Version.Major: 2, Version.Minor: 1 } => "8",
        _ => "7.3",
    };

    /// <summary>The preprocessor symbols the SDK defines for a target framework.</summary>
    public static IEnumerable<string> Defines(string tfm)
    {
        if (Parse(tfm) is not { } t)
        {
            yield break;
        }

        string Symbol(string prefix, Version v) => prefix + v.Major.ToString(CultureInfo.InvariantCulture) + "_" + v.Minor.ToString(CultureInfo.InvariantCulture);
        switch (t.Identifier)
        {
            case NetCoreApp:
                yield return "NETCOREAPP";
                foreach (var v in NetCoreAppVersions.Where(v => v <= t.Version))
                {
                    yield return Symbol("NETCOREAPP", v) + "_OR_GREATER";
                }

                if (t.Version.Major >= 5)
                {
                    yield return "NET";
                    yield return Symbol("NET", t.Version);
                    for (var major = 5; major <= t.Version.Major; major++)
                    {
                        yield return Symbol("NET", new Version(major, 0)) + "_OR_GREATER";
                    }
                }
                else
                {
                    yield return Symbol("NETCOREAPP", t.Version);
                }

                break;
            case NetStandard:
                yield return "NETSTANDARD";
                yield return Symbol("NETSTANDARD", t.Version);
                foreach (var v in NetStandardVersions.Where(v => v <= t.Version))
                {
                    yield return Symbol("NETSTANDARD", v) + "_OR_GREATER";
                }

                break;
            default:
                yield return "NETFRAMEWORK";
                break;
        }
    }

    // Lower is nearer; null is incompatible. Same family first (highest version not above the target), then .NET Standard.
    private static int? Rank(Moniker target, Moniker candidate)
    {
        if (candidate.Platform.Length > 0 && candidate.Platform != target.Platform)
        {
            return null;
        }

        if (candidate.Identifier == target.Identifier)
        {
            return candidate.Version <= target.Version ? Distance(target.Version, candidate.Version) : null;
        }

        if (candidate.Identifier == NetStandard)
        {
            var supported = target.Identifier switch
            {
                NetCoreApp when target.Version >= new Version(3, 0) => new Version(2, 1),
                NetCoreApp when target.Version >= new Version(2, 0) => new Version(2, 0),
                NetFramework when target.Version >= new Version(4, 6, 1) => new Version(2, 0),
                _ => new Version(1, 0),
            };
            return candidate.Version <= supported ? 100_000 + Distance(supported, candidate.Version) : null;
        }

        return null;
    }

    private static int Distance(Version high, Version low) => (high.Major - low.Major) * 100 + (high.Minor - Math.Max(0, low.Minor)) + 50;
}
