using System.Collections.Generic;
using SafePrivacy.Analyzers.Inventory;

namespace SafePrivacy.Cli.Inventory;

/// <summary>
/// SafePrivacy's vocabulary in fideslang's default taxonomy (data categories, data uses, legal bases), so a privacy
/// team can load the manifest into Fides. Where fideslang has no exact key the nearest parent is used.
/// </summary>
internal static class FidesTaxonomy
{
    private static readonly Dictionary<string, string> Categories = new(System.StringComparer.Ordinal)
    {
        ["Name"] = "user.name",
        ["Contact"] = "user.contact",
        ["OnlineIdentifier"] = "user.id",
        ["NetworkAddress"] = "user.device.ip_address",
        ["DeviceIdentifier"] = "user.device.device_id",
        ["Location"] = "user.location",
        ["DateOfBirth"] = "user.demographic.date_of_birth",
        ["Demographic"] = "user.demographic",
        ["Financial"] = "user.financial",
        ["GovernmentIdentifier"] = "user.government_id",
        ["Credential"] = "user.authorization.credentials",
        ["Behavioural"] = "user.behavior",
        ["Image"] = "user.content.self_image",
        ["Communication"] = "user.content.private",

        // A moderation decision about a person is data observed from their use of the service.
        ["ModerationRecord"] = "user.observed",
    };

    private static readonly Dictionary<string, string> SpecialCategories = new(System.StringComparer.Ordinal)
    {
        ["RacialOrEthnicOrigin"] = "user.demographic.race_ethnicity",
        ["PoliticalOpinions"] = "user.demographic.political_opinion",
        ["ReligiousOrPhilosophicalBeliefs"] = "user.demographic.religious_belief",
        ["Genetic"] = "user.health_and_medical.genetic",
        ["Biometric"] = "user.biometric",
        ["Health"] = "user.health_and_medical",
        ["SexLifeOrSexualOrientation"] = "user.demographic.sexual_orientation",
    };

    private static readonly Dictionary<string, string> LegalBases = new(System.StringComparer.Ordinal)
    {
        ["Consent"] = "Consent",
        ["Contract"] = "Contract",
        ["LegalObligation"] = "Legal obligations",
        ["VitalInterests"] = "Vital interests",
        ["PublicTask"] = "Public interest",
        ["LegitimateInterests"] = "Legitimate interests",

        // UK GDPR Art 6(1)(ea) has no fideslang value of its own; it is a legitimate interest the law recognises.
        ["RecognisedLegitimateInterest"] = "Legitimate interests",
    };

    private static readonly Dictionary<string, string> SpecialCategoryBases = new(System.StringComparer.Ordinal)
    {
        ["ExplicitConsent"] = "Explicit consent",
        ["EmploymentSocialSecurityAndSocialProtection"] = "Employment, social security and social protection",
        ["VitalInterests"] = "Vital interests",
        ["NotForProfitBodies"] = "Not-for-profit bodies",
        ["MadePublicByTheDataSubject"] = "Made public by the data subject",
        ["LegalClaimsOrJudicialActs"] = "Legal claims or judicial acts",
        ["SubstantialPublicInterest"] = "Reasons of substantial public interest (with a basis in law)",
        ["HealthOrSocialCare"] = "Health or social care (with a basis in law)",
        ["PublicHealth"] = "Public health (with a basis in law)",
        ["ArchivingResearchAndStatistics"] = "Archiving, research and statistics (with a basis in law)",
    };

    /// <summary>The fideslang data category of a piece of data: its special or criminal kind first, then its category.</summary>
    public static string Category(DataItem item)
    {
        if ((item.Kinds & PersonalDataKinds.Pseudonymous) != 0)
        {
            return "user.id.pseudonymous";
        }

        if (item.IsSpecialCategory)
        {
            return item.SpecialCategory is { } special && SpecialCategories.TryGetValue(special, out var key) ? key : "user";
        }

        if (item.IsCriminalOffence)
        {
            return "user.criminal_history";
        }

        if ((item.Kinds & PersonalDataKinds.UserGeneratedContent) != 0)
        {
            return "user.content";
        }

        return item.Category is { } category && Categories.TryGetValue(category, out var mapped) ? mapped : "user";
    }

    /// <summary>fideslang's <c>legal_basis_for_processing</c> for a SafePrivacy basis.</summary>
    public static string? LegalBasis(string basis) => LegalBases.GetValueOrDefault(basis);

    /// <summary>fideslang's <c>special_category_legal_basis</c> for an Art 9 condition.</summary>
    public static string? SpecialCategoryBasis(string condition) => SpecialCategoryBases.GetValueOrDefault(condition);

    /// <summary>
    /// The data use a declared purpose serves. The annotations state the basis, not fideslang's use, so the use follows
    /// from the basis: content moderation secures the service, a legal obligation is one, the rest provides the service.
    /// </summary>
    public static string DataUse(ProcessingActivity activity) =>
        activity.Basis.Basis == "LegalObligation" ? "essential.legal_obligation"
        : activity.IsModerationPipeline ? "essential.service.security"
        : "essential.service";

    /// <summary>Processing with no declared purpose is, in fideslang's words, collected for a purpose not yet defined.</summary>
    public const string UndeclaredDataUse = "collect";
}
