using System;

namespace SafePrivacy;

/// <summary>
/// Declares criminal offence data (UK GDPR Art 10): convictions, offences, allegations, and judgements that
/// content is illegal. Implies personal data.
/// </summary>
/// <remarks>
/// Read by SP1003 (a <see cref="CriminalOffenceConditionAttribute"/> must be in scope where it is processed)
/// and by every flow rule that reads <see cref="PersonalDataAttribute"/>.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface,
    Inherited = true,
    AllowMultiple = false)]
public sealed class CriminalOffenceDataAttribute : Attribute
{
    /// <summary>How the data came about: an illegal-content judgement made by a classifier is inferred.</summary>
    public DataOrigin Origin { get; set; }
}
