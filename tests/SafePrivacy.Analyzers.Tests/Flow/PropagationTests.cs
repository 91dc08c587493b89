using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Flow;

/// <summary>How personal data moves inside one body, probed through SP2001: each construct carries it, or ends it.</summary>
public sealed class PropagationTests
{
    private const string Model = TestModel.Users;

    private static Task Verify_(string body) => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Subject
        {
            private readonly ILogger _logger = null!;
            private string _last = "";

            public async Task Run(User user, List<User> users, int count)
            {
        {{body}}
                await Task.CompletedTask;
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Concatenation_AndStringFormat() => Verify_("""
                _logger.LogInformation([|"User " + user.Email|]);
                _logger.LogInformation([|string.Format("User {0}", user.DisplayName)|]);
                _logger.LogInformation([|string.Concat("a", user.Email)|]);
                _logger.LogInformation("User " + user.Id);
        """);

    [Fact]
    public Task StringBuilder_AccumulatesWhatIsAppended() => Verify_("""
                var builder = new StringBuilder();
                builder.Append("User ");
                builder.Append(user.Email);
                _logger.LogInformation([|builder.ToString()|]);
                var clean = new StringBuilder().Append("Theme ").Append(user.Theme);
                _logger.LogInformation(clean.ToString());
        """);

    [Fact]
    public Task ToStringAndConversions() => Verify_("""
                object boxed = user.Email;
                _logger.LogInformation([|boxed.ToString()|]!);
                var span = (ReadOnlySpan<char>)user.Email;
                _logger.LogInformation([|span.ToString()|]);
                _logger.LogInformation(user.ToString()!);
        """);

    [Fact]
    public Task TernaryAndCoalescing_CarryEitherBranch() => Verify_("""
                var shown = count > 0 ? user.Email : "nobody";
                _logger.LogInformation([|shown|]);
                var fallback = user.Theme ?? user.DisplayName;
                _logger.LogInformation([|fallback|]);
                var neither = count > 0 ? "a" : "b";
                _logger.LogInformation(neither);
        """);

    [Fact]
    public Task Reassignment_ReplacesWhatALocalCarries() => Verify_("""
                var text = user.Email;
                text = "redacted";
                _logger.LogInformation(text);
                var other = "start";
                other = user.DisplayName;
                _logger.LogInformation([|other|]);
                var appended = "x";
                appended += user.Email;
                _logger.LogInformation([|appended|]);
        """);

    [Fact]
    public Task Branches_JoinWhatEitherPathAssigned() => Verify_("""
                var text = "none";
                if (count > 1)
                {
                    text = user.Email;
                }

                _logger.LogInformation([|text|]);
                var safe = user.Email;
                if (count > 1) { safe = "a"; } else { safe = "b"; }
                _logger.LogInformation(safe);
        """);

    [Fact]
    public Task Tuples_FollowEachElement() => Verify_("""
                var (id, email) = (user.Id, user.Email);
                _logger.LogInformation("{Id}", id);
                _logger.LogInformation([|email|]);
                var pair = (user.Id, user.Email);
                _logger.LogInformation([|pair.ToString()|]);
        """);

    [Fact]
    public Task CollectionsAndJoin() => Verify_("""
                var emails = new List<string> { user.Email };
                _logger.LogInformation([|string.Join(", ", emails)|]);
                string[] names = [user.DisplayName];
                _logger.LogInformation([|names[0]|]);
                var all = users.Select(u => u.Email).ToList();
                _logger.LogInformation([|string.Join(";", all)|]);
                var ids = users.Select(u => u.Id).ToList();
                _logger.LogInformation(string.Join(";", ids));
                _logger.LogInformation("{Count}", users.Count);
        """);

    [Fact]
    public Task AnonymousObjects_PrintTheirMembers() => Verify_("""
                _logger.LogInformation("{Who}", [|new { user.Email }|]);
                _logger.LogInformation("{Who}", new { user.Id });
        """);

    [Fact]
    public Task Loops_ConvergeAndFollowTheLoopVariable() => Verify_("""
                var report = "";
                foreach (var each in users)
                {
                    report += each.Email;
                }

                _logger.LogInformation([|report|]);
                var line = "";
                for (var i = 0; i < count; i++)
                {
                    _logger.LogInformation([|line|]);
                    line = users[i].DisplayName;
                }

                foreach (var each in users)
                {
                    _logger.LogInformation("{Id}", each.Id);
                }
        """);

    [Fact]
    public Task LambdasAndLocalFunctions() => Verify_("""
                Func<User, string> describe = u => u.Email;
                _logger.LogInformation([|describe(user)|]);
                Action log = () => _logger.LogInformation([|user.DisplayName|]);
                string Local(User u) => u.Email;
                _logger.LogInformation([|Local(user)|]);
                void Inner() => _logger.LogInformation([|user.Email|]);
                Inner();
        """);

    [Fact]
    public Task Await_CarriesTheResult() => Verify_("""
                var email = await Task.FromResult(user.Email);
                _logger.LogInformation([|email|]);
        """);

    [Fact]
    public Task PatternsAndSwitchExpressions() => Verify_("""
                if (user is { Email: var email })
                {
                    _logger.LogInformation([|email|]);
                }

                var label = count switch { 0 => user.DisplayName, _ => "many" };
                _logger.LogInformation([|label|]);
                object boxed = user.Email;
                if (boxed is string text)
                {
                    _logger.LogInformation([|text|]);
                }
        """);

    [Fact]
    public Task FieldsOfThisAreFollowedWithinTheBody() => Verify_("""
                _last = user.Email;
                _logger.LogInformation([|_last|]);
        """);

    [Fact]
    public Task TryCatchJoinsBothPaths() => Verify_("""
                var text = "none";
                try
                {
                    text = user.Email;
                }
                catch (InvalidOperationException)
                {
                    text = "failed";
                }

                _logger.LogInformation([|text|]);
        """);

    [Fact]
    public Task NonIdentifyingProjectionsEndTheFlow() => Verify_("""
                _logger.LogInformation("{Length}", user.Email.Length);
                _logger.LogInformation("{At}", user.Email.IndexOf('@'));
                _logger.LogInformation("{Has}", user.Email.Contains("@"));
                _logger.LogInformation("{Same}", user.Email == "x");
                _logger.LogInformation([|user.Email.ToUpperInvariant()|]);
                _logger.LogInformation([|user.Email.Substring(0, 3)|]);
        """);

    [Fact]
    public Task RedactAndPseudonymise() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Subject
        {
            public void Run(ILogger logger, User user, byte[] key)
            {
                logger.LogInformation("{Email}", Redact.Value(user.Email));
                logger.LogInformation("{Email}", {|#0:Pseudonymise.Hmac(user.Email, key)|});
                logger.LogInformation("{Email}", Sanitiser.Mask(user.Email));
            }
        }

        public static class Sanitiser
        {
            [Redacts]
            public static string Mask(string value) => "***";
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("pseudonymised 'User.Email' (pseudonymous identifier) is written to a log by ILogger.LogInformation with no [LawfulBasis] in scope; declare the basis on 'Subject.Run' or its type, or log an identifier instead"));
}
