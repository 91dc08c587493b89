using System.Collections.Generic;
using System.Net.Mail;

namespace Forum;

/// <summary>Emails members who took part in a thread that moderators removed.</summary>
public sealed class SafetyNotices
{
    private readonly SmtpClient _smtp;

    public SafetyNotices(SmtpClient smtp) => _smtp = smtp;

    public void NotifyParticipants(IEnumerable<Member> participants, string subject, string body)
    {
        using var message = new MailMessage { From = new MailAddress("safety@forum.example"), Subject = subject, Body = body };

        // The service's own address is the one everybody sees; the members are blind copies.
        message.To.Add("safety@forum.example");
        foreach (var member in participants)
        {
            message.Bcc.Add(member.Email);
        }

        _smtp.Send(message);
    }
}
