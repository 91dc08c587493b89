using System;

namespace SafePrivacy;

/// <summary>
/// Marks a class or method that analyses user-generated content or acts on the analysis. The stricter
/// content-moderation rules apply inside it.
/// </summary>
/// <remarks>
/// Read by SP1001 (consent is not an appropriate basis here), SP2002 (no content or special category data
/// in logs, including in helpers the pipeline calls) and SP5001 (significant actions reached from here need a
/// <see cref="HumanReviewAttribute"/> on the path).
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class ModerationPipelineAttribute : Attribute
{
}
