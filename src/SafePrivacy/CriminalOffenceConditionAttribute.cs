using System;

namespace SafePrivacy;

/// <summary>
/// Declares the Data Protection Act 2018 Schedule 1 condition (s.10(5), UK GDPR Art 10) for criminal offence
/// data processed in its scope, such as para 10 (preventing or detecting unlawful acts) or para 18 (safeguarding).
/// The nearest declaration applies: the method, then its containing types outward, then the assembly.
/// </summary>
/// <remarks>Read by SP1003: criminal offence data reaching a sink or a classifier needs one in scope.</remarks>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct |
    AttributeTargets.Interface | AttributeTargets.Assembly,
    Inherited = false,
    AllowMultiple = true)]
public sealed class CriminalOffenceConditionAttribute : Attribute
{
    /// <summary>Declares the Schedule 1 condition for processing criminal offence data in this scope.</summary>
    /// <param name="condition">The Schedule 1 condition.</param>
    public CriminalOffenceConditionAttribute(Schedule1Condition condition)
    {
        Condition = condition;
    }

    /// <summary>The Schedule 1 condition.</summary>
    public Schedule1Condition Condition { get; }

    /// <summary>Where the appropriate policy document that Schedule 1 Part 4 requires is kept.</summary>
    public string? PolicyDocument { get; set; }
}
