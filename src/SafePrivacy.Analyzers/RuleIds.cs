namespace SafePrivacy.Analyzers;

/// <summary>Every SafePrivacy diagnostic ID. The first digit is the family.</summary>
public static class RuleIds
{
    public const string IncompleteLawfulBasis = "SP1001";
    public const string SpecialCategoryWithoutCondition = "SP1002";
    public const string CriminalOffenceWithoutCondition = "SP1003";
    public const string InvalidRetention = "SP1004";
    public const string PersonalDataLogged = "SP2001";
    public const string ContentLoggedInModeration = "SP2002";
    public const string PersonalDataInException = "SP2003";
    public const string PersonalDataInTelemetry = "SP2004";
    public const string PrintingToString = "SP2005";
    public const string PrivacySwitchEnabled = "SP2006";
    public const string PersonalDataStored = "SP3001";
    public const string StoredWithoutRetention = "SP3002";
    public const string CachedWithoutExpiry = "SP3003";
    public const string PersonalDataShared = "SP4001";
    public const string PersonalDataInUrl = "SP4002";
    public const string VisibleRecipients = "SP4003";
    public const string AutomatedSignificantDecision = "SP5001";
    public const string ClassifierGivenMoreThanContent = "SP5002";
    public const string UnannotatedPersonalData = "SP9001";
    public const string UnjustifiedSuppression = "SP9002";
    public const string UnusableAnnotation = "SP9003";
    public const string UnusableOption = "SP9004";
}
