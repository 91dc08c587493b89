using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using SafePrivacy.Cli.Scanning;

namespace SafePrivacy.Cli.Reports;

/// <summary>
/// SARIF 2.1.0, the format code-scanning services ingest: every rule with its help page and tags, every finding with
/// a location relative to SRCROOT — the enclosing git repository's root, else the scanned folder — so a job that scans
/// <c>src/App</c> still places findings on <c>src/App/...</c>, and with a partial fingerprint that survives lines
/// moving. The log is the same on every machine.
/// </summary>
internal static class ScanSarifReport
{
    public const string RootBaseId = "SRCROOT";

    private const string CategoryPrefix = "SafePrivacy.";

    public static void Write(ScanReport report, Stream stream)
    {
        using var json = JsonOutput.Writer(stream);
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json);
        WriteInvocation(report, json);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(RootBaseId);
        json.WriteString("uri", FolderUri(report.SourceRoot));
        json.WriteEndObject();
        json.WriteEndObject();
        WriteResults(report, json);
        json.WriteString("columnKind", "utf16CodeUnits");
        WriteRunProperties(report, json);
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
        json.WriteString("name", Rules.Name(rule.Id));
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
        WriteHelp(rule, description, json);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        foreach (var tag in Tags(rule))
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // What a code-scanning alert shows under "help": the description and a link to the rule's page.
    private static void WriteHelp(DiagnosticDescriptor rule, string description, Utf8JsonWriter json)
    {
        var title = rule.Title.ToString(CultureInfo.InvariantCulture);
        json.WriteStartObject("help");
        json.WriteString("text", $"{description} See {rule.HelpLinkUri}".TrimStart());
        json.WriteString("markdown", $"{description}\n\n[{rule.Id}: {title}]({rule.HelpLinkUri})".TrimStart());
        json.WriteEndObject();
    }

    /// <summary>'privacy' and the rule's family ('logging', 'sharing' …), which code scanning offers as filters.</summary>
    private static string[] Tags(DiagnosticDescriptor rule)
    {
        var family = rule.Category.StartsWith(CategoryPrefix, StringComparison.Ordinal) ? rule.Category[CategoryPrefix.Length..] : rule.Category;
        return new[] { "privacy", family.ToLowerInvariant() };
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
            if (report.Baseline is not null)
            {
                json.WriteString("baselineState", finding.Known ? "unchanged" : "new");
            }

            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            if (finding.FullPath is not null)
            {
                WriteLocation(finding, json);
            }

            json.WriteStartObject("partialFingerprints");
            json.WriteString(Fingerprints.SarifKey, finding.Fingerprint);
            json.WriteEndObject();

            json.WriteStartObject("properties");
            json.WriteString("project", finding.Project);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // What a partial or baselined run covered, for whoever reads the log; code scanning ignores it.
    private static void WriteRunProperties(ScanReport report, Utf8JsonWriter json)
    {
        if (report.Baseline is null && report.ChangedSince is null)
        {
            return;
        }

        json.WriteStartObject("properties");
        if (report.Baseline is { } baseline)
        {
            json.WriteString("baselineFile", baseline.File);
            json.WriteNumber("baselineFixed", baseline.Fixed);
        }

        if (report.ChangedSince is { } changed)
        {
            json.WriteString("changedSince", changed.Reference);
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(Finding finding, Utf8JsonWriter json)
    {
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");

        // Inside SRCROOT: relative to it. Outside it (a file linked from elsewhere): an absolute file URI.
        if (finding.SourcePath.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(finding.SourcePath))
        {
            json.WriteString("uri", new Uri(finding.FullPath!).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", string.Join("/", finding.SourcePath.Split('/').Select(Uri.EscapeDataString)));
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
