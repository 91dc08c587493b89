using System;

namespace SafePrivacy;

/// <summary>Marks a method that applies a moderation action to content or to an account.</summary>
/// <remarks>
/// Read by SP5001: <see cref="ModerationEffect.AccountSuspension"/> and <see cref="ModerationEffect.AccountBan"/>
/// are significant decisions (UK GDPR Arts 22A–22D) and, reached from a <see cref="ModerationPipelineAttribute"/>,
/// need a <see cref="HumanReviewAttribute"/> member on the path.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class ModerationActionAttribute : Attribute
{
    /// <summary>Declares the effect of the action.</summary>
    /// <param name="effect">What the action does.</param>
    public ModerationActionAttribute(ModerationEffect effect)
    {
        Effect = effect;
    }

    /// <summary>What the action does.</summary>
    public ModerationEffect Effect { get; }
}

/// <summary>The effect of a moderation action.</summary>
public enum ModerationEffect
{
    /// <summary>Content is taken down.</summary>
    RemoveContent = 1,

    /// <summary>Content stays up but fewer people see it.</summary>
    RestrictVisibility,

    /// <summary>A feature (posting, messaging) is blocked for a time.</summary>
    FeatureBlock,

    /// <summary>The account is suspended: a significant decision.</summary>
    AccountSuspension,

    /// <summary>The account is banned: a significant decision.</summary>
    AccountBan,
}
