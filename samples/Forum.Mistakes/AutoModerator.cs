using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SafePrivacy;

namespace Forum;

/// <summary>Scores every new post and routes it: the service's automated moderation.</summary>
[ModerationPipeline]
// Mistake: consent is not a basis moderation can rest on — members cannot refuse it and still post.
[LawfulBasis(LawfulBasis.Consent, Purpose = "Detect abusive posts")] // ⚠ SP1001
public sealed class AutoModerator
{
    private readonly IToxicityClassifier _toxicity;
    private readonly ISelfHarmModel _selfHarm;
    private readonly Enforcement _enforcement;
    private readonly ILogger<AutoModerator> _logger;

    public AutoModerator(IToxicityClassifier toxicity, ISelfHarmModel selfHarm, Enforcement enforcement, ILogger<AutoModerator> logger)
    {
        _toxicity = toxicity;
        _selfHarm = selfHarm;
        _enforcement = enforcement;
        _logger = logger;
    }

    public async Task HandleAsync(Post post, CancellationToken cancellationToken)
    {
        // Mistake: the vendor is sent the author's email "for context" (minimisation), and no recipient is declared.
        var request = new ToxicityRequest { Text = post.Body, AuthorEmail = post.Author.Email };
        var toxicity = await _toxicity.ScoreAsync(request, cancellationToken); // ⚠ SP4001, SP5002
        var risk = _selfHarm.Risk(post.Body);

        // Mistake: the post and the inferred self-harm risk in the log — content and health data, kept as long as
        // the logs are, with no Article 9 condition declared.
        _logger.LogDebug("Scoring post {PostId}: {Body}", post.Id, post.Body); // ⚠ SP2002
        _logger.LogWarning("Self-harm risk {Risk} for post {PostId}", risk, post.Id); // ⚠ SP2002, SP1002

        if (toxicity > 0.99)
        {
            _enforcement.Escalate(post.Author.Id);
        }
    }
}

/// <summary>Applies what the pipeline decided.</summary>
public sealed class Enforcement
{
    private readonly IAccountActions _accounts;

    public Enforcement(IAccountActions accounts) => _accounts = accounts;

    // Mistake: the ban takes effect straight from the model's score; no person reviews it (Arts 22A–22D).
    public void Escalate(Guid memberId) => _accounts.Ban(memberId); // ⚠ SP5001
}
