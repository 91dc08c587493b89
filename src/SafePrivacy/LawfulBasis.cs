namespace SafePrivacy;

/// <summary>The lawful bases for processing in UK GDPR Art 6(1).</summary>
public enum LawfulBasis
{
    /// <summary>Art 6(1)(a): the person has given consent. Rarely appropriate for content moderation (SP1001).</summary>
    Consent = 1,

    /// <summary>Art 6(1)(b): necessary for a contract with the person, such as the terms of service.</summary>
    Contract,

    /// <summary>Art 6(1)(c): necessary to comply with a legal obligation, such as an Online Safety Act 2023 duty. Needs a <c>Reference</c> naming it.</summary>
    LegalObligation,

    /// <summary>Art 6(1)(d): necessary to protect someone's vital interests.</summary>
    VitalInterests,

    /// <summary>Art 6(1)(e): necessary for a task in the public interest or official authority.</summary>
    PublicTask,

    /// <summary>Art 6(1)(ea): a recognised legitimate interest listed in Annex 1 (Data (Use and Access) Act 2025). Needs a <c>Reference</c> naming the Annex 1 condition.</summary>
    RecognisedLegitimateInterest,

    /// <summary>Art 6(1)(f): necessary for legitimate interests that the person's interests do not override. Needs a <c>Reference</c> to the legitimate interests assessment.</summary>
    LegitimateInterests,
}
