using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers;

/// <summary>Every diagnostic SafePrivacy reports, in one place.</summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/safeprivacy/safeprivacy/blob/main/docs/rules/";

    internal static class Categories
    {
        public const string Declarations = "SafePrivacy.Declarations";
        public const string Logging = "SafePrivacy.Logging";
        public const string Retention = "SafePrivacy.Retention";
        public const string Sharing = "SafePrivacy.Sharing";
        public const string Moderation = "SafePrivacy.Moderation";
        public const string Discovery = "SafePrivacy.Discovery";
    }

    private const string LawfulBasisDescription =
        "UK GDPR Art 6 requires a lawful basis for every processing of personal data, and Art 5(1)(b) a specified purpose. " +
        "A legal obligation must be one the service is actually subject to, so name the statute; legitimate interests need a " +
        "balancing test, so name the assessment; a recognised legitimate interest names its Annex 1 condition. The ICO's " +
        "content moderation guidance says consent is rarely appropriate for moderation, because people cannot refuse it " +
        "and still use the service.";

    public static readonly DiagnosticDescriptor LawfulBasisWithoutPurpose = Create(
        RuleIds.IncompleteLawfulBasis,
        "Complete the lawful basis declaration",
        "The lawful basis on '{0}' {1}; set Purpose to why the data is processed",
        Categories.Declarations,
        DiagnosticSeverity.Warning,
        LawfulBasisDescription);

    public static readonly DiagnosticDescriptor LawfulBasisWithoutReference = Create(
        RuleIds.IncompleteLawfulBasis,
        "Complete the lawful basis declaration",
        "The {1} basis on '{0}' names no reference; set Reference to {2}",
        Categories.Declarations,
        DiagnosticSeverity.Warning,
        LawfulBasisDescription);

    public static readonly DiagnosticDescriptor ConsentInModerationPipeline = Create(
        RuleIds.IncompleteLawfulBasis,
        "Complete the lawful basis declaration",
        "Moderation pipeline '{0}' relies on consent{1}; consent is rarely appropriate for moderation, declare LegalObligation or LegitimateInterests instead",
        Categories.Declarations,
        DiagnosticSeverity.Warning,
        LawfulBasisDescription);

    private const string RetentionDescription =
        "UK GDPR Art 5(1)(e) requires that personal data is kept no longer than necessary. A retention period that is not a " +
        "valid ISO 8601 duration cannot be enforced or audited, and indefinite retention must be justified.";

    public static readonly DiagnosticDescriptor InvalidRetentionPeriod = Create(
        RuleIds.InvalidRetention,
        "Declare retention as an ISO 8601 duration",
        "Retention period '{0}' on '{1}' is not an ISO 8601 duration ({2}); write it like \"P90D\", \"P1Y6M\" or \"PT12H\"",
        Categories.Declarations,
        DiagnosticSeverity.Error,
        RetentionDescription);

    public static readonly DiagnosticDescriptor IndefiniteRetentionWithoutJustification = Create(
        RuleIds.InvalidRetention,
        "Declare retention as an ISO 8601 duration",
        "Indefinite retention on '{0}' has no justification; set Justification to why the data must be kept without limit, or give a period such as \"P1Y\"",
        Categories.Declarations,
        DiagnosticSeverity.Error,
        RetentionDescription);

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags) =>
        new(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags);
}
