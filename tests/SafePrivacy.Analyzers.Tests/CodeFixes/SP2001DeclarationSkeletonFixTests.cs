using System.Threading.Tasks;
using Basis = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer, SafePrivacy.CodeFixes.Rules.AddLawfulBasisCodeFixProvider>;
using StoredBasis = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PersonalDataStoredAnalyzer, SafePrivacy.CodeFixes.Rules.AddLawfulBasisCodeFixProvider>;
using RetentionFix = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.StoredWithoutRetentionAnalyzer, SafePrivacy.CodeFixes.Rules.AddRetentionCodeFixProvider>;

namespace SafePrivacy.Analyzers.Tests.CodeFixes;

/// <summary>The declaration skeletons: a lawful basis (SP2001, SP3001) and a retention period (SP3002).</summary>
public sealed class SP2001DeclarationSkeletonFixTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task CodeFix_AddsALawfulBasisSkeletonAfterTheDocComment() => Basis.VerifyCodeFixAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        /// <summary>Signs members up.</summary>
        public class Accounts
        {
            public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", [|user.Email|]);
        }
        {{Model}}
        """,
        $$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        /// <summary>Signs members up.</summary>
        [LawfulBasis(LawfulBasis.LegitimateInterests, Purpose = "TODO", Reference = "TODO")]
        public class Accounts
        {
            public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", user.Email);
        }
        {{Model}}
        """);

    [Fact]
    public Task CodeFix_QualifiesTheSkeleton_WhenTheImportWouldMakeANameAmbiguous() => Basis.VerifyCodeFixAsync(
        TestModel.IdentitySignIn,
        TestModel.IdentitySignIn
            .Replace("[|user.Nickname|]", "user.Nickname", System.StringComparison.Ordinal)
            .Replace("public class SignIn", """
                [SafePrivacy.LawfulBasis(SafePrivacy.LawfulBasis.LegitimateInterests, Purpose = "TODO", Reference = "TODO")]
                public class SignIn
                """, System.StringComparison.Ordinal));

    [Fact]
    public Task FixAll_AddsOneDeclarationPerType() => StoredBasis.VerifyFixAllAsync(
        $$"""
        using SafePrivacy;

        public class Archive
        {
            [StorageSink] public void Put(object value) { }
        }

        [Retention("P1Y")]
        public class Accounts
        {
            public void Save(Archive archive, User user)
            {
                archive.Put([|user|]);
                archive.Put([|user.Email|]);
            }
        }
        {{Model}}
        """,
        $$"""
        using SafePrivacy;

        public class Archive
        {
            [StorageSink] public void Put(object value) { }
        }

        [Retention("P1Y")]
        [LawfulBasis(LawfulBasis.LegitimateInterests, Purpose = "TODO", Reference = "TODO")]
        public class Accounts
        {
            public void Save(Archive archive, User user)
            {
                archive.Put(user);
                archive.Put(user.Email);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task CodeFix_AddsARetentionSkeletonToTheStoringTypeAndTheContext() => RetentionFix.VerifyFixAllAsync(
        """
        using Microsoft.EntityFrameworkCore;
        using SafePrivacy;

        public class Report { public int Id { get; set; } [UserGeneratedContent] public string Reason { get; set; } = ""; }

        public class ForumContext : DbContext
        {
            public DbSet<Report> [|Reports|] => Set<Report>();
        }

        public class Reports
        {
            public void File(ForumContext db, Report report) => db.Reports.Add([|report|]);
        }
        """,
        """
        using Microsoft.EntityFrameworkCore;
        using SafePrivacy;

        public class Report { public int Id { get; set; } [UserGeneratedContent] public string Reason { get; set; } = ""; }

        [Retention("P30D", Reference = "TODO")]
        public class ForumContext : DbContext
        {
            public DbSet<Report> Reports => Set<Report>();
        }

        [Retention("P30D", Reference = "TODO")]
        public class Reports
        {
            public void File(ForumContext db, Report report) => db.Reports.Add(report);
        }
        """);
}
