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

    [Fact]
    public Task Diagnostic_ForSeveralPeopleInOneMimeMessage() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Collections.Generic;
        using System.Linq;
        using MimeKit;

        public class Programme
        {
            public MimeMessage Invite(List<User> participants, User first, User second)
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress("Programme", "programme@ymca.example"));
                foreach (var person in participants)
                {
                    message.To.Add({|#0:new MailboxAddress(person.DisplayName, person.Email)|});
                }

                var listed = new MimeMessage();
                listed.Cc.AddRange({|#1:participants.Select(p => MailboxAddress.Parse(p.Email))|});

                var pair = new MimeMessage();
                pair.To.Add([|MailboxAddress.Parse(first.Email)|]);
                pair.Cc.Insert(0, [|MailboxAddress.Parse(second.Email)|]);

                var built = new MimeMessage(
                    new[] { new MailboxAddress("Programme", "programme@ymca.example") },
                    [|participants.Select(p => new MailboxAddress(p.DisplayName, p.Email))|],
                    "Next session",
                    new TextPart("plain") { Text = "See you on Tuesday" });
                return message;
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4003").WithLocation(0)
            .WithMessage("'User.DisplayName' (name) together with 'User.Email' (contact details) is put in the visible To list of one email inside a loop, so every recipient sees the others' addresses; use Bcc or send one message per recipient"),
        Verify.Diagnostic("SP4003").WithLocation(1)
            .WithMessage("'User.Email' (contact details) is put in the visible Cc list of one email as a list of addresses, so every recipient sees the others' addresses; use Bcc or send one message per recipient"));

    [Fact]
    public Task NoDiagnostic_ForMimeMessagesWithPeopleInBccOrOneEach() => Verify.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MimeKit;

        public class Programme
        {
            public async Task Invite(List<User> participants, User member, SmtpClient smtp)
            {
                var blind = new MimeMessage();
                blind.To.Add(new MailboxAddress("Programme", "programme@ymca.example"));
                blind.Bcc.AddRange(participants.Select(p => MailboxAddress.Parse(p.Email)));
                foreach (var person in participants)
                {
                    blind.Bcc.Add(MailboxAddress.Parse(person.Email));
                }

                foreach (var person in participants)
                {
                    using var each = new MimeMessage();
                    each.To.Add(new MailboxAddress(person.DisplayName, person.Email));
                    await smtp.SendAsync(each);
                }

                var single = new MimeMessage();
                single.To.Add(MailboxAddress.Parse(member.Email));
                single.From.Add(MailboxAddress.Parse("programme@ymca.example"));
                var one = new MimeMessage(
                    new[] { MailboxAddress.Parse("programme@ymca.example") },
                    new[] { MailboxAddress.Parse(member.Email) },
                    "Your place",
                    new TextPart("plain") { Text = "Confirmed" });
                await smtp.SendAsync(single);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForSendGridRecipientsSharingOnePersonalisation() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Collections.Generic;
        using System.Linq;
        using SendGrid.Helpers.Mail;

        public class Programme
        {
            public void Invite(List<User> participants, User first, User second)
            {
                var from = new EmailAddress("programme@ymca.example", "Programme");
                var shown = MailHelper.CreateSingleEmailToMultipleRecipients(
                    from, {|#0:participants.Select(p => new EmailAddress(p.Email, p.DisplayName)).ToList()|}, "Next session", "See you", "<p>See you</p>", showAllRecipients: true);

                var message = new SendGridMessage();
                message.SetFrom(from);
                foreach (var person in participants)
                {
                    message.AddTo([|new EmailAddress(person.Email)|]);
                }

                var pair = new SendGridMessage();
                pair.AddTo([|first.Email|]);
                pair.AddCc({|#1:second.Email|}, second.DisplayName);

                var listed = new SendGridMessage();
                listed.AddTos([|participants.Select(p => new EmailAddress(p.Email)).ToList()|]);

                var sameIndex = new SendGridMessage();
                sameIndex.AddTo([|new EmailAddress(first.Email)|], 1);
                sameIndex.AddTo([|new EmailAddress(second.Email)|], 1);

                var written = new Personalization { Tos = [|participants.Select(p => new EmailAddress(p.Email)).ToList()|] };
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4003").WithLocation(0)
            .WithMessage("'User.DisplayName' (name) together with 'User.Email' (contact details) is put in the visible To list of one email as a list of addresses, so every recipient sees the others' addresses; use Bcc or send one message per recipient"),
        Verify.Diagnostic("SP4003").WithLocation(1)
            .WithMessage("'User.Email' (contact details) is put in the visible Cc list of one email next to other people's addresses, so every recipient sees the others' addresses; use Bcc or send one message per recipient"));

    [Fact]
    public Task NoDiagnostic_ForSendGridsSeparatePersonalisationsBccAndOneMessageEach() => Verify.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.Linq;
        using SendGrid.Helpers.Mail;

        public class Programme
        {
            public void Invite(List<User> participants, User member)
            {
                var from = new EmailAddress("programme@ymca.example", "Programme");
                var tos = participants.Select(p => new EmailAddress(p.Email, p.DisplayName)).ToList();
                var separate = MailHelper.CreateSingleEmailToMultipleRecipients(from, tos, "Next session", "See you", "<p>See you</p>");
                var hidden = MailHelper.CreateSingleEmailToMultipleRecipients(from, tos, "Next session", "See you", "<p>See you</p>", showAllRecipients: false);
                var templated = MailHelper.CreateSingleTemplateEmailToMultipleRecipients(from, tos, "d-123", new { Session = "Tuesday" });

                var indexed = new SendGridMessage();
                for (var i = 0; i < participants.Count; i++)
                {
                    indexed.AddTo(new EmailAddress(participants[i].Email), i);
                }

                var personalised = new SendGridMessage();
                foreach (var person in participants)
                {
                    var personalisation = new Personalization();
                    personalised.AddTo(new EmailAddress(person.Email), personalization: personalisation);
                }

                var blind = new SendGridMessage();
                blind.AddTo("programme@ymca.example");
                blind.AddBccs(tos);

                var single = MailHelper.CreateSingleEmail(from, new EmailAddress(member.Email), "Your place", "Confirmed", "<p>Confirmed</p>");
                var one = new SendGridMessage();
                one.AddTo(member.Email, member.DisplayName);
                var listOfOne = new SendGridMessage();
                listOfOne.AddTos(new List<EmailAddress> { new EmailAddress(member.Email) });
                var ownPersonalisation = new Personalization { Tos = new List<EmailAddress> { new EmailAddress(member.Email) } };
            }
        }
        {{Model}}
        """);
}
