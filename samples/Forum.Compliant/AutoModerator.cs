using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SafePrivacy;

namespace Forum;

/// <summary>Scores every new post and routes it: the service's automated moderation.</summary>
[ModerationPipeline]
[LawfulBasis(
    LawfulBasis.LegalObligation,
    Purpose = "Find and remove illegal content and protect users from harm",
    Reference = "Online Safety Act 2023 ss.10 and 12")]
[SpecialCategoryCondition(
    Article9Condition.SubstantialPublicInterest,
    Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk,
    PolicyDocument = "APD-07 Safeguarding")]
[Recipient("Acme Moderation Ltd", Kind = RecipientKind.Processor, Reference = "DPA-2024-11")]
public sealed class AutoModerator
{
    private readonly IToxicityClassifier _toxicity;
    private readonly ISelfHarmModel _selfHarm;
    private readonly ContentActions _content;
    private readonly ReviewQueue _queue;
    private readonly ILogger<AutoModerator> _logger;

    public AutoModerator(IToxicityClassifier toxicity, ISelfHarmModel selfHarm, ContentActions content, ReviewQueue queue, ILogger<AutoModerator> logger)
    {
        _toxicity = toxicity;
        _selfHarm = selfHarm;
        _content = content;
        _queue = queue;
        _logger = logger;
    }

    public async Task HandleAsync(Post post, CancellationToken cancellationToken)
    {
        // The vendor is given the text it classifies and nothing about its author.
        var toxicity = await _toxicity.ScoreAsync(new ToxicityRequest { Text = post.Body }, cancellationToken);
        var risk = _selfHarm.Risk(post.Body);

        // The log says which post was scored, never what it said or what the model inferred about its author.
        _logger.LogInformation("Scored post {PostId}: toxicity {Toxicity:F2}", post.Id, toxicity);

        if (risk > 0.6)
        {
            _queue.Enqueue(new ReviewItem(post.Id, post.Author.Id, ReviewReason.SelfHarm));
        }
        else if (toxicity > 0.95)
        {
            // Removing a post is not a significant decision about a person; a suspension goes to a moderator.
            _content.Remove(post.Id);
            _queue.Enqueue(new ReviewItem(post.Id, post.Author.Id, ReviewReason.Toxicity));
        }
    }
}
