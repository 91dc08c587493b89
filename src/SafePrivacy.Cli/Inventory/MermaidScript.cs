using System;
using System.IO;

namespace SafePrivacy.Cli.Inventory;

/// <summary>
/// Mermaid's browser build and licence, embedded in the tool (see Resources/README.md) so the HTML record renders
/// its diagram with no network: a privacy team opens it from a file share or an air-gapped build server.
/// </summary>
internal static class MermaidScript
{
    public const string Version = "12.3.0";

    private static readonly Lazy<string> ScriptText = new(() => Read("SafePrivacy.Cli.mermaid.min.js"));
    private static readonly Lazy<string> LicenceText = new(() => Read("SafePrivacy.Cli.mermaid.LICENSE.txt"));

    /// <summary>The minified script, safe to inline in a &lt;script&gt; element (a test holds it to that).</summary>
    public static string Script => ScriptText.Value;

    public static string Licence => LicenceText.Value;

    private static string Read(string name)
    {
        using var stream = typeof(MermaidScript).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The tool is missing its embedded resource '{name}'; reinstall SafePrivacy.Cli.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
