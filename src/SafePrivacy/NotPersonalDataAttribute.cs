using System;

namespace SafePrivacy;

/// <summary>
/// An explicit, justified statement that a member or type that looks personal is not personal data
/// (for example <c>SupportEmail</c>, the service's own address).
/// </summary>
/// <remarks>
/// Silences SP9001 on the member and stops every flow rule from treating values read through it as personal data.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface,
    Inherited = true,
    AllowMultiple = false)]
public sealed class NotPersonalDataAttribute : Attribute
{
    /// <summary>Declares that the value is not personal data.</summary>
    /// <param name="justification">Why the value does not relate to an identifiable person.</param>
    public NotPersonalDataAttribute(string justification)
    {
        Justification = justification;
    }

    /// <summary>Why the value does not relate to an identifiable person.</summary>
    public string Justification { get; }
}
