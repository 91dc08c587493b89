namespace SafePrivacy;

/// <summary>The kinds of special category data listed in UK GDPR Art 9(1).</summary>
public enum SpecialCategory
{
    /// <summary>Special category data of an unstated kind, e.g. free text that may disclose any of them.</summary>
    Unspecified = 0,

    /// <summary>Racial or ethnic origin.</summary>
    RacialOrEthnicOrigin,

    /// <summary>Political opinions.</summary>
    PoliticalOpinions,

    /// <summary>Religious or philosophical beliefs.</summary>
    ReligiousOrPhilosophicalBeliefs,

    /// <summary>Trade union membership.</summary>
    TradeUnionMembership,

    /// <summary>Genetic data.</summary>
    Genetic,

    /// <summary>Biometric data processed to uniquely identify a person.</summary>
    Biometric,

    /// <summary>Data concerning health, including inferences such as self-harm signals.</summary>
    Health,

    /// <summary>Data concerning a person's sex life or sexual orientation.</summary>
    SexLifeOrSexualOrientation,
}

/// <summary>How special category data came about. Inferred data is special category data too.</summary>
public enum DataOrigin
{
    /// <summary>The person provided it.</summary>
    Provided = 0,

    /// <summary>It was observed from the person's activity.</summary>
    Observed,

    /// <summary>It was inferred, for example by a classifier scoring content for self-harm.</summary>
    Inferred,
}
