using System.Collections.Generic;
using System.Linq;
using System.Text;
using SafePrivacy.Analyzers.Inventory;

namespace SafePrivacy.Cli.Inventory;

/// <summary>How the record words the engine's declarations, shared by the Markdown and HTML records.</summary>
internal static class InventoryText
{
    private static readonly Dictionary<string, string> BasisArticles = new(System.StringComparer.Ordinal)
    {
        ["Consent"] = "Art 6(1)(a)",
        ["Contract"] = "Art 6(1)(b)",
        ["LegalObligation"] = "Art 6(1)(c)",
        ["VitalInterests"] = "Art 6(1)(d)",
        ["PublicTask"] = "Art 6(1)(e)",
        ["RecognisedLegitimateInterest"] = "Art 6(1)(ea)",
        ["LegitimateInterests"] = "Art 6(1)(f)",
    };

    private static readonly string[] Article9Order =
    {
        "ExplicitConsent", "EmploymentSocialSecurityAndSocialProtection", "VitalInterests", "NotForProfitBodies",
        "MadePublicByTheDataSubject", "LegalClaimsOrJudicialActs", "SubstantialPublicInterest", "HealthOrSocialCare",
        "PublicHealth", "ArchivingResearchAndStatistics",
    };

    /// <summary>The rows of an activity's entry, unescaped, the same in the Markdown and HTML records.</summary>
    public static IEnumerable<(string Field, IReadOnlyList<string> Values)> Rows(InventoryDocument document, ProcessingActivity activity)
    {
        yield return ("Purpose", new[] { activity.Basis.Purpose ?? "(none stated)" });
        yield return ("Lawful basis", new[] { Basis(activity.Basis) });
        yield return ("Reference", activity.Basis.Reference is { } reference ? new[] { reference } : System.Array.Empty<string>());
        yield return ("Declared on", new[] { $"{activity.Basis.DeclaredOn} ({document.Where(activity.DeclaredAt)})" });
        yield return ("Moderation pipeline", new[] { activity.IsModerationPipeline ? "yes" : "no" });
        yield return ("Members", activity.Members);
        yield return ("Personal data", activity.Data.Select(Data).ToList());
        yield return ("Special category data", SpecialCategory(activity.Data).Select(Data).ToList());
        yield return ("Art 9 conditions", activity.SpecialCategoryConditions.Select(SpecialCategoryCondition).ToList());
        yield return ("Criminal offence data", CriminalOffence(activity.Data).Select(Data).ToList());
        yield return ("Art 10 conditions", activity.CriminalOffenceConditions.Select(CriminalOffenceCondition).ToList());
        yield return ("Retention", activity.Retention.Select(Retention).ToList());
        yield return ("Recipients", activity.Recipients.Select(Recipient).ToList());
        yield return ("Sinks", activity.Sinks.Select(s => s.Kind).Distinct().Select(SinkKind).ToList());
    }

    /// <summary>An activity's heading: its name, and for an assembly-level basis that it is the default for the rest.</summary>
    public static string Title(ProcessingActivity activity) =>
        activity.Scope == ActivityScope.Assembly ? $"{activity.Name} (assembly-wide default)" : activity.Name;

    /// <summary>'Legal obligation (Art 6(1)(c))'.</summary>
    public static string Basis(LawfulBasisDeclaration basis) =>
        BasisArticles.TryGetValue(basis.Basis, out var article) ? $"{Sentence(basis.Basis)} ({article})" : Sentence(basis.Basis);

    /// <summary>'Post.Body (user-generated content)'.</summary>
    public static string Data(DataItem item) => $"{item.Name} ({item.Description})";

    /// <summary>'Art 9(2)(g) substantial public interest; Schedule 1: safeguarding of …; policy: APD-07 (on AutoModerator)'.</summary>
    public static string SpecialCategoryCondition(ConditionDeclaration condition)
    {
        var index = System.Array.IndexOf(Article9Order, condition.Condition);
        var text = new StringBuilder(index < 0 ? Sentence(condition.Condition) : $"Art 9(2)({(char)('a' + index)}) {Words(condition.Condition)}");
        if (condition.Schedule1 is { } schedule1)
        {
            text.Append("; DPA 2018 Schedule 1: ").Append(Words(schedule1));
        }

        return AppendPolicy(text, condition);
    }

    /// <summary>'DPA 2018 Schedule 1: preventing or detecting unlawful acts; policy: APD-02 (on CsamReporter)'.</summary>
    public static string CriminalOffenceCondition(ConditionDeclaration condition) =>
        AppendPolicy(new StringBuilder("DPA 2018 Schedule 1: ").Append(Words(condition.Condition)), condition);

    private static string AppendPolicy(StringBuilder text, ConditionDeclaration condition)
    {
        if (condition.PolicyDocument is { } policy)
        {
            text.Append("; policy document: ").Append(policy);
        }

        return text.Append(" (on ").Append(condition.DeclaredOn).Append(')').ToString();
    }

    /// <summary>'P6M from case closure, then delete; Retention schedule §4 (on UserReport)'.</summary>
    public static string Retention(RetentionDeclaration retention)
    {
        var text = new StringBuilder(retention.Period);
        if (!retention.IsIndefinite)
        {
            text.Append(" from ").Append(Words(retention.Trigger));
        }

        text.Append(", then ").Append(Words(retention.Disposal));
        if (retention.Justification is { } justification)
        {
            text.Append("; ").Append(justification);
        }

        if (retention.Reference is { } reference)
        {
            text.Append("; ").Append(reference);
        }

        if (!retention.IsValid)
        {
            text.Append(" [not a valid retention period: SP1004]");
        }

        return text.Append(" (on ").Append(retention.DeclaredOn).Append(')').ToString();
    }

    /// <summary>'Acme Moderation Ltd (processor; DPA-2024-11)'.</summary>
    public static string Recipient(RecipientDeclaration recipient) =>
        recipient.Reference is { } reference ? $"{recipient.Name} ({Words(recipient.Kind)}; {reference})" : $"{recipient.Name} ({Words(recipient.Kind)})";

    public static string SinkKind(InventorySinkKind kind) => kind switch
    {
        InventorySinkKind.Log => "log",
        InventorySinkKind.Exception => "exception",
        InventorySinkKind.Telemetry => "telemetry",
        InventorySinkKind.Storage => "storage",
        InventorySinkKind.Transfer => "transfer",
        InventorySinkKind.Url => "URL",
        InventorySinkKind.Classifier => "classifier",
        _ => "email recipients",
    };

    /// <summary>The special category data an activity touches, or 'none'.</summary>
    public static IEnumerable<DataItem> SpecialCategory(IEnumerable<DataItem> data) => data.Where(d => d.IsSpecialCategory);

    public static IEnumerable<DataItem> CriminalOffence(IEnumerable<DataItem> data) => data.Where(d => d.IsCriminalOffence);

    /// <summary>'SubstantialPublicInterest' → 'substantial public interest'.</summary>
    public static string Words(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>'LegalObligation' → 'Legal obligation'.</summary>
    public static string Sentence(string pascal)
    {
        var words = Words(pascal);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
