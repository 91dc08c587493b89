using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.VisibleRecipientsAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP4003VisibleRecipientsTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task Diagnostic_WhenPeopleAreAddedToToInALoop() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Collections.Generic;
        using System.Net.Mail;

        public class Programme
        {
            public MailMessage Invite(IEnumerable<User> participants)
            {
                var message = new MailMessage { From = new MailAddress("programme@ymca.example"), Subject = "Next session" };
                foreach (var person in participants)
                {
                    message.To.Add({|#0:person.Email|});
                }

                return message;
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4003").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is put in the visible To list of one email inside a loop, so every recipient sees the others' addresses; use Bcc or send one message per recipient"));

    [Fact]
    public Task Diagnostic_ForAJoinedListAndForSeveralPeopleInToAndCC() => Verify.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Mail;

        public class Notices
        {
            public void Send(List<User> people, User first, User second, SmtpClient smtp)
            {
                var joined = new MailMessage();
                joined.To.Add([|string.Join(",", people.Select(p => p.Email))|]);

                var pair = new MailMessage();
                pair.To.Add([|first.Email|]);
                pair.CC.Add([|new MailAddress(second.Email)|]);

                var direct = new MailMessage("notices@forum.example", [|string.Join(",", people.Select(p => p.Email))|]);
                smtp.Send(pair);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_ForOneRecipientASupportAddressWithPeopleInBccOrOneMessageEach() => Verify.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.Net.Mail;

        public class Notices
        {
            public void Send(List<User> people, User member, SmtpClient smtp)
            {
                var single = new MailMessage("notices@forum.example", member.Email);
                smtp.Send(single);

                var blind = new MailMessage();
                blind.To.Add("support@forum.example");
                foreach (var person in people)
                {
                    blind.Bcc.Add(person.Email);
                }

                foreach (var person in people)
                {
                    using var each = new MailMessage();
                    each.To.Add(person.Email);
                    smtp.Send(each);
                }
            }
        }
        {{Model}}
        """);
}
