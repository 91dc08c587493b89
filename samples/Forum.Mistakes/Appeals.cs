using System;
using SafePrivacy;

namespace Forum;

/// <summary>A member's appeal against a moderation decision.</summary>
// Mistake: a period no deletion job can read.
[Retention("6 months after closure")] // ⚠ SP1004
public sealed class Appeal
{
    public Guid Id { get; init; }

    [UserGeneratedContent]
    public string Statement { get; set; } = string.Empty;
}

/// <summary>A strike recorded against a member.</summary>
// Mistake: kept forever with no reason given.
[Retention(Retention.Indefinite)] // ⚠ SP1004
public sealed class Strike
{
    public Guid MemberId { get; init; }

    [PersonalData(DataCategory.ModerationRecord)]
    public string Rule { get; set; } = string.Empty;
}
