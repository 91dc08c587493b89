using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.AutomatedSignificantDecisionAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP5001AutomatedSignificantDecisionTests
{
    private const string Actions = """
        public interface IAccounts
        {
            void Ban(int memberId);
            void Suspend(int memberId);
            void Hide(int postId);
        }

        public sealed class Accounts : IAccounts
        {
            [SafePrivacy.ModerationAction(SafePrivacy.ModerationEffect.AccountBan)]
            public void Ban(int memberId) { }

            [SafePrivacy.ModerationAction(SafePrivacy.ModerationEffect.AccountSuspension)]
            public void Suspend(int memberId) { }

            [SafePrivacy.ModerationAction(SafePrivacy.ModerationEffect.RestrictVisibility)]
            public void Hide(int postId) { }
        }
        """;

    [Fact]
    public Task Diagnostic_AtTheCallThatTakesEffect_NamingThePathThroughAnInterface() => Verify.VerifyAnalyzerAsync(
        $$"""
        using SafePrivacy;

        [ModerationPipeline]
        public class AutoModerator
        {
            private readonly Enforcement _enforcement = new();
            public void Handle(int memberId, double score) { if (score > 0.9) _enforcement.Apply(memberId); }
        }

        public class Enforcement
        {
            private readonly IAccounts _accounts = new Accounts();
            public void Apply(int memberId) => {|#0:_accounts.Ban(memberId)|};
        }
        {{Actions}}
        """,
        Verify.Diagnostic("SP5001").WithLocation(0)
            .WithMessage("'Accounts.Ban' (account ban) is reached from moderation pipeline 'AutoModerator.Handle' with no [HumanReview] on the path AutoModerator.Handle → Enforcement.Apply → Accounts.Ban; route the decision through a member where a person reviews it before it takes effect"));

    [Fact]
    public Task Diagnostic_InsideThePipelineItself() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        public class Spam
        {
            [ModerationPipeline]
            public void Handle(Accounts accounts, int memberId) => [|accounts.Suspend(memberId)|];
        }
        {{Actions}}
        """);

    [Fact]
    public Task NoDiagnostic_WhenTheSignificantPathPassesThroughHumanReview() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        [ModerationPipeline]
        public class AutoModerator
        {
            private readonly ReviewQueue _queue = new();
            public void Handle(int memberId) => _queue.Enqueue(memberId);
        }

        public class ReviewQueue
        {
            private readonly ModeratorDesk _desk = new();
            public void Enqueue(int memberId) => _desk.Decide(memberId, approved: true);
        }

        [HumanReview]
        public class ModeratorDesk
        {
            private readonly IAccounts _accounts = new Accounts();
            public void Decide(int memberId, bool approved) { if (approved) _accounts.Ban(memberId); }
        }
        {{Actions}}
        """);

    [Fact]
    public Task NoDiagnostic_ForNonSignificantActionsOrCodeNoPipelineReaches() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        [ModerationPipeline]
        public class AutoModerator
        {
            private readonly IAccounts _accounts = new Accounts();
            public void Handle(int postId) => _accounts.Hide(postId);
        }

        public class AdminTools
        {
            private readonly IAccounts _accounts = new Accounts();
            public void BanFromAdminConsole(int memberId) => _accounts.Ban(memberId);
        }
        {{Actions}}
        """);

    [Fact]
    public Task Recursion_InTheCallGraphIsHandled() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        [ModerationPipeline]
        public class AutoModerator
        {
            public void Handle(int memberId, int depth) => Escalate(memberId, depth);
            private void Escalate(int memberId, int depth) { if (depth > 0) Handle(memberId, depth - 1); else Helper.Act(memberId); }
        }

        public static class Helper
        {
            public static void Act(int memberId) { if (memberId < 0) Act(memberId + 1); else [|new Accounts().Ban(memberId)|]; }
        }
        {{Actions}}
        """);
}
