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

        // Mistake: everyone in "To" sees everyone else — and that they were in a removed thread.
        foreach (var member in participants)
        {
            message.To.Add(member.Email); // ⚠ SP4003
        }

        _smtp.Send(message);
    }
}
