using System.Reflection;

namespace SafePrivacy.Cli;

/// <summary>The tool's name and version as reports state them.</summary>
internal static class ToolInfo
{
    public const string Name = "SafePrivacy";

    public const string InformationUri = "https://github.com/safeprivacy/safeprivacy";

    /// <summary>The package version ('0.1.0'), without the source revision the SDK appends.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', System.StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
