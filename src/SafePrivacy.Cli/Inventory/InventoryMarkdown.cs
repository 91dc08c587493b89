using System.Collections.Generic;
using System.IO;
using System.Linq;
using SafePrivacy.Analyzers.Inventory;
using SafePrivacy.Cli.Reports;

namespace SafePrivacy.Cli.Inventory;

/// <summary>The record of processing activities as Markdown, with a Mermaid data-flow diagram per system.</summary>
internal static class InventoryMarkdown
{
    public static void Write(InventoryDocument document, TextWriter writer)
    {
        writer.WriteLine("# Record of processing activities");
        writer.WriteLine();
        writer.WriteLine($"Written by safeprivacy {ToolInfo.Version} from `{document.Target}`: the SafePrivacy declarations in the code and the flows of personal data the analyzers follow (UK GDPR Art 30). It records what the code declares; whether each declaration is right stays a human decision.");
        foreach (var system in document.Systems)
        {
            WriteSystem(document, system, writer);
        }
    }

    private static void WriteSystem(InventoryDocument document, InventorySystem system, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine($"## {system.Name}");
        writer.WriteLine();
        writer.WriteLine($"Project: `{system.ProjectPath}`");
        if (!system.Model.UsesSafePrivacy)
        {
            writer.WriteLine();
            writer.WriteLine("This project declares no personal data (no SafePrivacy, Identity or Compliance annotations), so there is nothing to record.");
            return;
        }

        foreach (var activity in system.Model.Activities)
        {
            WriteActivity(document, activity, writer);
        }

        WriteUndeclared(document, system.Model, writer);
        writer.WriteLine();
        writer.WriteLine($"### Data flow of {system.Name}");
        writer.WriteLine();
        writer.WriteLine("```mermaid");
        writer.Write(MermaidDiagram.For(system.Model));
        writer.WriteLine("```");
    }

    private static void WriteActivity(InventoryDocument document, ProcessingActivity activity, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine($"### {Markdown.Escape(InventoryText.Title(activity))}");
        writer.WriteLine();
        writer.WriteLine("| | |");
        writer.WriteLine("|---|---|");
        foreach (var (field, values) in InventoryText.Rows(document, activity))
        {
            writer.WriteLine($"| {field} | {List(values.Select(Markdown.Escape))} |");
        }

        if (!activity.Sinks.IsEmpty)
        {
            writer.WriteLine();
            WriteSinks(document, activity.Sinks, writer);
        }
    }

    private static void WriteUndeclared(InventoryDocument document, InventoryModel model, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("### Processing without a lawful basis");
        writer.WriteLine();
        if (model.Undeclared.IsEmpty)
        {
            writer.WriteLine("None: every flow of personal data the analyzers found has a lawful basis in scope.");
            return;
        }

        WriteSinks(document, model.Undeclared.SelectMany(u => u.Sinks), writer);
    }

    private static void WriteSinks(InventoryDocument document, IEnumerable<SinkFlow> sinks, TextWriter writer)
    {
        writer.WriteLine("| Member | Sink | Kind | Personal data | Where |");
        writer.WriteLine("|---|---|---|---|---|");
        foreach (var sink in sinks)
        {
            var data = string.Join(", ", sink.Data.Select(d => Markdown.Escape(InventoryText.Data(d))));
            writer.WriteLine($"| `{sink.Member}` | `{sink.Sink}`{(sink.Party is { } party ? " to " + Markdown.Escape(party) : string.Empty)} | {InventoryText.SinkKind(sink.Kind)} | {data} | `{document.Where(sink.Location)}` |");
        }
    }

    private static string List(IEnumerable<string> items)
    {
        var text = string.Join("<br>", items);
        return text.Length == 0 ? "none" : text;
    }
}
