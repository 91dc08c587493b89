namespace SafePrivacy;

/// <summary>
/// The conditions in Schedule 1 to the Data Protection Act 2018. Each value is the paragraph number,
/// so <c>(int)Schedule1Condition.PreventingOrDetectingUnlawfulActs</c> is 10.
/// </summary>
public enum Schedule1Condition
{
    /// <summary>No Schedule 1 condition stated.</summary>
    None = 0,

    /// <summary>Para 1: employment, social security and social protection.</summary>
    EmploymentSocialSecurityAndSocialProtection = 1,

    /// <summary>Para 2: health or social care purposes.</summary>
    HealthOrSocialCarePurposes = 2,

    /// <summary>Para 3: public health.</summary>
    PublicHealth = 3,

    /// <summary>Para 4: research etc.</summary>
    Research = 4,

    /// <summary>Para 6: statutory and government purposes.</summary>
    StatutoryAndGovernmentPurposes = 6,

    /// <summary>Para 7: administration of justice and parliamentary purposes.</summary>
    AdministrationOfJustice = 7,

    /// <summary>Para 8: equality of opportunity or treatment.</summary>
    EqualityOfOpportunityOrTreatment = 8,

    /// <summary>Para 9: racial and ethnic diversity at senior levels of organisations.</summary>
    RacialAndEthnicDiversityAtSeniorLevels = 9,

    /// <summary>Para 10: preventing or detecting unlawful acts.</summary>
    PreventingOrDetectingUnlawfulActs = 10,

    /// <summary>Para 11: protecting the public.</summary>
    ProtectingThePublic = 11,

    /// <summary>Para 12: regulatory requirements relating to unlawful acts and dishonesty.</summary>
    RegulatoryRequirements = 12,

    /// <summary>Para 13: journalism in connection with unlawful acts and dishonesty.</summary>
    Journalism = 13,

    /// <summary>Para 14: preventing fraud.</summary>
    PreventingFraud = 14,

    /// <summary>Para 15: suspicion of terrorist financing or money laundering.</summary>
    TerroristFinancingOrMoneyLaundering = 15,

    /// <summary>Para 16: support for individuals with a particular disability or medical condition.</summary>
    SupportForIndividualsWithDisabilityOrMedicalCondition = 16,

    /// <summary>Para 17: counselling.</summary>
    Counselling = 17,

    /// <summary>Para 18: safeguarding of children and of individuals at risk.</summary>
    SafeguardingOfChildrenAndIndividualsAtRisk = 18,

    /// <summary>Para 19: safeguarding of economic well-being of certain individuals.</summary>
    SafeguardingOfEconomicWellBeing = 19,

    /// <summary>Para 20: insurance.</summary>
    Insurance = 20,

    /// <summary>Para 21: occupational pensions.</summary>
    OccupationalPensions = 21,

    /// <summary>Para 22: political parties.</summary>
    PoliticalParties = 22,

    /// <summary>Para 23: elected representatives responding to requests.</summary>
    ElectedRepresentativesRespondingToRequests = 23,

    /// <summary>Para 24: disclosure to elected representatives.</summary>
    DisclosureToElectedRepresentatives = 24,

    /// <summary>Para 25: informing elected representatives about prisoners.</summary>
    InformingElectedRepresentativesAboutPrisoners = 25,

    /// <summary>Para 26: publication of legal judgments.</summary>
    PublicationOfLegalJudgments = 26,

    /// <summary>Para 27: anti-doping in sport.</summary>
    AntiDopingInSport = 27,

    /// <summary>Para 28: standards of behaviour in sport.</summary>
    StandardsOfBehaviourInSport = 28,

    /// <summary>Para 29: consent (criminal offence data).</summary>
    Consent = 29,

    /// <summary>Para 30: protecting an individual's vital interests (criminal offence data).</summary>
    ProtectingVitalInterests = 30,

    /// <summary>Para 31: processing by not-for-profit bodies (criminal offence data).</summary>
    NotForProfitBodies = 31,

    /// <summary>Para 32: personal data in the public domain (criminal offence data).</summary>
    PersonalDataInThePublicDomain = 32,

    /// <summary>Para 33: legal claims (criminal offence data).</summary>
    LegalClaims = 33,

    /// <summary>Para 34: judicial acts (criminal offence data).</summary>
    JudicialActs = 34,

    /// <summary>Para 35: administration of accounts used in commission of indecency offences involving children.</summary>
    IndecencyOffencesInvolvingChildren = 35,

    /// <summary>Para 36: extension of the Part 2 conditions to criminal offence data without the substantial public interest test.</summary>
    ExtensionOfPart2Conditions = 36,

    /// <summary>Para 37: extension of the insurance conditions.</summary>
    ExtensionOfInsuranceConditions = 37,
}
