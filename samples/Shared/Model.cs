using System;
using SafePrivacy;

namespace Forum;

/// <summary>A forum member.</summary>
public sealed class Member
{
    public Guid Id { get; init; }

    [PersonalData(DataCategory.Name)]
    public string DisplayName { get; set; } = string.Empty;

    [PersonalData(DataCategory.Contact)]
    public string Email { get; set; } = string.Empty;
}

/// <summary>A post a member wrote.</summary>
public sealed class Post
{
    public Guid Id { get; init; }

    public Member Author { get; init; } = new();

    [UserGeneratedContent]
    public string Body { get; set; } = string.Empty;
}

/// <summary>A report a member made about a post.</summary>
[Retention("P6M", From = RetentionTrigger.CaseClosure, Then = Disposal.Delete, Reference = "Retention schedule §4")]
public sealed class UserReport
{
    public Guid Id { get; init; }

    public Guid PostId { get; init; }

    public Guid ReporterId { get; init; }

    [UserGeneratedContent]
    public string Reason { get; set; } = string.Empty;
}

/// <summary>Evidence of child sexual abuse material, preserved for the National Crime Agency.</summary>
[CriminalOffenceData]
[Retention(Retention.Indefinite, Justification = "Preserved until the National Crime Agency confirms its investigation is closed", Then = Disposal.Review)]
public sealed class CsamEvidence
{
    public Guid Id { get; init; }

    public Guid PostId { get; init; }

    public string ContentHash { get; init; } = string.Empty;

    public DateTimeOffset DetectedAt { get; init; }
}

/// <summary>Why a post went to a moderator.</summary>
public enum ReviewReason
{
    Toxicity,
    SelfHarm,
    UserReport,
}

/// <summary>A decision waiting for a moderator: identifiers only, never the content itself.</summary>
public sealed record ReviewItem(Guid PostId, Guid AuthorId, ReviewReason Reason);
