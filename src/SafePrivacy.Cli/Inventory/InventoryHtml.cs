using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using SafePrivacy.Analyzers.Inventory;

namespace SafePrivacy.Cli.Inventory;

/// <summary>
/// The record as one self-contained HTML page: styles, the data-flow diagrams and Mermaid itself are inline, so the
/// page works offline and can be attached to a DPIA or a ticket as a single file.
/// </summary>
internal static partial class InventoryHtml
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
        h1 { font-size: 1.8rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #d0d7de; } h3 { margin-top: 1.75rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
        th, td { border: 1px solid #d0d7de; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; width: 14rem; } thead th { width: auto; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.88em; }
        .pipeline { display: inline-block; background: #e0ecff; color: #1d4ed8; border-radius: 1rem; padding: 0 0.6rem; font-size: 0.8rem; margin-left: 0.5rem; }
        .undeclared { color: #b42318; }
        .diagram { border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem; overflow-x: auto; background: #fff; }
        footer { margin-top: 3rem; color: #59636e; font-size: 0.85rem; }
        """;

    public static void Write(InventoryDocument document, TextWriter writer)
    {
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine($"<title>Record of processing activities: {Html(document.Target)}</title>");
        writer.WriteLine($"<style>{Style}</style>");
        writer.WriteLine("</head>");
        writer.WriteLine("<body>");
        writer.WriteLine("<h1>Record of processing activities</h1>");
        writer.WriteLine($"<p>Written by safeprivacy {Html(ToolInfo.Version)} from <code>{Html(document.Target)}</code>: the SafePrivacy declarations in the code and the flows of personal data the analyzers follow (UK GDPR Art 30). It records what the code declares; whether each declaration is right stays a human decision.</p>");
        foreach (var system in document.Systems)
        {
            WriteSystem(document, system, writer);
        }

        writer.WriteLine($"<footer>Diagrams drawn by Mermaid {MermaidScript.Version} (MIT licence), included in this page.</footer>");
        WriteMermaid(writer);
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    private static void WriteSystem(InventoryDocument document, InventorySystem system, TextWriter writer)
    {
        writer.WriteLine($"<section class=\"system\" id=\"{Html(Anchor(system.Name))}\">");
        writer.WriteLine($"<h2>{Html(system.Name)}</h2>");
        writer.WriteLine($"<p>Project: <code>{Html(system.ProjectPath)}</code></p>");
        if (!system.Model.UsesSafePrivacy)
        {
            writer.WriteLine("<p>This project declares no personal data (no SafePrivacy, Identity or Compliance annotations), so there is nothing to record.</p>");
            writer.WriteLine("</section>");
            return;
        }

        writer.WriteLine("<h3>Data flow</h3>");
        writer.WriteLine($"<div class=\"diagram\"><pre class=\"mermaid\">{Html(MermaidDiagram.For(system.Model))}</pre></div>");
        foreach (var activity in system.Model.Activities)
        {
            WriteActivity(document, activity, writer);
        }

        writer.WriteLine("<h3 class=\"undeclared\">Processing without a lawful basis</h3>");
        if (system.Model.Undeclared.IsEmpty)
        {
            writer.WriteLine("<p>None: every flow of personal data the analyzers found has a lawful basis in scope.</p>");
        }
        else
        {
            WriteSinks(document, system.Model.Undeclared.SelectMany(u => u.Sinks), writer);
        }

        writer.WriteLine("</section>");
    }

    private static void WriteActivity(InventoryDocument document, ProcessingActivity activity, TextWriter writer)
    {
        var pipeline = activity.IsModerationPipeline ? "<span class=\"pipeline\">moderation pipeline</span>" : string.Empty;
        writer.WriteLine($"<h3 class=\"activity\">{Html(InventoryText.Title(activity))}{pipeline}</h3>");
        writer.WriteLine("<table class=\"activity\">");
        foreach (var (field, values) in InventoryText.Rows(document, activity))
        {
            var value = values.Count == 0 ? "none" : string.Join("<br>", values.Select(Html));
            writer.WriteLine($"<tr><th scope=\"row\">{Html(field)}</th><td>{value}</td></tr>");
        }

        writer.WriteLine("</table>");
        if (!activity.Sinks.IsEmpty)
        {
            WriteSinks(document, activity.Sinks, writer);
        }
    }

    private static void WriteSinks(InventoryDocument document, IEnumerable<SinkFlow> sinks, TextWriter writer)
    {
        writer.WriteLine("<table class=\"sinks\"><thead><tr><th>Member</th><th>Sink</th><th>Kind</th><th>Personal data</th><th>Where</th></tr></thead><tbody>");
        foreach (var sink in sinks)
        {
            var data = string.Join("<br>", sink.Data.Select(d => Html(InventoryText.Data(d))));
            writer.WriteLine(
                $"<tr><td><code>{Html(sink.Member)}</code></td><td><code>{Html(sink.Sink)}</code>{(sink.Party is { } party ? " to " + Html(party) : string.Empty)}</td><td>{Html(InventoryText.SinkKind(sink.Kind))}</td><td>{data}</td><td><code>{Html(document.Where(sink.Location))}</code></td></tr>");
        }

        writer.WriteLine("</tbody></table>");
    }

    private static void WriteMermaid(TextWriter writer)
    {
        // Mermaid's licence travels with its code, as the MIT licence asks.
        writer.WriteLine($"<!-- Mermaid {MermaidScript.Version}, included under its licence:");
        writer.WriteLine(MermaidScript.Licence.Replace("--", "- -", StringComparison.Ordinal));
        writer.WriteLine("-->");
        writer.Write("<script>");

        // "</script" cannot appear in the script's code, only in its strings, regular expressions and comments, where
        // "<\/script" means the same; escaping it keeps any future version from ending the element early.
        writer.Write(ScriptEnd().Replace(MermaidScript.Script, "<\\/$1"));
        writer.WriteLine("</script>");
        writer.WriteLine("<script>mermaid.initialize({ startOnLoad: true, securityLevel: \"strict\", flowchart: { useMaxWidth: true } });</script>");
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Anchor(string name) => NonWord().Replace(name.ToLowerInvariant(), "-");

    [GeneratedRegex("</(script)", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptEnd();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
