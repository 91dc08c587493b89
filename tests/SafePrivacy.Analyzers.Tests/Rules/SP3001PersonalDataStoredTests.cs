using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataStoredAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

/// <summary>SP3001 for every storage sink it claims, against the real EF Core, caching and ASP.NET Core APIs.</summary>
public sealed class SP3001PersonalDataStoredTests
{
    private const string Model = TestModel.Users + """

        public class ForumContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<User> Users => Set<User>();
            public Microsoft.EntityFrameworkCore.DbSet<Setting> Settings => Set<Setting>();
        }

        public class Setting { public int Id { get; set; } public string Theme { get; set; } = ""; }
        """;

    [Fact]
    public Task Diagnostic_ForEveryEfCoreWrite_DecidedByTheEntityType() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Threading.Tasks;

        public class Accounts
        {
            public async Task Save(ForumContext db, User user, User[] many, Setting setting)
            {
                db.Users.Add({|#0:user|});
                await db.Users.AddAsync([|user|]);
                db.Users.AddRange([|many|]);
                db.Users.Update([|user|]);
                db.Users.Attach([|user|]);
                db.Add([|user|]);
                db.UpdateRange([|many|]);
                db.Settings.Add(setting);
                db.Add(setting);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("the whole 'User' (holds Email, DisplayName) is stored by DbSet.Add with no [LawfulBasis] in scope; declare the basis on 'Accounts.Save' or its type"));

    [Fact]
    public Task Diagnostic_ForFileWritesAndFileStreams_ButNotMemoryWriters() => Verify.VerifyAnalyzerAsync($$"""
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;

        public class Export
        {
            public async Task Run(User user, string path)
            {
                File.WriteAllText(path, [|user.Email|]);
                await File.AppendAllTextAsync(path, [|"line " + user.DisplayName|]);
                File.WriteAllLines(path, [|new[] { user.Email }|]);
                File.WriteAllBytes(path, [|Encoding.UTF8.GetBytes(user.Email)|]);
                using var writer = new StreamWriter(path);
                writer.WriteLine([|user.Email|]);
                await writer.WriteAsync([|user.DisplayName|]);
                using var stream = new FileStream(path, FileMode.Append);
                stream.Write([|Encoding.UTF8.GetBytes(user.Email)|]);
                using var memory = new StringWriter();
                memory.WriteLine(user.Email);
                File.WriteAllText(path, user.Theme);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForCachesSessionsAndCookies() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Memory;

        public class Profiles
        {
            public async Task Run(User user, IDistributedCache distributed, IMemoryCache memory, HttpContext http)
            {
                await distributed.SetStringAsync("profile", [|user.Email|]);
                distributed.Set("profile", [|Encoding.UTF8.GetBytes(user.DisplayName)|], new DistributedCacheEntryOptions());
                memory.Set("profile", [|user|], TimeSpan.FromMinutes(5));
                memory.Set([|$"user:{user.Email}"|], user.Id);
                http.Session.SetString("email", [|user.Email|]);
                http.Response.Cookies.Append("name", [|user.DisplayName|]);
                http.Session.SetString("theme", user.Theme);
                memory.Set("count", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForStorageSinkWrappers() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        public class Archive
        {
            [StorageSink]
            public void Put(string key, object value) { }
        }

        public class Accounts
        {
            public void Run(Archive archive, User user)
            {
                archive.Put("user", [|user|]);
                archive.Put("count", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_WhenABasisIsInScope() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        [LawfulBasis(LawfulBasis.Contract, Purpose = "Keep member accounts")]
        public class Accounts
        {
            public void Save(ForumContext db, User user) => db.Users.Add(user);
        }
        {{Model}}
        """);
}
