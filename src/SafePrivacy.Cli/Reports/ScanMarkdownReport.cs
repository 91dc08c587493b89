using System.IO;
using System.Linq;
using SafePrivacy.Cli.Scanning;

namespace SafePrivacy.Cli.Reports;

/// <summary>The scan as Markdown, for a pull-request comment or a job summary: a table per rule and file.</summary>
internal static class ScanMarkdownReport
{
    public static void Write(ScanReport report, TextWriter writer)
    {
        writer.WriteLine("# SafePrivacy scan");
        writer.WriteLine();
        writer.WriteLine($"Scanned `{report.Target}` ({report.ScopeDescription}): **{report.Summary()}**.");
        writer.WriteLine();
        foreach (var notice in report.Notices)
        {
            writer.WriteLine($"> **{notice.Level}:** {Markdown.Escape(notice.Message)}");
            writer.WriteLine();
        }

        if (report.Findings.IsEmpty)
        {
            writer.WriteLine("No findings.");
            return;
        }

        var withBaseline = report.Baseline is not null;
        writer.WriteLine(withBaseline ? "| Rule | Title | Findings | New |" : "| Rule | Title | Findings |");
        writer.WriteLine(withBaseline ? "|---|---|---:|---:|" : "|---|---|---:|");
        foreach (var rule in report.ByRule())
        {
            var counts = withBaseline ? $"{rule.Count()} | {rule.Count(f => !f.Known)}" : $"{rule.Count()}";
            writer.WriteLine($"| [{rule.Key}]({Rules.HelpUri(rule.Key)}) | {Markdown.Escape(Rules.Title(rule.Key))} | {counts} |");
        }

        foreach (var rule in report.ByRule())
        {
            writer.WriteLine();
            writer.WriteLine($"## {rule.Key}: {Markdown.Escape(Rules.Title(rule.Key))}");
            foreach (var file in rule.GroupBy(f => f.Path))
            {
                writer.WriteLine();
                writer.WriteLine($"### `{(file.Key.Length == 0 ? "(no file)" : file.Key)}`");
                writer.WriteLine();
                writer.WriteLine(withBaseline ? "| Line | Severity | Baseline | Message |" : "| Line | Severity | Message |");
                writer.WriteLine(withBaseline ? "|---|---|---|---|" : "|---|---|---|");
                foreach (var finding in file)
                {
                    var state = withBaseline ? (finding.Known ? " known |" : " **new** |") : string.Empty;
                    writer.WriteLine($"| {finding.Line}:{finding.Column} | {finding.Level} |{state} {Markdown.Escape(finding.Message)} |");
                }
            }
        }
    }
}

/// <summary>Escaping for text placed in Markdown tables and paragraphs.</summary>
internal static class Markdown
{
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", System.StringComparison.Ordinal)
        .Replace("|", "\\|", System.StringComparison.Ordinal)
        .Replace("<", "&lt;", System.StringComparison.Ordinal)
        .Replace("\r", " ", System.StringComparison.Ordinal)
        .Replace("\n", " ", System.StringComparison.Ordinal);
}
