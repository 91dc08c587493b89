using System.IO;
using System.Text;
using SafePrivacy.Cli.Inventory;
using SafePrivacy.Cli.Reports;
using SafePrivacy.Cli.Scanning;

namespace SafePrivacy.Cli.Tests.Infrastructure;

/// <summary>Renders the fixture's reports with the tool's own renderers, as the CLI does before writing them out.</summary>
internal static class Render
{
    public static string Text(ScanReport report) => Write(writer => ScanTextReport.Write(report, writer, colour: false));

    public static string Markdown(ScanReport report) => Write(writer => ScanMarkdownReport.Write(report, writer));

    public static string Json(ScanReport report) => Utf8(stream => ScanJsonReport.Write(report, stream));

    public static string Sarif(ScanReport report) => Utf8(stream => ScanSarifReport.Write(report, stream));

    public static string Markdown(InventoryDocument document) => Write(writer => InventoryMarkdown.Write(document, writer));

    public static string Json(InventoryDocument document) => Utf8(stream => InventoryJson.Write(document, stream));

    public static string Html(InventoryDocument document) => Write(writer => InventoryHtml.Write(document, writer));

    public static string Fides(InventoryDocument document) => Write(writer => FidesManifest.Write(document, writer, "customer"));

    private static string Write(System.Action<TextWriter> write)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        write(writer);
        return writer.ToString();
    }

    private static string Utf8(System.Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
