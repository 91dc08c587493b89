using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using SafePrivacy.Cli.Scanning;

namespace SafePrivacy.Cli.Reports;

/// <summary>
/// SARIF 2.1.0, the format code-scanning services ingest: every rule with its help page, every finding with a
/// location relative to the scanned root (the SRCROOT base), so the log is the same on every machine.
/// </summary>
internal static class ScanSarifReport
{
    public const string RootBaseId = "SRCROOT";

    public static void Write(ScanReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json);
        WriteInvocation(report, json);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(RootBaseId);
        json.WriteString("uri", FolderUri(report.Root));
        json.WriteEndObject();
        json.WriteEndObject();
        WriteResults(report, json);
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in Rules.Descriptors)
        {
            WriteRule(rule, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(DiagnosticDescriptor rule, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title.ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
        var description = rule.Description.ToString(CultureInfo.InvariantCulture);
        if (description.Length > 0)
        {
            json.WriteStartObject("fullDescription");
            json.WriteString("text", description);
            json.WriteEndObject();
        }

        json.WriteString("helpUri", rule.HelpLinkUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(ScanReport report, Utf8JsonWriter json)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", !report.Notices.Any(n => n.Level == "error"));
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var notice in report.Notices)
        {
            json.WriteStartObject();
            json.WriteString("level", notice.Level == "error" ? "error" : "warning");
            json.WriteStartObject("message");
            json.WriteString("text", notice.Message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResults(ScanReport report, Utf8JsonWriter json)
    {
        var ruleIndex = Rules.Descriptors.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteNumber("ruleIndex", ruleIndex[finding.RuleId]);
            json.WriteString("level", Level(finding.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            if (finding.FullPath is not null)
            {
                WriteLocation(finding, json);
            }

            json.WriteStartObject("properties");
            json.WriteString("project", finding.Project);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteLocation(Finding finding, Utf8JsonWriter json)
    {
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");

        // Inside the root: relative to SRCROOT. Outside it (a linked shared file): an absolute file URI.
        if (finding.Path.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(finding.Path))
        {
            json.WriteString("uri", new Uri(finding.FullPath!).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", string.Join("/", finding.Path.Split('/').Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", RootBaseId);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string FolderUri(string folder)
    {
        var uri = new Uri(Path.GetFullPath(folder)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }
}
