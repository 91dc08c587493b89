using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP2001PersonalDataLoggedTests
{
    private const string Model = """
        public sealed class User
        {
            public int Id { get; set; }
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] public string Email { get; set; } = "";
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Name)] public string DisplayName { get; set; } = "";
            public string Theme { get; set; } = "";
        }
        """;

    [Fact]
    public Task Diagnostic_WhenValuePassesThroughThreeLocalsAndAnInterpolatedStringIntoLogWarning() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                var first = user.Email;
                var second = first;
                string third;
                third = second.Trim();
                logger.LogWarning({|#0:$"Registered {third}"|});
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is written to a log by ILogger.LogWarning with no [LawfulBasis] in scope; declare the basis on 'Accounts.Register' or its type, or log an identifier instead"));

    [Fact]
    public Task NoDiagnostic_WhenTheSameValuePassesThroughRedactValue() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                var first = user.Email;
                var second = Redact.Value(first);
                var third = second;
                logger.LogWarning($"Registered {third}");
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_WhenAHelperReturnsPersonalDataThatIsLogged() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            private static string Describe(User u) => $"{u.Email}";

            public void Register(ILogger logger, User user)
            {
                logger.LogInformation({|#0:Describe(user)|});
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is written to a log by ILogger.LogInformation with no [LawfulBasis] in scope; declare the basis on 'Accounts.Register' or its type, or log an identifier instead"));

    [Fact]
    public Task NoDiagnostic_WhenSinksReceiveNonPersonalValues() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, Serilog.ILogger serilog, NLog.Logger nlog, User user)
            {
                var id = user.Id;
                logger.LogInformation("Registered {UserId} with theme {Theme}", id, user.Theme);
                logger.LogWarning($"Registered {user.Id}");
                serilog.Information("Registered {UserId}", user.Id);
                Serilog.Log.Warning("Registered {@User}", new { user.Id, user.Theme });
                nlog.Info("Registered {UserId}", user.Id);
                Console.WriteLine("Registered " + user.Id);
                Debug.WriteLine($"Email length {user.Email.Length}");
                Trace.TraceInformation("Registered {0}", user.Email.Contains('@'));
                logger.LogInformation("Registered {User}", user);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_WhenBasisDeclaredOnMethodTypeOrAssembly() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        [assembly: LawfulBasis(LawfulBasis.Contract, Purpose = "Provide accounts")]

        public class Accounts
        {
            public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", user.Email);
        }
        {{Model}}
        """);
}
