using SafePrivacy;

namespace Forum;

/// <summary>Scores new posts and routes them: the service's automated moderation.</summary>
[ModerationPipeline]
[LawfulBasis(
    LawfulBasis.LegalObligation,
    Purpose = "Find and remove illegal content",
    Reference = "Online Safety Act 2023 s.10")]
public sealed class AutoModerator
{
    /// <summary>Whether a post needs a moderator's attention.</summary>
    public bool NeedsReview(Post post) => post.Body.Length > 0;
}
