using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SafePrivacy.Cli.Reports;

/// <summary>
/// How the tool writes every JSON file (reports, SARIF, the inventory, baselines): indented for diffs and reviews,
/// and with text as people wrote it ('Post.Body', "it's") rather than escaped for embedding in HTML.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Utf8JsonWriter Writer(Stream stream) => new(stream, Options);
}
