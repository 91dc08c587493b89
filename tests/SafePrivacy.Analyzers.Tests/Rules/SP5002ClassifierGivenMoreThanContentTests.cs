using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.ClassifierGivenMoreThanContentAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP5002ClassifierGivenMoreThanContentTests
{
    private const string Model = """
        public class Member
        {
            public int Id { get; set; }
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] public string Email { get; set; } = "";
        }

        public class Post
        {
            public int Id { get; set; }
            public Member Author { get; set; } = new();
            [SafePrivacy.UserGeneratedContent] public string Body { get; set; } = "";
        }

        public class PostContent
        {
            public int PostId { get; set; }
            [SafePrivacy.UserGeneratedContent] public string Body { get; set; } = "";
        }

        [SafePrivacy.ModerationClassifier]
        public interface IToxicityClassifier
        {
            double Score(Post post);
            double Score(PostContent content);
            double Score(string text);
            double Score(string text, string authorEmail);
        }
        """;

    [Fact]
    public Task Diagnostic_ForAPostWithItsAuthorOrAPersonalArgumentNextToTheContent() => Verify.VerifyAnalyzerAsync(
        $$"""
        public class AutoModerator
        {
            public void Handle(IToxicityClassifier classifier, Post post)
            {
                classifier.Score({|#0:post|});
                classifier.Score(post.Body, {|#1:post.Author.Email|});
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP5002").WithLocation(0)
            .WithMessage("Classifier 'IToxicityClassifier.Score' is given the whole 'Post' with Author, personal data beyond the content it classifies; pass only the content, or justify the context it needs"),
        Verify.Diagnostic("SP5002").WithLocation(1)
            .WithMessage("Classifier 'IToxicityClassifier.Score' is given 'Post.Author → Member.Email' (contact details), personal data beyond the content it classifies; pass only the content, or justify the context it needs"));

    [Fact]
    public Task NoDiagnostic_ForTheContentAContentOnlyTypeOrAPseudonym() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        public class AutoModerator
        {
            private static readonly byte[] Key = new byte[32];

            public void Handle(IToxicityClassifier classifier, Post post)
            {
                classifier.Score(post.Body);
                classifier.Score(new PostContent { PostId = post.Id, Body = post.Body });
                classifier.Score(post.Body, Pseudonymise.Hmac(post.Author.Email, Key));
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForAnLlmOrModerationApiGivenTheAuthorInsideAModerationPipeline() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using OpenAI.Moderations;
        using SafePrivacy;

        [ModerationPipeline]
        public class LlmModerator
        {
            public async Task Handle(IChatClient chat, ModerationClient moderation, Post post)
            {
                await chat.GetResponseAsync({|#0:$"Is this post by {post.Author.Email} abusive? {post.Body}"|});
                await chat.GetResponseAsync([|JsonSerializer.Serialize(post)|]);
                await moderation.ClassifyTextAsync({|#1:post.Author.Email + ": " + post.Body|});

                await chat.GetResponseAsync($"Is this post abusive? {post.Body}");
                await moderation.ClassifyTextAsync(post.Body);
                await chat.GetResponseAsync(JsonSerializer.Serialize(new PostContent { PostId = post.Id, Body = post.Body }));
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP5002").WithLocation(0)
            .WithMessage("Classifier 'IChatClient.GetResponseAsync' is given 'Post.Author → Member.Email' (contact details), personal data beyond the content it classifies; pass only the content, or justify the context it needs"),
        Verify.Diagnostic("SP5002").WithLocation(1)
            .WithMessage("Classifier 'ModerationClient.ClassifyTextAsync' is given 'Post.Author → Member.Email' (contact details), personal data beyond the content it classifies; pass only the content, or justify the context it needs"));

    [Fact]
    public Task NoDiagnostic_ForAnLlmGivenAUserOutsideAModerationPipeline() => Verify.VerifyAnalyzerAsync($$"""
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;

        public class WelcomeNotes
        {
            public Task<ChatResponse> Draft(IChatClient chat, Post post) =>
                chat.GetResponseAsync($"Write a welcome note for {post.Author.Email} about {post.Body}");
        }
        {{Model}}
        """);
}
