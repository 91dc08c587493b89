using System;

namespace SafePrivacy;

/// <summary>
/// Declares special category data (UK GDPR Art 9): racial or ethnic origin, political opinions, religious or
/// philosophical beliefs, trade union membership, genetic or biometric data, health, sex life or sexual
/// orientation. Implies personal data.
/// </summary>
/// <remarks>
/// Read by SP1002 (a <see cref="SpecialCategoryConditionAttribute"/> must be in scope where it is processed),
/// SP2002 (never logged in a moderation pipeline) and every flow rule that reads <see cref="PersonalDataAttribute"/>.
/// On a return value with <c>Origin = DataOrigin.Inferred</c> it marks a classifier whose output is inferred
/// special category data, such as a self-harm score.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface,
    Inherited = true,
    AllowMultiple = false)]
public sealed class SpecialCategoryDataAttribute : Attribute
{
    /// <summary>Declares special category data of an unstated kind.</summary>
    public SpecialCategoryDataAttribute()
    {
    }

    /// <summary>Declares special category data of the given kind.</summary>
    /// <param name="category">Which Art 9(1) kind the value is.</param>
    public SpecialCategoryDataAttribute(SpecialCategory category)
    {
        Category = category;
    }

    /// <summary>Which Art 9(1) kind the value is.</summary>
    public SpecialCategory Category { get; }

    /// <summary>How the data came about. Inferred special category data is still special category data.</summary>
    public DataOrigin Origin { get; set; }
}
