namespace SafePrivacy;

/// <summary>
/// The conditions in UK GDPR Art 9(2) that allow processing special category data. Conditions (b), (g),
/// (h), (i) and (j) also need a condition in Schedule 1 of the Data Protection Act 2018 (SP1002).
/// </summary>
public enum Article9Condition
{
    /// <summary>Art 9(2)(a): explicit consent.</summary>
    ExplicitConsent = 1,

    /// <summary>Art 9(2)(b): employment, social security and social protection. Needs a Schedule 1 condition.</summary>
    EmploymentSocialSecurityAndSocialProtection,

    /// <summary>Art 9(2)(c): vital interests of a person who cannot consent.</summary>
    VitalInterests,

    /// <summary>Art 9(2)(d): not-for-profit bodies, about their members.</summary>
    NotForProfitBodies,

    /// <summary>Art 9(2)(e): made manifestly public by the person.</summary>
    MadePublicByTheDataSubject,

    /// <summary>Art 9(2)(f): legal claims or judicial acts.</summary>
    LegalClaimsOrJudicialActs,

    /// <summary>Art 9(2)(g): reasons of substantial public interest. Needs a Schedule 1 Part 2 condition.</summary>
    SubstantialPublicInterest,

    /// <summary>Art 9(2)(h): health or social care. Needs a Schedule 1 condition.</summary>
    HealthOrSocialCare,

    /// <summary>Art 9(2)(i): public health. Needs a Schedule 1 condition.</summary>
    PublicHealth,

    /// <summary>Art 9(2)(j): archiving, research and statistics. Needs a Schedule 1 condition.</summary>
    ArchivingResearchAndStatistics,
}
