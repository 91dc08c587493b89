using SafePrivacy;

namespace Forum;

/// <summary>Scores new posts and routes them: the service's automated moderation.</summary>
[ModerationPipeline]
// Mistake: consent is not a basis moderation can rest on — members cannot refuse it and still post (SP1001).
[LawfulBasis(LawfulBasis.Consent, Purpose = "Detect abusive posts")]
public sealed class AutoModerator
{
    /// <summary>Whether a post needs a moderator's attention.</summary>
    public bool NeedsReview(Post post) => post.Body.Length > 0;
}
