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

    private const string SpecialCategoryDescription =
        "Special category data (UK GDPR Art 9) — including what a classifier infers, such as a self-harm score, which is " +
        "health data — may only be processed under an Art 9(2) condition; conditions (b), (g), (h), (i) and (j) also need a " +
        "condition in Schedule 1 of the Data Protection Act 2018, often with an appropriate policy document. The ICO's " +
        "content moderation guidance expects moderation that processes or infers such data to identify both.";

    public static readonly DiagnosticDescriptor SpecialCategoryWithoutCondition = Create(
        RuleIds.SpecialCategoryWithoutCondition,
        "Declare the condition for processing special category data",
        "{0} is processed by {1}{2} with no [SpecialCategoryCondition] in scope; declare the Article 9 condition, and its Schedule 1 paragraph, on '{3}' or its type",
        Categories.Declarations,
        DiagnosticSeverity.Warning,
        SpecialCategoryDescription);

    public static readonly DiagnosticDescriptor SpecialCategoryConditionWithoutSchedule1 = Create(
        RuleIds.SpecialCategoryWithoutCondition,
        "Declare the condition for processing special category data",
        "The Article 9(2)({0}) condition on '{1}' needs a Data Protection Act 2018 Schedule 1 condition; set Schedule1",
        Categories.Declarations,
        DiagnosticSeverity.Warning,
        SpecialCategoryDescription);

    private const string CriminalOffenceDescription =
        "Criminal offence data (UK GDPR Art 10) — convictions, offences, and allegations, which include judging whether " +
        "content is illegal — may only be processed under official authority or a condition in Schedule 1 of the Data " +
        "Protection Act 2018 (s.10(5)), such as para 10 (preventing or detecting unlawful acts) with para 36, or para 18 " +
        "(safeguarding).";

    public static readonly DiagnosticDescriptor CriminalOffenceWithoutCondition = Create(
        RuleIds.CriminalOffenceWithoutCondition,
        "Declare the condition for processing criminal offence data",
        "{0} is processed by {1}{2} with no [CriminalOffenceCondition] in scope; declare the Schedule 1 condition on '{3}' or its type",
        Categories.Declarations,
        DiagnosticSeverity.Warning,
        CriminalOffenceDescription);

    public static readonly DiagnosticDescriptor CriminalOffenceConditionWithoutParagraph = Create(
        RuleIds.CriminalOffenceWithoutCondition,
        "Declare the condition for processing criminal offence data",
        "The [CriminalOffenceCondition] on '{0}' names no Schedule 1 condition; set it to the paragraph that applies",
        Categories.Declarations,
        DiagnosticSeverity.Warning,
        CriminalOffenceDescription);

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

    public static readonly DiagnosticDescriptor PersonalDataLogged = Create(
        RuleIds.PersonalDataLogged,
        "Do not log personal data without a lawful basis",
        "{0} is written to a log by {1}{2} with no [LawfulBasis] in scope; declare the basis on '{3}' or its type, or log an identifier instead",
        Categories.Logging,
        DiagnosticSeverity.Warning,
        "Logging personal data is processing it (UK GDPR Art 4(2)) and needs a lawful basis (Art 6). Logs are also copied, " +
        "shipped to vendors and kept for years, so Art 5(1)(c) data minimisation and Art 5(1)(f) security favour logging an " +
        "identifier instead of the data itself.");

    public static readonly DiagnosticDescriptor ContentLoggedInModeration = Create(
        RuleIds.ContentLoggedInModeration,
        "Do not log content or special category data in a moderation pipeline",
        "{0} is written to a log by {1}{2} in moderation pipeline '{3}'; log the identifier of the content instead",
        Categories.Logging,
        DiagnosticSeverity.Warning,
        "The ICO's content moderation guidance asks services to use only the personal data moderation needs (UK GDPR " +
        "Art 5(1)(c)). User-generated content may disclose special category data, and moderation infers more of it; a " +
        "log of moderated content is a second, unmanaged copy of exactly that data. Whatever the lawful basis, log an " +
        "identifier of the content or decision instead.");

    public static readonly DiagnosticDescriptor PersonalDataInException = Create(
        RuleIds.PersonalDataInException,
        "Do not put personal data in exception messages",
        "{0} is put into {1}{2}; exception messages and data leave every declared scope, use an identifier or Redact.Value instead",
        Categories.Logging,
        DiagnosticSeverity.Warning,
        "Exception messages and Exception.Data travel wherever the exception goes: logs, error pages, crash reporters and " +
        "monitoring vendors, outside the scope of any lawful basis declared where the exception was thrown. UK GDPR " +
        "Art 5(1)(f) requires protection against such accidental disclosure.");

    public static readonly DiagnosticDescriptor PersonalDataInTelemetry = Create(
        RuleIds.PersonalDataInTelemetry,
        "Do not put personal data in telemetry",
        "{0} is sent to telemetry by {1}{2}; traces and metrics go to monitoring vendors and are kept, tag an identifier instead",
        Categories.Logging,
        DiagnosticSeverity.Warning,
        "Activity tags, events and baggage, and metric tags, are exported to monitoring systems and often to vendors, " +
        "indexed and retained. Personal data there is disclosed to recipients nobody declared (UK GDPR Arts 5(1)(f), 30) " +
        "and metric tags with personal values also identify people in aggregate data.");

    public static readonly DiagnosticDescriptor PrintingToString = Create(
        RuleIds.PrintingToString,
        "Do not print personal data in ToString",
        "'{0}' holds personal data ({1}) and its {2} ToString prints it; logging or interpolating a '{0}' leaks those members, override ToString to print an identifier",
        Categories.Logging,
        DiagnosticSeverity.Warning,
        "A record's compiler-generated ToString prints every public member, and a hand-written ToString may print personal " +
        "members too. Any log call, string interpolation or exception message that includes the object then discloses " +
        "all of them, far from where the data was declared (UK GDPR Art 5(1)(f)).");

    public static readonly DiagnosticDescriptor PrivacySwitchEnabled = Create(
        RuleIds.PrivacySwitchEnabled,
        "Do not switch on framework logging of personal data outside development",
        "'{0}' is switched on outside a development-only check and makes {1}; {2}",
        Categories.Logging,
        DiagnosticSeverity.Warning,
        "Some framework switches make a framework log, or send to a vendor, the personal data of every request, command " +
        "or token at once: EF Core's sensitive data logging, IdentityModel's ShowPII and complete security artefacts, " +
        "Sentry's default PII and request bodies, HTTP logging of bodies. Left on in production they copy personal data, " +
        "credentials and session tokens into logs and error reports that are kept, shipped and read far beyond any " +
        "declared purpose — against UK GDPR Art 5(1)(c) data minimisation and Art 5(1)(f) integrity and confidentiality, " +
        "and the security of processing Art 32 requires. Switch them on only where the environment is Development.");

    public static readonly DiagnosticDescriptor PersonalDataStored = Create(
        RuleIds.PersonalDataStored,
        "Do not store personal data without a lawful basis",
        "{0} is stored by {1}{2} with no [LawfulBasis] in scope; declare the basis on '{3}' or its type",
        Categories.Retention,
        DiagnosticSeverity.Warning,
        "Storing personal data — in a database, a file, a cache, the session or a cookie — is processing it (UK GDPR Art 4(2)) " +
        "and needs a lawful basis (Art 6) and a purpose (Art 5(1)(b)) in scope where it happens.");

    private const string RetentionRuleDescription =
        "UK GDPR Art 5(1)(e), storage limitation, requires that personal data is kept no longer than necessary, and Art 30 " +
        "asks for the time limits for erasure. Every place that stores personal data needs a declared retention period a " +
        "deletion job can enforce: on the stored type, the storing member or its types, or the assembly.";

    public static readonly DiagnosticDescriptor StoredWithoutRetention = Create(
        RuleIds.StoredWithoutRetention,
        "Declare how long stored personal data is kept",
        "{0} is stored by {1}{2} with no [Retention] in scope; declare how long it is kept, such as [Retention(\"P90D\")], on {3}the storing member '{4}' or the assembly",
        Categories.Retention,
        DiagnosticSeverity.Warning,
        RetentionRuleDescription);

    public static readonly DiagnosticDescriptor EntityWithoutRetention = Create(
        RuleIds.StoredWithoutRetention,
        "Declare how long stored personal data is kept",
        "Entity '{0}' holds personal data ({1}) and is stored through '{2}' with no [Retention]; declare how long it is kept on the entity, the context or the assembly",
        Categories.Retention,
        DiagnosticSeverity.Warning,
        RetentionRuleDescription);

    public static readonly DiagnosticDescriptor CachedWithoutExpiry = Create(
        RuleIds.CachedWithoutExpiry,
        "Give cached personal data an expiry",
        "{0} is cached by {1} with no expiry; set an absolute or sliding expiration so the cached copy does not outlive its purpose",
        Categories.Retention,
        DiagnosticSeverity.Warning,
        "A cache entry without an expiry keeps personal data for as long as the cache lives, whatever the retention declared " +
        "for the original, and survives the deletion of the source record. UK GDPR Art 5(1)(e) applies to every copy.");

    public static readonly DiagnosticDescriptor PersonalDataShared = Create(
        RuleIds.PersonalDataShared,
        "Declare who receives personal data sent to another party",
        "{0} is sent to {1} by {2}{3} with no [Recipient] in scope; declare who receives it on '{4}' or its type",
        Categories.Sharing,
        DiagnosticSeverity.Warning,
        "Sending personal data to another organisation — a moderation vendor, a cloud API, the National Crime Agency — is a " +
        "disclosure that UK GDPR Arts 5 and 6 require a basis for, and Art 30(1)(d) requires the record of processing to " +
        "list the recipients. A [Recipient] declaration at each egress is that record.");

    public static readonly DiagnosticDescriptor PersonalDataInUrl = Create(
        RuleIds.PersonalDataInUrl,
        "Do not put personal data in URLs",
        "{0} is placed in a URL by {1}{2}; URLs end up in server, proxy and browser logs, send it in the request body instead",
        Categories.Sharing,
        DiagnosticSeverity.Warning,
        "Request URLs, query strings included, are written to web server, proxy, load balancer and CDN logs and browser " +
        "history, and copied into referrer headers — none of which a declared retention or recipient covers. UK GDPR " +
        "Art 5(1)(f) requires protection against such disclosure; send personal data in the request body.");

    public static readonly DiagnosticDescriptor VisibleRecipients = Create(
        RuleIds.VisibleRecipients,
        "Do not put several people in the visible recipients of one email",
        "{0} is put in the visible {1} list of one email{2}, so every recipient sees the others' addresses; use Bcc or send one message per recipient",
        Categories.Sharing,
        DiagnosticSeverity.Warning,
        "Sending one email to several people with their addresses in To or CC discloses every address to every recipient, " +
        "and often what they have in common (a health programme, a relocation scheme). The ICO fined Central YMCA (2024), HIV " +
        "Scotland (2021) and the Ministry of Defence (2023) for exactly this (UK GDPR Arts 5(1)(f), 32).");

    public static readonly DiagnosticDescriptor AutomatedSignificantDecision = Create(
        RuleIds.AutomatedSignificantDecision,
        "Put a human review before significant moderation decisions",
        "'{0}' ({1}) is reached from moderation pipeline '{2}' with no [HumanReview] on the path {3}; route the decision through a member where a person reviews it before it takes effect",
        Categories.Moderation,
        DiagnosticSeverity.Warning,
        "Suspending or banning an account has a similarly significant effect on the person (UK GDPR Arts 22A–22D, as " +
        "amended by the Data (Use and Access) Act 2025). A decision taken solely by automated means needs safeguards — " +
        "information, a way to contest, and human intervention — and with special category data is mostly barred. A " +
        "[HumanReview] member on the path from the automated pipeline to the action records where that intervention happens.");

    public static readonly DiagnosticDescriptor ClassifierGivenMoreThanContent = Create(
        RuleIds.ClassifierGivenMoreThanContent,
        "Give a moderation classifier only the content",
        "Classifier '{0}' is given {1}, personal data beyond the content it classifies; pass only the content, or justify the context it needs",
        Categories.Moderation,
        DiagnosticSeverity.Warning,
        "Data minimisation (UK GDPR Art 5(1)(c)): the ICO's content moderation guidance says that if the content alone is " +
        "enough to make a decision, other personal data should not be used. Passing a whole user or a post with its author " +
        "to a classifier — often a vendor — discloses and processes far more than the judgement needs.");

    public static readonly DiagnosticDescriptor UnannotatedPersonalData = Create(
        RuleIds.UnannotatedPersonalData,
        "Annotate members that look like personal data",
        "'{0}' looks like personal data ({1}) but is not annotated; add [PersonalData(DataCategory.{2})], or [NotPersonalData(\"why\")] if it is not",
        Categories.Discovery,
        DiagnosticSeverity.Info,
        "SafePrivacy can only follow data that is annotated. A property or field whose name and type look like personal " +
        "data — an email address, a phone number, a name, a user name or login, a date of birth, an address, an IP address, " +
        "a device identifier, a national identifier, a location, a password, an access token or API key — is probably " +
        "personal data (UK GDPR Art 4(1)), and so is a parameter like it whose value the method sends to a sink. Names that " +
        "belong to things are not reported: a culture's display name, a file's full name, the server's own address, a " +
        "certificate's password. Annotating the data lets every other rule see where it goes.");

    public static readonly DiagnosticDescriptor UnjustifiedSuppression = Create(
        RuleIds.UnjustifiedSuppression,
        "Justify every suppression of a SafePrivacy rule",
        "{0} suppresses {1} without a justification; say why the finding does not apply",
        Categories.Discovery,
        DiagnosticSeverity.Warning,
        "A suppressed SafePrivacy finding is a decision that personal data may flow somewhere the law asks for a " +
        "declaration. Accountability (UK GDPR Art 5(2)) means recording why: a Justification on [SuppressMessage], or a " +
        "comment on the #pragma line. Placeholders such as TODO count as no justification.");

    public static readonly DiagnosticDescriptor UnusableAnnotation = Create(
        RuleIds.UnusableAnnotation,
        "Make every external annotation name a symbol and a classification",
        "External annotation '{0}' annotates nothing: {1}",
        Categories.Discovery,
        DiagnosticSeverity.Warning,
        "A line of an external annotations file that cannot be parsed, or whose documentation-comment ID names no symbol " +
        "the compilation can see, is silently without effect: the member it meant to declare as personal data is not " +
        "followed by any rule. A typo there hides every log, store and transfer of that data.");

    // Reported at compilation end with no location: an .editorconfig value belongs to no source line, and the
    // compiler does not show analyzers where it was read from. Builds and the CLI show it; the IDE on a full analysis.
    public static readonly DiagnosticDescriptor UnusableOption = Create(
        RuleIds.UnusableOption,
        "Give every safe_privacy option a value it understands",
        "Option '{0}' has the unusable value '{1}': {2}",
        Categories.Discovery,
        DiagnosticSeverity.Warning,
        "A safe_privacy option value SafePrivacy cannot read would otherwise be replaced silently by a default: a " +
        "discovery pattern whose category is misspelt becomes Other, an unknown switch value leaves discovery on, a listed " +
        "sink that names no method is no sink. The " +
        "configuration then says something the analysis does not do, which no one reviewing the .editorconfig can see.",
        WellKnownDiagnosticTags.CompilationEnd);

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
