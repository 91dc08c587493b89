using Microsoft.Extensions.Logging;
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
    private readonly ILogger<AutoModerator> _logger;

    public AutoModerator(ILogger<AutoModerator> logger) => _logger = logger;

    /// <summary>Whether a post needs a moderator's attention.</summary>
    public bool NeedsReview(Post post)
    {
        // The post's identifier is all an operator needs to find it again.
        _logger.LogDebug("Scoring post {PostId}", post.Id);
        return post.Body.Length > 0;
    }
}
