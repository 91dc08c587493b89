using System;
using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.VisibleRecipientsAnalyzer, SafePrivacy.CodeFixes.Rules.UseBccCodeFixProvider>;

namespace SafePrivacy.Analyzers.Tests.CodeFixes;

public sealed class SP4003UseBccFixTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task CodeFix_MovesTheRecipientToBcc() => Verify.VerifyCodeFixAsync(
        $$"""
        using System.Collections.Generic;
        using System.Net.Mail;

        public class Notices
        {
            public void Send(IEnumerable<User> people)
            {
                var message = new MailMessage();
                foreach (var person in people)
                {
                    message.To.Add([|person.Email|]);
                }
            }
        }
        {{Model}}
        """,
        $$"""
        using System.Collections.Generic;
        using System.Net.Mail;

        public class Notices
        {
            public void Send(IEnumerable<User> people)
            {
                var message = new MailMessage();
                foreach (var person in people)
                {
                    message.Bcc.Add(person.Email);
                }
            }
        }
        {{Model}}
        """);

    private const string TwoRecipients = """
        using System.Net.Mail;

        public class Notices
        {
            public void Send(User first, User second)
            {
                var message = new MailMessage();
                message.To.Add([|first.Email|]);
                message.CC.Add([|second.Email|]);
            }
        }
        """;

    // One at a time, the first move leaves a single visible recipient, which is no longer a finding; Fix All moves
    // every recipient reported at once.
    [Fact]
    public Task FixAll_MovesToAndCCRecipients() => new Verify.Test
    {
        TestCode = TwoRecipients + Model,
        FixedCode = TwoRecipients.Replace("message.To.Add([|first.Email|])", "message.Bcc.Add(first.Email)", StringComparison.Ordinal)
            .Replace("[|second.Email|]", "second.Email", StringComparison.Ordinal) + Model,
        BatchFixedCode = TwoRecipients.Replace("message.To.Add([|first.Email|])", "message.Bcc.Add(first.Email)", StringComparison.Ordinal)
            .Replace("message.CC.Add([|second.Email|])", "message.Bcc.Add(second.Email)", StringComparison.Ordinal) + Model,
    }.RunAsync();
}
