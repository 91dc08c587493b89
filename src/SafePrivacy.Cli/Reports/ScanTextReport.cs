using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Cli.Scanning;
using Spectre.Console;

namespace SafePrivacy.Cli.Reports;

/// <summary>
/// The console report: findings grouped by rule, then file, one line each (never wrapped, so logs can be grepped),
/// then a summary table. Colour only when writing to a terminal.
/// </summary>
internal static class ScanTextReport
{
    public static void Write(ScanReport report, TextWriter writer, bool colour)
    {
        var style = new Styler(colour);
        writer.WriteLine($"{style.Bold("SafePrivacy scan")} of {report.Target} ({report.ScopeDescription})");
        writer.WriteLine();
        foreach (var rule in report.ByRule())
        {
            var count = rule.Count();
            writer.WriteLine($"{style.Bold(rule.Key)}  {Rules.Title(rule.Key)}  ({count} finding{(count == 1 ? string.Empty : "s")})");
            foreach (var file in rule.GroupBy(f => f.Path))
            {
                writer.WriteLine("  " + (file.Key.Length == 0 ? "(no file)" : file.Key));
                foreach (var finding in file)
                {
                    writer.WriteLine($"    {finding.Line}:{finding.Column}  {style.Level(finding.Level)}{(finding.Known ? " (known)" : string.Empty)}  {finding.Message}");
                }
            }

            writer.WriteLine();
        }

        foreach (var notice in report.Notices)
        {
            writer.WriteLine($"{style.Level(notice.Level)}: {notice.Message}");
        }

        WriteSummary(report, writer, colour);
    }

    private static void WriteSummary(ScanReport report, TextWriter writer, bool colour)
    {
        if (!report.Findings.IsEmpty)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer),
                Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            console.Profile.Width = colour ? console.Profile.Width : 120;
            var withBaseline = report.Baseline is not null;
            var table = new Table().AddColumns("Rule", "Title", "Severity", "Findings");
            table.Columns[3].RightAligned();
            if (withBaseline)
            {
                table.AddColumn(new TableColumn("New").RightAligned());
            }

            foreach (var rule in report.ByRule())
            {
                var worst = rule.Max(f => f.Severity);
                var cells = new List<string> { Markup.Escape(rule.Key), Markup.Escape(Rules.Title(rule.Key)), LevelOf(worst), Number(rule.Count()) };
                if (withBaseline)
                {
                    cells.Add(Number(rule.Count(f => !f.Known)));
                }

                table.AddRow(cells.ToArray());
            }

            console.Write(table);
        }

        writer.WriteLine(report.Findings.IsEmpty ? "No SafePrivacy findings in " + ProjectsText(report) + "." : report.Summary() + ".");
    }

    private static string Number(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ProjectsText(ScanReport report) => report.Projects.Length == 1 ? "1 project" : $"{report.Projects.Length} projects";

    private static string LevelOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>ANSI styling that disappears when the output is not a terminal.</summary>
    private readonly struct Styler
    {
        private readonly bool _on;

        public Styler(bool on) => _on = on;

        public string Bold(string text) => _on ? "\u001b[1m" + text + "\u001b[0m" : text;

        public string Level(string level)
        {
            if (!_on)
            {
                return level;
            }

            var code = level switch
            {
                "error" => "31",
                "warning" => "33",
                _ => "36",
            };
            return $"\u001b[{code}m{level}\u001b[0m";
        }
    }
}
