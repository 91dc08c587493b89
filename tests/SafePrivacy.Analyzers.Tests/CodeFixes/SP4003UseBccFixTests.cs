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

    private const string MimeRecipients = """
        using System.Collections.Generic;
        using System.Linq;
        using MimeKit;

        public class Notices
        {
            public void Send(List<User> people, User first, User second)
            {
                var message = new MimeMessage();
                message.Cc.AddRange([|people.Select(p => MailboxAddress.Parse(p.Email))|]);
                var pair = new MimeMessage();
                pair.To.Add([|MailboxAddress.Parse(first.Email)|]);
                pair.Cc.Add([|MailboxAddress.Parse(second.Email)|]);
            }
        }
        """;

    // MimeKit's To and Cc lists move to its Bcc list; as above, one move at a time leaves the last one alone.
    [Fact]
    public Task CodeFix_MovesMimeKitRecipientsToBcc() => new Verify.Test
    {
        TestCode = MimeRecipients + Model,
        FixedCode = MimeRecipients.Replace("message.Cc.AddRange([|", "message.Bcc.AddRange(", StringComparison.Ordinal)
            .Replace("p.Email))|]);", "p.Email)));", StringComparison.Ordinal)
            .Replace("pair.To.Add([|MailboxAddress.Parse(first.Email)|])", "pair.Bcc.Add(MailboxAddress.Parse(first.Email))", StringComparison.Ordinal)
            .Replace("[|MailboxAddress.Parse(second.Email)|]", "MailboxAddress.Parse(second.Email)", StringComparison.Ordinal) + Model,
        BatchFixedCode = MimeRecipients.Replace("message.Cc.AddRange([|", "message.Bcc.AddRange(", StringComparison.Ordinal)
            .Replace("p.Email))|]);", "p.Email)));", StringComparison.Ordinal)
            .Replace("pair.To.Add([|MailboxAddress.Parse(first.Email)|])", "pair.Bcc.Add(MailboxAddress.Parse(first.Email))", StringComparison.Ordinal)
            .Replace("pair.Cc.Add([|MailboxAddress.Parse(second.Email)|])", "pair.Bcc.Add(MailboxAddress.Parse(second.Email))", StringComparison.Ordinal) + Model,
    }.RunAsync();

    [Fact]
    public Task CodeFix_MovesSendGridCcToBcc_AndLeavesItsToAlone() => Verify.VerifyCodeFixAsync(
        $$"""
        using SendGrid.Helpers.Mail;

        public class Notices
        {
            public void Send(User first, User second)
            {
                var message = new SendGridMessage();
                message.AddTo([|first.Email|]);
                message.AddCc([|second.Email|], second.DisplayName);
            }
        }
        {{Model}}
        """,
        $$"""
        using SendGrid.Helpers.Mail;

        public class Notices
        {
            public void Send(User first, User second)
            {
                var message = new SendGridMessage();
                message.AddTo(first.Email);
                message.AddBcc(second.Email, second.DisplayName);
            }
        }
        {{Model}}
        """);
}
