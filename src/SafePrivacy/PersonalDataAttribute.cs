using System;

namespace SafePrivacy;

/// <summary>
/// Declares that a value is information about an identifiable person (UK GDPR Art 4(1)).
/// On a type, every instance of the type is personal data.
/// </summary>
/// <remarks>
/// Read by the flow rules (SP2001–SP2005, SP3001–SP3003, SP4001–SP4002, SP5002) as a source of personal
/// data, and by SP9001, which suggests this attribute on members whose name looks personal.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface,
    Inherited = true,
    AllowMultiple = false)]
public sealed class PersonalDataAttribute : Attribute
{
    /// <summary>Declares personal data of an unstated category.</summary>
    public PersonalDataAttribute()
    {
    }

    /// <summary>Declares personal data of the given category.</summary>
    /// <param name="category">What kind of personal data the value is.</param>
    public PersonalDataAttribute(DataCategory category)
    {
        Category = category;
    }

    /// <summary>What kind of personal data the value is.</summary>
    public DataCategory Category { get; }
}
