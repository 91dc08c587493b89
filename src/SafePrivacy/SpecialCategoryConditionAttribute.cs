using System;

namespace SafePrivacy;

/// <summary>
/// Declares the UK GDPR Art 9(2) condition, and where needed the Data Protection Act 2018 Schedule 1 condition,
/// for special category data processed in its scope. The nearest declaration applies: the method, then its
/// containing types outward, then the assembly.
/// </summary>
/// <remarks>
/// Read by SP1002: special category data reaching a sink or a classifier needs one in scope, and conditions
/// (b), (g), (h), (i) and (j) need <see cref="Schedule1"/>.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct |
    AttributeTargets.Interface | AttributeTargets.Assembly,
    Inherited = false,
    AllowMultiple = true)]
public sealed class SpecialCategoryConditionAttribute : Attribute
{
    /// <summary>Declares the Art 9(2) condition for processing special category data in this scope.</summary>
    /// <param name="condition">The Art 9(2) condition.</param>
    public SpecialCategoryConditionAttribute(Article9Condition condition)
    {
        Condition = condition;
    }

    /// <summary>The Art 9(2) condition.</summary>
    public Article9Condition Condition { get; }

    /// <summary>The Schedule 1 condition that conditions (b), (g), (h), (i) and (j) require.</summary>
    public Schedule1Condition Schedule1 { get; set; }

    /// <summary>Where the appropriate policy document that Schedule 1 Part 4 requires is kept.</summary>
    public string? PolicyDocument { get; set; }
}
