using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SafePrivacy;

namespace Forum;

/// <summary>Signs members up and records the sign-up.</summary>
public sealed class Registration
{
    private static readonly ActivitySource Tracing = new("Forum.Registration");
    private readonly ILogger<Registration> _logger;

    public Registration(ILogger<Registration> logger) => _logger = logger;

    public Member Register([PersonalData(DataCategory.Name)] string displayName, [PersonalData(DataCategory.Contact)] string email)
    {
        var member = new Member { Id = Guid.NewGuid(), DisplayName = displayName, Email = email };
        using var activity = Tracing.StartActivity("register");

        // The member's identifier, not their address: enough to trace a sign-up, nothing to leak.
        _logger.LogInformation("Registered {MemberId}", member.Id);
        activity?.SetTag("member.id", member.Id);
        return member;
    }

    public void Confirm(Member member, string code)
    {
        if (code.Length != 6)
        {
            throw new ArgumentException($"Bad confirmation code for member {member.Id}", nameof(code));
        }
    }
}

/// <summary>What the member directory shows; its ToString names the member, not their address.</summary>
public sealed record MemberSummary(Guid Id, [property: PersonalData(DataCategory.Contact)] string Email)
{
    public override string ToString() => $"Member {Id}";
}
