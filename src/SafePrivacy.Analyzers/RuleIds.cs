namespace SafePrivacy.Analyzers;

/// <summary>Every SafePrivacy diagnostic ID. The first digit is the family.</summary>
public static class RuleIds
{
    public const string IncompleteLawfulBasis = "SP1001";
    public const string InvalidRetention = "SP1004";
}
