using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using SafePrivacy.Cli.Scanning;

namespace SafePrivacy.Cli.Reports;

/// <summary>The scan as plain JSON, for scripts: the projects, every finding, and the counts.</summary>
internal static class ScanJsonReport
{
    public static void Write(ScanReport report, Stream stream)
    {
        using var json = JsonOutput.Writer(stream);
        json.WriteStartObject();
        json.WriteString("tool", "safeprivacy");
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("root", report.Root);
        json.WriteString("sourceRoot", report.SourceRoot);
        json.WriteString("target", report.Target);
        json.WriteString("mode", report.ModeDescription);
        WriteProjects(report, json);
        WriteFindings(report, json);
        WriteSummary(report, json);
        WriteScope(report, json);
        json.WriteStartArray("notices");
        foreach (var notice in report.Notices)
        {
            json.WriteStartObject();
            json.WriteString("level", notice.Level);
            json.WriteString("message", notice.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProjects(ScanReport report, Utf8JsonWriter json)
    {
        json.WriteStartArray("projects");
        foreach (var project in report.Projects)
        {
            json.WriteStartObject();
            json.WriteString("name", project.Name);
            json.WriteString("path", project.Path);
            json.WriteString("mode", project.Mode.ToString());
            json.WriteNumber("compilerErrors", project.CompilerErrors);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFindings(ScanReport report, Utf8JsonWriter json)
    {
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("title", finding.Title);
            json.WriteString("severity", finding.Level);
            json.WriteString("message", finding.Message);
            json.WriteString("file", finding.Path);
            json.WriteNumber("line", finding.Line);
            json.WriteNumber("column", finding.Column);
            json.WriteNumber("endLine", finding.EndLine);
            json.WriteNumber("endColumn", finding.EndColumn);
            json.WriteString("project", finding.Project);
            json.WriteString("helpUri", finding.HelpUri);
            json.WriteString("fingerprint", finding.Fingerprint);
            if (report.Baseline is not null)
            {
                json.WriteString("baseline", finding.Known ? "known" : "new");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // Only when asked for: a plain scan's JSON stays as it was.
    private static void WriteScope(ScanReport report, Utf8JsonWriter json)
    {
        if (report.Baseline is { } baseline)
        {
            json.WriteStartObject("baseline");
            json.WriteString("file", baseline.File);
            json.WriteBoolean("updated", baseline.Updated);
            json.WriteNumber("entries", baseline.Entries);
            json.WriteNumber("known", baseline.Known);
            json.WriteNumber("new", baseline.New);
            json.WriteNumber("fixed", baseline.Fixed);
            json.WriteEndObject();
        }

        if (report.ChangedSince is { } changed)
        {
            json.WriteStartObject("changedSince");
            json.WriteString("ref", changed.Reference);
            json.WriteStartArray("files");
            foreach (var file in changed.Files.OrderBy(f => f, System.StringComparer.Ordinal))
            {
                json.WriteStringValue(file);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    private static void WriteSummary(ScanReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("total", report.Findings.Length);
        json.WriteNumber("errors", report.Count(DiagnosticSeverity.Error));
        json.WriteNumber("warnings", report.Count(DiagnosticSeverity.Warning));
        json.WriteNumber("info", report.Count(DiagnosticSeverity.Info));
        json.WriteStartObject("byRule");
        foreach (var rule in report.ByRule())
        {
            json.WriteNumber(rule.Key, rule.Count());
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
