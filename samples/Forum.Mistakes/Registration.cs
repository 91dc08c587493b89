using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SafePrivacy;

namespace Forum;

/// <summary>Sends new members their welcome pack.</summary>
// Mistake: legitimate interests with no assessment behind it.
[LawfulBasis(LawfulBasis.LegitimateInterests, Purpose = "Welcome new members")] // ⚠ SP1001
public sealed class Welcome
{
}

/// <summary>Signs members up and records the sign-up.</summary>
// Mistake: no lawful basis declared for registration at all.
public sealed class Registration
{
    private static readonly ActivitySource Tracing = new("Forum.Registration");
    private readonly ILogger<Registration> _logger;

    public Registration(ILogger<Registration> logger) => _logger = logger;

    public Member Register([PersonalData(DataCategory.Name)] string displayName, [PersonalData(DataCategory.Contact)] string email)
    {
        var member = new Member { Id = Guid.NewGuid(), DisplayName = displayName, Email = email };
        using var activity = Tracing.StartActivity("register");

        // Mistake: the member's email address in the log …
        _logger.LogInformation("Registered {Email}", member.Email); // ⚠ SP2001

        // … and in a trace tag, shipped to the monitoring vendor.
        activity?.SetTag("member.email", member.Email); // ⚠ SP2004
        return member;
    }

    public void Confirm(Member member, string code)
    {
        if (code.Length != 6)
        {
            // Mistake: the exception message carries the email wherever the exception goes.
            throw new ArgumentException($"Bad confirmation code for {member.Email}", nameof(code)); // ⚠ SP2003
        }
    }
}

/// <summary>What the member directory shows.</summary>
// Mistake: the record's generated ToString prints the email into every log line it appears in.
public sealed record MemberSummary(Guid Id, [property: PersonalData(DataCategory.Contact)] string Email); // ⚠ SP2005
