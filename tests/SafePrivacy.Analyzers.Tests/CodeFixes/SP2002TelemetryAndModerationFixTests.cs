using System.Threading.Tasks;
using ModerationIdentifier = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.ContentLoggedInModerationAnalyzer, SafePrivacy.CodeFixes.Rules.UseIdentifierCodeFixProvider>;
using ModerationRedact = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.ContentLoggedInModerationAnalyzer, SafePrivacy.CodeFixes.Rules.RedactValueCodeFixProvider>;
using TelemetryIdentifier = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PersonalDataInTelemetryAnalyzer, SafePrivacy.CodeFixes.Rules.UseIdentifierCodeFixProvider>;
using TelemetryRedact = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PersonalDataInTelemetryAnalyzer, SafePrivacy.CodeFixes.Rules.RedactValueCodeFixProvider>;

namespace SafePrivacy.Analyzers.Tests.CodeFixes;

/// <summary>The data-hiding fixes on the other rules that claim them: content logged in moderation (SP2002) and telemetry (SP2004).</summary>
public sealed class SP2002TelemetryAndModerationFixTests
{
    private const string Model = TestModel.Users;

    private const string Pipeline = """
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        [ModerationPipeline]
        [LawfulBasis(LawfulBasis.LegalObligation, Purpose = "Remove illegal content", Reference = "Online Safety Act 2023 s.10")]
        public class AutoModerator
        {
            private readonly ILogger _logger = null!;

            public void Handle(Post post)
            {
                _logger.LogInformation("Scoring post {Post}", [|post.Body|]);
                _logger.LogInformation("Scored post {Post}", [|post.Body|]);
            }
        }
        """;

    private const string Tracing = """
        using System.Diagnostics;

        public class Accounts
        {
            private static readonly ActivitySource Source = new("Accounts");

            public void Register(User user)
            {
                using var activity = Source.StartActivity("register");
                activity?.SetTag("user", [|user.Email|]);
                activity?.AddTag("user.name", [|user.DisplayName|]);
            }
        }
        """;

    [Fact]
    public Task FixAll_ModerationLogsThePostIdentifier() => ModerationIdentifier.VerifyFixAllAsync(
        Pipeline + Model,
        Pipeline.Replace("[|post.Body|]", "post.Id") + Model);

    [Fact]
    public Task FixAll_ModerationRedactsTheContent() => ModerationRedact.VerifyFixAllAsync(
        Pipeline + Model,
        Pipeline.Replace("[|post.Body|]", "Redact.Value(post.Body)") + Model);

    // AddTag(string, string?) takes no int: the identifier would not compile there, so that finding stays.
    [Fact]
    public Task FixAll_TelemetryTagsTheUserIdentifierWhereItFits() => TelemetryIdentifier.VerifyFixAllAsync(
        Tracing + Model,
        Tracing.Replace("[|user.Email|]", "user.Id") + Model);

    [Fact]
    public Task FixAll_TelemetryRedactsTheTags() => TelemetryRedact.VerifyFixAllAsync(
        Tracing + Model,
        Tracing.Replace("using System.Diagnostics;", "using System.Diagnostics;\nusing SafePrivacy;").Replace("[|user.Email|]", "Redact.Value(user.Email)").Replace("[|user.DisplayName|]", "Redact.Value(user.DisplayName)") + Model);
}
