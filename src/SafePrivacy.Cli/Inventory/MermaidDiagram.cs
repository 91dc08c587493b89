using System.Collections.Generic;
using System.Linq;
using System.Text;
using SafePrivacy.Analyzers.Inventory;

namespace SafePrivacy.Cli.Inventory;

/// <summary>
/// The data-flow diagram of one system as a Mermaid flowchart: personal data → the activities that process it →
/// the kinds of sink it reaches. Processing without a declaration is drawn in red.
/// </summary>
internal static class MermaidDiagram
{
    public static string For(InventoryModel model)
    {
        var text = new StringBuilder();
        text.AppendLine("flowchart LR");
        var data = model.Activities.SelectMany(a => a.Data).Concat(model.Undeclared.SelectMany(u => u.Data))
            .Distinct().OrderBy(d => d.Name, System.StringComparer.Ordinal).ThenBy(d => d.Kinds).ToList();
        var dataIds = data.Select((d, i) => (d, Id: "d" + i)).ToDictionary(p => p.d, p => p.Id);
        var sinkKinds = model.Activities.SelectMany(a => a.Sinks).Concat(model.Undeclared.SelectMany(u => u.Sinks))
            .Select(s => s.Kind).Distinct().OrderBy(k => k).ToList();

        Subgraph(text, "data", "Personal data", data.Select(d => Node(dataIds[d], InventoryText.Data(d), "[", "]", ClassOf(d))));
        Subgraph(text, "activities", "Processing activities", model.Activities.Select((a, i) =>
            Node("a" + i, $"{InventoryText.Title(a)}: {InventoryText.Sentence(a.Basis.Basis)}", "[", "]", a.IsModerationPipeline ? "pipeline" : null)));
        if (!model.Undeclared.IsEmpty)
        {
            Subgraph(text, "undeclared", "Without a lawful basis", model.Undeclared.Select((u, i) => Node("u" + i, u.Member, "[", "]", "undeclared")));
        }

        Subgraph(text, "sinks", "Where it goes", sinkKinds.Select(k => Node("s" + k, InventoryText.SinkKind(k), "([", "])", null)));
        for (var i = 0; i < model.Activities.Length; i++)
        {
            Edges(text, "a" + i, model.Activities[i].Data, model.Activities[i].Sinks, dataIds);
        }

        for (var i = 0; i < model.Undeclared.Length; i++)
        {
            Edges(text, "u" + i, model.Undeclared[i].Data, model.Undeclared[i].Sinks, dataIds);
        }

        text.AppendLine("  classDef special fill:#fde2e2,stroke:#b42318");
        text.AppendLine("  classDef criminal fill:#fde2e2,stroke:#7a271a");
        text.AppendLine("  classDef pipeline fill:#e0ecff,stroke:#1d4ed8");
        text.AppendLine("  classDef undeclared fill:#fff1f0,stroke:#d92d20,stroke-width:2px");
        return text.ToString();
    }

    private static void Subgraph(StringBuilder text, string id, string title, IEnumerable<string> nodes)
    {
        var lines = nodes.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        text.Append("  subgraph ").Append(id).Append(" [\"").Append(Label(title)).AppendLine("\"]");
        foreach (var line in lines)
        {
            text.Append("    ").AppendLine(line);
        }

        text.AppendLine("  end");
    }

    private static void Edges(StringBuilder text, string node, IEnumerable<DataItem> data, IEnumerable<SinkFlow> sinks, Dictionary<DataItem, string> dataIds)
    {
        foreach (var item in data)
        {
            text.Append("  ").Append(dataIds[item]).Append(" --> ").AppendLine(node);
        }

        foreach (var kind in sinks.GroupBy(s => s.Kind).OrderBy(g => g.Key))
        {
            var names = string.Join(", ", kind.Select(s => s.Sink).Distinct().OrderBy(n => n, System.StringComparer.Ordinal));
            text.Append("  ").Append(node).Append(" -->|\"").Append(Label(names)).Append("\"| s").AppendLine(kind.Key.ToString());
        }
    }

    private static string Node(string id, string label, string open, string close, string? cssClass) =>
        $"{id}{open}\"{Label(label)}\"{close}" + (cssClass is null ? string.Empty : ":::" + cssClass);

    private static string? ClassOf(DataItem item) => item.IsSpecialCategory ? "special" : item.IsCriminalOffence ? "criminal" : null;

    // Mermaid's entity codes keep quotes and angle brackets in a label from ending it or becoming markup.
    private static string Label(string text) => text
        .Replace("\"", "#quot;", System.StringComparison.Ordinal)
        .Replace("<", "#lt;", System.StringComparison.Ordinal)
        .Replace(">", "#gt;", System.StringComparison.Ordinal)
        .Replace("\n", " ", System.StringComparison.Ordinal);
}
