using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using SafePrivacy.Analyzers.Inventory;
using SafePrivacy.Cli.Reports;

namespace SafePrivacy.Cli.Inventory;

/// <summary>The engine's inventory model as JSON, field for field, with paths relative to the scanned root.</summary>
internal static class InventoryJson
{
    public static void Write(InventoryDocument document, Stream stream)
    {
        using var json = JsonOutput.Writer(stream);
        json.WriteStartObject();
        json.WriteString("tool", "safeprivacy");
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("root", document.Root);
        json.WriteString("target", document.Target);
        json.WriteStartArray("systems");
        foreach (var system in document.Systems)
        {
            WriteSystem(document, system, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSystem(InventoryDocument document, InventorySystem system, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("name", system.Name);
        json.WriteString("project", system.ProjectPath);
        json.WriteBoolean("usesSafePrivacy", system.Model.UsesSafePrivacy);
        json.WriteStartArray("activities");
        foreach (var activity in system.Model.Activities)
        {
            WriteActivity(document, activity, json);
        }

        json.WriteEndArray();
        json.WriteStartArray("undeclared");
        foreach (var undeclared in system.Model.Undeclared)
        {
            json.WriteStartObject();
            json.WriteString("member", undeclared.Member);
            json.WriteString("documentationId", undeclared.DocumentationId);
            WriteData(undeclared.Data, json);
            WriteSinks(document, undeclared.Sinks, json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("mermaid", MermaidDiagram.For(system.Model));
        json.WriteEndObject();
    }

    private static void WriteActivity(InventoryDocument document, ProcessingActivity activity, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("name", activity.Name);
        json.WriteString("documentationId", activity.DocumentationId);
        json.WriteString("scope", activity.Scope.ToString());
        json.WriteString("declaredAt", document.Where(activity.DeclaredAt));
        json.WriteString("basis", activity.Basis.Basis);
        json.WriteString("purpose", activity.Basis.Purpose);
        json.WriteString("reference", activity.Basis.Reference);
        json.WriteBoolean("moderationPipeline", activity.IsModerationPipeline);
        json.WriteStartArray("members");
        foreach (var member in activity.Members)
        {
            json.WriteStringValue(member);
        }

        json.WriteEndArray();
        WriteData(activity.Data, json);
        WriteConditions("specialCategoryConditions", activity.SpecialCategoryConditions, json);
        WriteConditions("criminalOffenceConditions", activity.CriminalOffenceConditions, json);
        json.WriteStartArray("retention");
        foreach (var retention in activity.Retention)
        {
            WriteRetention(retention, json);
        }

        json.WriteEndArray();
        json.WriteStartArray("recipients");
        foreach (var recipient in activity.Recipients)
        {
            json.WriteStartObject();
            json.WriteString("name", recipient.Name);
            json.WriteString("kind", recipient.Kind);
            json.WriteString("reference", recipient.Reference);
            json.WriteString("declaredOn", recipient.DeclaredOn);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteSinks(document, activity.Sinks, json);
        json.WriteEndObject();
    }

    private static void WriteData(IEnumerable<DataItem> data, Utf8JsonWriter json)
    {
        json.WriteStartArray("data");
        foreach (var item in data)
        {
            json.WriteStartObject();
            json.WriteString("name", item.Name);
            json.WriteString("documentationId", item.DocumentationId);
            json.WriteString("description", item.Description);
            json.WriteString("category", item.Category);
            json.WriteString("specialCategory", item.SpecialCategory);
            json.WriteBoolean("inferred", item.Inferred);
            json.WriteBoolean("isSpecialCategory", item.IsSpecialCategory);
            json.WriteBoolean("isCriminalOffence", item.IsCriminalOffence);
            json.WriteBoolean("isUserGeneratedContent", (item.Kinds & PersonalDataKinds.UserGeneratedContent) != 0);
            json.WriteBoolean("isPseudonymous", (item.Kinds & PersonalDataKinds.Pseudonymous) != 0);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteConditions(string name, IEnumerable<ConditionDeclaration> conditions, Utf8JsonWriter json)
    {
        json.WriteStartArray(name);
        foreach (var condition in conditions)
        {
            json.WriteStartObject();
            json.WriteString("condition", condition.Condition);
            json.WriteString("schedule1", condition.Schedule1);
            json.WriteString("policyDocument", condition.PolicyDocument);
            json.WriteString("declaredOn", condition.DeclaredOn);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRetention(RetentionDeclaration retention, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("period", retention.Period);
        json.WriteBoolean("indefinite", retention.IsIndefinite);
        json.WriteBoolean("valid", retention.IsValid);
        json.WriteString("from", retention.Trigger);
        json.WriteString("then", retention.Disposal);
        json.WriteString("reference", retention.Reference);
        json.WriteString("justification", retention.Justification);
        json.WriteString("declaredOn", retention.DeclaredOn);
        json.WriteEndObject();
    }

    private static void WriteSinks(InventoryDocument document, IEnumerable<SinkFlow> sinks, Utf8JsonWriter json)
    {
        json.WriteStartArray("sinks");
        foreach (var sink in sinks)
        {
            json.WriteStartObject();
            json.WriteString("kind", sink.Kind.ToString());
            json.WriteString("sink", sink.Sink);
            if (sink.Party is { } party)
            {
                json.WriteString("party", party);
            }

            json.WriteString("member", sink.Member);
            json.WriteString("location", document.Where(sink.Location));
            json.WriteStartArray("data");
            foreach (var item in sink.Data)
            {
                json.WriteStringValue(item.Name);
            }

            json.WriteEndArray();
            json.WriteStartArray("via");
            foreach (var via in sink.Via)
            {
                json.WriteStringValue(via);
            }

            json.WriteEndArray();
            if (sink.Retention is { } retention)
            {
                json.WritePropertyName("retention");
                WriteRetention(retention, json);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
