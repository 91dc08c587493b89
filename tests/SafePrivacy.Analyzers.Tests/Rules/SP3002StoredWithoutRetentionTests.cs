using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.StoredWithoutRetentionAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP3002StoredWithoutRetentionTests
{
    [Fact]
    public Task Diagnostic_OnEachStoreAndOnceOnTheDbSet_WhenTheEntityHasNoRetention() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.EntityFrameworkCore;
        using SafePrivacy;

        public class Report
        {
            public int Id { get; set; }
            [UserGeneratedContent] public string Reason { get; set; } = "";
        }

        public class Setting { public int Id { get; set; } public string Theme { get; set; } = ""; }

        public class ForumContext : DbContext
        {
            public DbSet<Report> {|#0:Reports|} => Set<Report>();
            public DbSet<Setting> Settings => Set<Setting>();
        }

        public class Reports
        {
            public void File(ForumContext db, Report report, Setting setting)
            {
                db.Reports.Add({|#1:report|});
                db.Settings.Add(setting);
            }
        }
        """,
        Verify.Diagnostic("SP3002").WithLocation(0)
            .WithMessage("Entity 'Report' holds personal data (Reason) and is stored through 'ForumContext.Reports' with no [Retention]; declare how long it is kept on the entity, the context or the assembly"),
        Verify.Diagnostic("SP3002").WithLocation(1)
            .WithMessage("the whole 'Report' (holds Reason) is stored by DbSet.Add with no [Retention] in scope; declare how long it is kept, such as [Retention(\"P90D\")], on the stored type 'Report', the storing member 'Reports.File' or the assembly"));

    [Fact]
    public Task NoDiagnostic_WhenRetentionIsOnTheEntityABaseTypeTheContextTheMethodOrTheAssembly() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Microsoft.EntityFrameworkCore;
        using SafePrivacy;

        [Retention("P2Y")]
        public abstract class Retained { public int Id { get; set; } }

        public class Report : Retained { [UserGeneratedContent] public string Reason { get; set; } = ""; }

        [Retention("P6M")]
        public class Appeal { public int Id { get; set; } [UserGeneratedContent] public string Text { get; set; } = ""; }

        [Retention("P1Y")]
        public class ForumContext : DbContext
        {
            public DbSet<Report> Reports => Set<Report>();
            public DbSet<Appeal> Appeals => Set<Appeal>();
        }

        public class Reports
        {
            public void File(ForumContext db, Report report, Appeal appeal)
            {
                db.Reports.Add(report);
                db.Appeals.Add(appeal);
            }

            [Retention("P30D")]
            public void Export(Appeal appeal, string path) => System.IO.File.WriteAllText(path, appeal.Text);

            public void Copy(Appeal appeal, string path) => System.IO.File.WriteAllText(path, appeal.Text);
        }
        """);

    [Fact]
    public Task Diagnostic_ForFilesAndCaches_NamingTheTypeTheDataBelongsTo() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.Extensions.Caching.Memory;
        using SafePrivacy;

        public class Member { [PersonalData(DataCategory.Contact)] public string Email { get; set; } = ""; }

        public class Export
        {
            public void Run(Member member, string path, IMemoryCache cache)
            {
                System.IO.File.WriteAllText(path, {|#0:member.Email|});
                cache.Set("m", [|member|]);
            }
        }
        """,
        Verify.Diagnostic("SP3002").WithLocation(0)
            .WithMessage("'Member.Email' (contact details) is stored by File.WriteAllText with no [Retention] in scope; declare how long it is kept, such as [Retention(\"P90D\")], on the stored type 'Member', the storing member 'Export.Run' or the assembly"));

    [Fact]
    public Task NoDiagnostic_WhenTheAssemblyDeclaresRetention() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;
        using SafePrivacy;

        [assembly: Retention("P2Y", From = RetentionTrigger.AccountClosure)]

        public class Member { public int Id { get; set; } [PersonalData] public string Email { get; set; } = ""; }

        public class ForumContext : DbContext { public DbSet<Member> Members => Set<Member>(); }

        public class Accounts { public void Save(ForumContext db, Member member) => db.Members.Add(member); }
        """);

    [Fact]
    public Task Diagnostic_ForVendorStores_UnlessTheStoredTypeOrMemberDeclaresRetention() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Data;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Extensions.Caching.Hybrid;
        using MongoDB.Driver;
        using SafePrivacy;
        using StackExchange.Redis;

        public class Report
        {
            public int Id { get; set; }
            [UserGeneratedContent] public string Reason { get; set; } = "";
        }

        [Retention("P1Y", Reference = "Moderation retention policy 4.2")]
        public class Appeal
        {
            public int Id { get; set; }
            [UserGeneratedContent] public string Statement { get; set; } = "";
        }

        public class Reports
        {
            public async Task File(IDbConnection db, IMongoCollection<Report> reports, IMongoCollection<Appeal> appeals, IDatabase redis, HybridCache cache, Report report, Appeal appeal)
            {
                db.Execute("INSERT INTO reports (reason) VALUES (@Reason)", {|#0:report|});
                await reports.InsertOneAsync([|report|]);
                redis.StringSet("report:1", [|report.Reason|], TimeSpan.FromDays(1));
                await cache.SetAsync("report:1", [|report|]);

                await appeals.InsertOneAsync(appeal);
                db.Execute("INSERT INTO appeals (statement) VALUES (@Statement)", appeal);
            }

            [Retention("PT1H", Reference = "Triage cache")]
            public void Cache(IDatabase redis, Report report) => redis.StringSet("report:2", report.Reason, TimeSpan.FromHours(1));
        }
        """,
        Verify.Diagnostic("SP3002").WithLocation(0)
            .WithMessage("the whole 'Report' (holds Reason) is stored by IDbConnection.Execute with no [Retention] in scope; declare how long it is kept, such as [Retention(\"P90D\")], on the stored type 'Report', the storing member 'Reports.File' or the assembly"));
}
