using System;

namespace SafePrivacy;

/// <summary>
/// Declares content that users author: posts, messages, comments, images, reports. Treated as personal data
/// that may disclose special category data.
/// </summary>
/// <remarks>
/// Read by SP2002 (never logged in a moderation pipeline), SP5002 (the content is what a classifier may be
/// given) and every flow rule that reads <see cref="PersonalDataAttribute"/>.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface,
    Inherited = true,
    AllowMultiple = false)]
public sealed class UserGeneratedContentAttribute : Attribute
{
}
