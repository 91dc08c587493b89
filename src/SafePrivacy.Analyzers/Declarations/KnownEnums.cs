namespace SafePrivacy.Analyzers.Declarations;

// Mirrors of the attributes assembly's enums, read from attribute arguments as integers. A convention test keeps
// names and values in step with SafePrivacy.dll.

internal enum LawfulBasisKind
{
    Consent = 1,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    RecognisedLegitimateInterest,
    LegitimateInterests,
}

internal enum DataCategoryKind
{
    Unspecified = 0,
    Name,
    Contact,
    OnlineIdentifier,
    NetworkAddress,
    DeviceIdentifier,
    Location,
    DateOfBirth,
    Demographic,
    Financial,
    GovernmentIdentifier,
    Credential,
    Behavioural,
    Image,
    Communication,
    ModerationRecord,
    Other,
}

internal enum SpecialCategoryKind
{
    Unspecified = 0,
    RacialOrEthnicOrigin,
    PoliticalOpinions,
    ReligiousOrPhilosophicalBeliefs,
    TradeUnionMembership,
    Genetic,
    Biometric,
    Health,
    SexLifeOrSexualOrientation,
}

internal enum DataOriginKind
{
    Provided = 0,
    Observed,
    Inferred,
}

internal enum Article9ConditionKind
{
    ExplicitConsent = 1,
    EmploymentSocialSecurityAndSocialProtection,
    VitalInterests,
    NotForProfitBodies,
    MadePublicByTheDataSubject,
    LegalClaimsOrJudicialActs,
    SubstantialPublicInterest,
    HealthOrSocialCare,
    PublicHealth,
    ArchivingResearchAndStatistics,
}

internal enum ModerationEffectKind
{
    RemoveContent = 1,
    RestrictVisibility,
    FeatureBlock,
    AccountSuspension,
    AccountBan,
}
