using System;

namespace SafePrivacy;

/// <summary>
/// Declares how long stored personal data is kept (UK GDPR Art 5(1)(e), storage limitation). Place it on the
/// stored entity type, the storing method or type, or the assembly.
/// </summary>
/// <remarks>
/// Checked by SP1004 (the period is a valid ISO 8601 duration, or <see cref="Retention.Indefinite"/> with a
/// <see cref="Justification"/>). Required for stored personal data by SP3002. Shown in the
/// <c>safeprivacy inventory</c>.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method |
    AttributeTargets.Property | AttributeTargets.Assembly,
    Inherited = true,
    AllowMultiple = false)]
public sealed class RetentionAttribute : Attribute
{
    /// <summary>Declares the retention period.</summary>
    /// <param name="period">
    /// An ISO 8601 duration such as <c>"P90D"</c>, <c>"P1Y6M"</c>, <c>"P2W"</c> or <c>"PT12H"</c>, or
    /// <see cref="Retention.Indefinite"/>.
    /// </param>
    public RetentionAttribute(string period)
    {
        Period = period;
    }

    /// <summary>The ISO 8601 duration, or <see cref="Retention.Indefinite"/>.</summary>
    public string Period { get; }

    /// <summary>The event the period is counted from.</summary>
    public RetentionTrigger From { get; set; }

    /// <summary>What happens to the data when the period ends.</summary>
    public Disposal Then { get; set; }

    /// <summary>The retention schedule, policy or statute this period comes from.</summary>
    public string? Reference { get; set; }

    /// <summary>Why the data must be kept without limit. Required with <see cref="Retention.Indefinite"/>.</summary>
    public string? Justification { get; set; }
}

/// <summary>Well-known retention periods.</summary>
public static class Retention
{
    /// <summary>Kept without a time limit. Needs a <see cref="RetentionAttribute.Justification"/> (SP1004).</summary>
    public const string Indefinite = "Indefinite";
}

/// <summary>The event a retention period is counted from.</summary>
public enum RetentionTrigger
{
    /// <summary>When the data was collected or created.</summary>
    Collection = 0,

    /// <summary>The person's last activity.</summary>
    LastActivity,

    /// <summary>The closure of the person's account.</summary>
    AccountClosure,

    /// <summary>The closure of the case the data belongs to, such as a moderation case or an appeal.</summary>
    CaseClosure,

    /// <summary>The end of a contract.</summary>
    ContractEnd,
}

/// <summary>What happens to personal data when its retention period ends.</summary>
public enum Disposal
{
    /// <summary>The data is deleted.</summary>
    Delete = 0,

    /// <summary>The data is anonymised so that no one can be identified.</summary>
    Anonymise,

    /// <summary>The data is reviewed and either deleted or kept for a further justified period.</summary>
    Review,
}
