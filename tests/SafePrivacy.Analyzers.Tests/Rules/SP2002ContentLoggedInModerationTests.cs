using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.ContentLoggedInModerationAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP2002ContentLoggedInModerationTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task Diagnostic_WhenPostBodyIsLoggedInAPipeline_WhateverTheBasis() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        [ModerationPipeline]
        [LawfulBasis(LawfulBasis.LegalObligation, Purpose = "Remove illegal content", Reference = "Online Safety Act 2023 s.10")]
        public class AutoModerator
        {
            private readonly ILogger _logger = null!;

            public void Handle(Post post)
            {
                _logger.LogInformation("Scoring post {PostId}: {Body}", post.Id, {|#0:post.Body|});
                _logger.LogInformation("Scoring post {PostId}", post.Id);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2002").WithLocation(0)
            .WithMessage("'Post.Body' (user-generated content) is written to a log by ILogger.LogInformation in moderation pipeline 'AutoModerator'; log the identifier of the content instead"));

    [Fact]
    public Task Diagnostic_ForSpecialCategoryData_IncludingAClassifiersInferredScore() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public interface ISelfHarmClassifier
        {
            [ModerationClassifier]
            [return: SpecialCategoryData(SpecialCategory.Health, Origin = DataOrigin.Inferred)]
            double Score(string text);
        }

        public class Triage
        {
            private readonly ILogger _logger = null!;

            [ModerationPipeline]
            public void Handle(Post post, ISelfHarmClassifier classifier)
            {
                var risk = classifier.Score(post.Body);
                _logger.LogWarning("Self-harm risk {Risk}", [|risk|]);
                _logger.LogWarning("Post {PostId} escalated", post.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_WhenAHelperThePipelineCallsLogsTheContent() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Diagnostics
        {
            private readonly ILogger _logger = null!;
            public void Trace(string text) => _logger.LogDebug("Text: {Text}", text);
            public void Dump(Post post) => _logger.LogDebug("Post: {Body}", post.Body);
            public void Count(Post post) => _logger.LogDebug("Post {Id}", post.Id);
        }

        [ModerationPipeline]
        public class AutoModerator
        {
            public void Handle(Post post, Diagnostics diagnostics)
            {
                diagnostics.Trace({|#0:post.Body|});
                {|#1:diagnostics.Dump(post)|};
                diagnostics.Count(post);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2002").WithLocation(0)
            .WithMessage("'Post.Body' (user-generated content) is written to a log by ILogger.LogDebug through 'Diagnostics.Trace' in moderation pipeline 'AutoModerator'; log the identifier of the content instead"),
        Verify.Diagnostic("SP2002").WithLocation(1)
            .WithMessage("'Post.Body' (user-generated content) is written to a log by ILogger.LogDebug through 'Diagnostics.Dump' in moderation pipeline 'AutoModerator'; log the identifier of the content instead"));

    [Fact]
    public Task NoDiagnostic_ForIdentifiersPseudonymsOrOtherPersonalData() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        [ModerationPipeline]
        public class AutoModerator
        {
            private readonly ILogger _logger = null!;
            private static readonly byte[] Key = new byte[32];

            public void Handle(Post post, User author)
            {
                _logger.LogInformation("Post {PostId} by {AuthorId}", post.Id, post.AuthorId);
                _logger.LogInformation("Fingerprint {Hash}", Pseudonymise.Hmac(post.Body, Key));
                _logger.LogInformation("Author {Email}", author.Email);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_OutsideModerationPipelines() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;

        public class Feed
        {
            private readonly ILogger _logger = null!;
            public void Render(Post post) => _logger.LogInformation("Rendering {Body}", post.Body);
        }
        {{Model}}
        """);
}
