using System;

namespace SafePrivacy;

/// <summary>
/// Marks a method or class where a person meaningfully reviews a moderation decision before it takes effect
/// (UK GDPR Arts 22A–22D: human intervention in significant automated decisions).
/// </summary>
/// <remarks>Read by SP5001: a significant action reached through a member marked this way is compliant.</remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct, Inherited = true, AllowMultiple = false)]
public sealed class HumanReviewAttribute : Attribute
{
}
