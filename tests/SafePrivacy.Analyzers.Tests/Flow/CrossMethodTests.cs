using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Flow;

/// <summary>Flows across methods of the compilation: helpers that return data, helpers that sink a parameter.</summary>
public sealed class CrossMethodTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task HelperThatLogsItsParameter_IsASinkForCallers() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class AuditLog
        {
            private readonly ILogger _logger = null!;
            public void Record(string action, string detail) => _logger.LogInformation("{Action}: {Detail}", action, detail);
        }

        public class Accounts
        {
            public void Register(AuditLog audit, User user)
            {
                audit.Record("register", {|#0:user.Email|});
                audit.Record(user.Theme, user.Id.ToString());
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is written to a log by ILogger.LogInformation through 'AuditLog.Record' with no [LawfulBasis] in scope; declare the basis on 'Accounts.Register' or its type, or log an identifier instead"));

    [Fact]
    public Task HelperWithItsOwnBasis_CoversWhatItLogs() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class AuditLog
        {
            private readonly ILogger _logger = null!;

            [LawfulBasis(LawfulBasis.LegalObligation, Purpose = "Keep an audit trail", Reference = "Online Safety Act 2023 s.23")]
            public void Record(string detail) => _logger.LogInformation("{Detail}", detail);
        }

        public class Accounts
        {
            public void Register(AuditLog audit, User user) => audit.Record(user.Email);
        }
        {{Model}}
        """);

    [Fact]
    public Task ChainsOfHelpers_AreFollowedAndNamed() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public static class Chain
        {
            public static ILogger Logger = null!;
            public static string Wrap(string s) => "[" + s + "]";
            public static void A(string s) => B(Wrap(s));
            public static void B(string s) => C(s.Trim());
            private static void C(string s) => Logger.LogWarning(s);
        }

        public class Accounts
        {
            public void Register(User user) => Chain.A({|#0:user.Email|});
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is written to a log by ILogger.LogWarning through 'Chain.A → Chain.B → Chain.C' with no [LawfulBasis] in scope; declare the basis on 'Accounts.Register' or its type, or log an identifier instead"));

    [Fact]
    public Task Recursion_IsBoundedAndStillFollowed() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;

        public static class Recursive
        {
            public static ILogger Logger = null!;

            public static string Repeat(string s, int n) => n <= 0 ? s : Repeat(s + s, n - 1);

            public static void Ping(string s, int n) { if (n > 0) Pong(s, n - 1); else Logger.LogInformation(s); }

            public static void Pong(string s, int n) => Ping(s, n);
        }

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                logger.LogInformation([|Recursive.Repeat(user.Email, 3)|]);
                Recursive.Ping([|user.DisplayName|], 3);
                logger.LogInformation(Recursive.Repeat("x", 3));
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task ComputedPropertiesAndSetters_AreSummarisedLikeMethods() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;

        public class Card
        {
            private readonly ILogger _logger = null!;
            public User Owner { get; set; } = new();
            public string Label => Owner.DisplayName + " <" + Owner.Email + ">";
            public string Code => "C" + Owner.Id;
            public string Note { set => _logger.LogInformation(value); }
        }

        public class Wallet
        {
            public void Run(ILogger logger, Card card, User user)
            {
                logger.LogInformation([|card.Label|]);
                logger.LogInformation(card.Code);
                card.Note = [|user.Email|];
                card.Note = user.Theme;
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task ToStringOverridesThatPrintPersonalMembers_Leak() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Subscriber
        {
            public int Id { get; set; }
            [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
            public override string ToString() => $"{Id} <{Email}>";
        }

        public class Account
        {
            public int Id { get; set; }
            [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
            public override string ToString() => $"Account {Id}";
        }

        public class Newsletter
        {
            public void Run(ILogger logger, Subscriber subscriber, Account account)
            {
                logger.LogInformation("{Subscriber}", [|subscriber|]);
                logger.LogInformation([|$"Sent to {subscriber}"|]);
                logger.LogInformation("{Account}", account);
                logger.LogInformation($"Sent to {account}");
            }
        }
        {{Model}}
        """);
}
