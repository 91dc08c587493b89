using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SafePrivacy;

namespace Forum;

/// <summary>A moderation case: what was decided about a member, kept to answer appeals.</summary>
[Retention("P1Y", From = RetentionTrigger.CaseClosure, Then = Disposal.Delete, Reference = "Retention schedule §5")]
public sealed class ModerationCase
{
    public Guid Id { get; init; }

    public Guid PostId { get; init; }

    public Guid MemberId { get; init; }

    [PersonalData(DataCategory.ModerationRecord)]
    public string Outcome { get; set; } = string.Empty;
}

/// <summary>The forum's store.</summary>
public sealed class ForumDbContext : DbContext
{
    public ForumDbContext(DbContextOptions<ForumDbContext> options)
        : base(options)
    {
    }

    public DbSet<UserReport> Reports => Set<UserReport>();

    public DbSet<ModerationCase> Cases => Set<ModerationCase>();

    public DbSet<CsamEvidence> Evidence => Set<CsamEvidence>();
}

/// <summary>Keeps user reports and moderation cases.</summary>
[LawfulBasis(LawfulBasis.LegalObligation, Purpose = "Let users report content and record what was decided", Reference = "Online Safety Act 2023 ss.20 and 21")]
public sealed class ReportStore
{
    private readonly ForumDbContext _db;

    public ReportStore(ForumDbContext db) => _db = db;

    public async Task FileAsync(UserReport report, CancellationToken cancellationToken)
    {
        _db.Reports.Add(report);
        await _db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordAsync(ModerationCase decision, CancellationToken cancellationToken)
    {
        _db.Cases.Add(decision);
        await _db.SaveChangesAsync(cancellationToken);
    }
}
