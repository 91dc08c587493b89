using Microsoft.Extensions.Logging;
using SafePrivacy;

namespace Forum;

/// <summary>Scores new posts and routes them: the service's automated moderation.</summary>
[ModerationPipeline]
// Mistake: consent is not a basis moderation can rest on — members cannot refuse it and still post (SP1001).
[LawfulBasis(LawfulBasis.Consent, Purpose = "Detect abusive posts")]
public sealed class AutoModerator
{
    private readonly ILogger<AutoModerator> _logger;

    public AutoModerator(ILogger<AutoModerator> logger) => _logger = logger;

    /// <summary>Whether a post needs a moderator's attention.</summary>
    public bool NeedsReview(Post post)
    {
        // Mistake: the post itself in the moderation log — a second copy of content that may reveal health,
        // politics or sexuality, kept as long as the logs are (SP2002).
        _logger.LogDebug("Scoring post {PostId}: {Body}", post.Id, post.Body);
        return post.Body.Length > 0;
    }
}
