using System.Collections.Generic;
using System.IO;
using System.Linq;
using SafePrivacy.Analyzers.Inventory;
using YamlDotNet.Serialization;

namespace SafePrivacy.Cli.Inventory;

/// <summary>
/// The record as a fideslang system manifest (<c>system:</c> with privacy declarations), the format Fides and
/// fideslang tooling load: one system per project, one privacy declaration per activity, and one per member that
/// processes personal data without a declaration, so the gap is visible in the privacy team's own tools.
/// </summary>
internal static class FidesManifest
{
    public static void Write(InventoryDocument document, TextWriter writer, string dataSubject)
    {
        var systems = document.Systems.Where(s => s.Model.UsesSafePrivacy).Select(s => System(s, dataSubject)).ToList();
        var manifest = new Dictionary<string, object> { ["system"] = systems };
        var serializer = new SerializerBuilder()
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
            .Build();
        writer.WriteLine($"# fideslang system manifest written by safeprivacy {ToolInfo.Version} from {document.Target}.");
        writer.WriteLine("# Categories, uses and legal bases follow from the code's SafePrivacy declarations; review them before use.");
        serializer.Serialize(writer, manifest);
    }

    private static Dictionary<string, object?> System(InventorySystem system, string dataSubject)
    {
        var declarations = system.Model.Activities.Select(a => Declaration(a, dataSubject))
            .Concat(system.Model.Undeclared.Select(u => Undeclared(u, dataSubject)))
            .ToList();
        return new Dictionary<string, object?>
        {
            ["fides_key"] = Key(system.Name),
            ["name"] = system.Name,
            ["description"] = $"Processing found in {system.ProjectPath} by safeprivacy {ToolInfo.Version}.",
            ["system_type"] = "Service",
            ["privacy_declarations"] = declarations,
        };
    }

    private static Dictionary<string, object?> Declaration(ProcessingActivity activity, string dataSubject)
    {
        var special = activity.Data.Where(d => d.IsSpecialCategory).ToList();
        var shared = activity.Sinks.Where(s => s.LeavesTheService).SelectMany(s => s.Data).ToList();
        var declaration = new Dictionary<string, object?>
        {
            ["name"] = activity.Basis.Purpose ?? InventoryText.Title(activity),
            ["data_categories"] = Categories(activity.Data),
            ["data_use"] = FidesTaxonomy.DataUse(activity),
            ["data_subjects"] = new List<string> { dataSubject },
            ["legal_basis_for_processing"] = FidesTaxonomy.LegalBasis(activity.Basis.Basis),
            ["impact_assessment_location"] = activity.Basis.Basis.Contains("LegitimateInterest", global::System.StringComparison.Ordinal) ? activity.Basis.Reference : null,
            ["retention_period"] = activity.Retention.IsEmpty ? null : string.Join("; ", activity.Retention.Select(InventoryText.Retention)),
            ["processes_special_category_data"] = special.Count > 0,
            ["special_category_legal_basis"] = activity.SpecialCategoryConditions.Select(c => FidesTaxonomy.SpecialCategoryBasis(c.Condition)).FirstOrDefault(b => b is not null),
            ["data_shared_with_third_parties"] = !activity.Recipients.IsEmpty || shared.Count > 0,
            ["third_parties"] = activity.Recipients.IsEmpty ? null : string.Join("; ", activity.Recipients.Select(InventoryText.Recipient)),
            ["shared_categories"] = Categories(shared),
        };
        return WithoutNulls(declaration);
    }

    private static Dictionary<string, object?> Undeclared(UndeclaredProcessing processing, string dataSubject) => new()
    {
        // No legal basis is stated, because none is declared: that gap is what the privacy team needs to see.
        ["name"] = $"Undeclared processing in {processing.Member}",
        ["data_categories"] = Categories(processing.Data),
        ["data_use"] = FidesTaxonomy.UndeclaredDataUse,
        ["data_subjects"] = new List<string> { dataSubject },
        ["processes_special_category_data"] = processing.Data.Any(d => d.IsSpecialCategory),
    };

    // fideslang reads an absent optional field as unset; YamlDotNet would write a null dictionary value as an empty one.
    private static Dictionary<string, object?> WithoutNulls(Dictionary<string, object?> fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value);

    private static List<string> Categories(IEnumerable<DataItem> data) =>
        data.Select(FidesTaxonomy.Category).Distinct().OrderBy(c => c, global::System.StringComparer.Ordinal).ToList();

    /// <summary>A fides_key: letters, digits and underscores ('Forum.Compliant' → 'forum_compliant').</summary>
    public static string Key(string name) =>
        new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());
}
