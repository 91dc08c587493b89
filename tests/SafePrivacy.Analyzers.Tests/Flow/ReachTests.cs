using System.Threading.Tasks;
using Logged = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer>;
using Shared = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataSharedAnalyzer>;
using Stored = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataStoredAnalyzer>;
using Thrown = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataInExceptionAnalyzer>;
using Unretained = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.StoredWithoutRetentionAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Flow;

/// <summary>
/// Where services keep and store personal data without handing it to a sink in the same expression: fields read in
/// another method, out arguments of helpers, collections, log scopes, EF Core's change tracking and bulk updates,
/// serialisers writing files, URIs sent with HttpClient. Each across two sink kinds, each with its near miss.
/// </summary>
public sealed class ReachTests
{
    private const string Model = TestModel.Users;

    private const string Members = """

        public sealed class Member
        {
            public System.Guid Id { get; set; }
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.OnlineIdentifier)] public string Name { get; set; } = "";
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Behavioural)] public System.DateTime LastLogin { get; set; }
            public int Visits { get; set; }
        }
        """;

    // ---- Fields across methods ----

    private const string RememberedFields = """
        using System.IO;
        using Microsoft.Extensions.Logging;

        public class LastSeen
        {
            private static string s_lastEmail = "";
            private readonly ILogger _log = null!;
            private string _lastEmail = "";
            private string _lastTheme = "";

            public void Remember(User user)
            {
                _lastEmail = user.Email;
                s_lastEmail = user.Email;
                this._lastTheme = user.Theme;
            }

        """;

    [Fact]
    public Task FieldWrittenInOneMethod_IsDataWhereAnotherLogsIt() => Logged.VerifyAnalyzerAsync(
        $$"""
        {{RememberedFields}}
            public void Dump()
            {
                _log.LogInformation("Last {Email}", {|#0:_lastEmail|});
                _log.LogInformation("Last {Email}", [|s_lastEmail|]);
                _log.LogInformation("Last {Theme}", _lastTheme);
            }
        }
        {{Model}}
        """,
        Logged.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is written to a log by ILogger.LogInformation with no [LawfulBasis] in scope; declare the basis on 'LastSeen.Dump' or its type, or log an identifier instead"));

    [Fact]
    public Task FieldWrittenInOneMethod_IsDataWhereAnotherStoresIt() => Stored.VerifyAnalyzerAsync($$"""
        {{RememberedFields}}
            public void Save(string path)
            {
                File.WriteAllText(path, [|_lastEmail|]);
                File.WriteAllText(path, _lastTheme);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task CapturedPrimaryConstructorParameter_HoldsWhatItIsDeclaredTo() => Logged.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Greeter(ILogger log, [PersonalData(DataCategory.Contact)] string email, string theme)
        {
            public void Greet()
            {
                log.LogInformation("Hello {Email}", [|email|]);
                log.LogInformation("Theme {Theme}", theme);
            }
        }
        """);

    // ---- out and ref arguments of helpers in source ----

    private const string MailHelpers = """
        public static class MailOf
        {
            public static bool TryGet(User user, out string mail)
            {
                if (user.Email.Length == 0)
                {
                    mail = "";
                    return false;
                }

                mail = user.Email;
                return true;
            }

            public static void Fill(User user, ref string mail) => mail = user.Email;

            public static void Copy(string from, out string to) => to = from;

            public static void ThemeOf(User user, out string theme) => theme = user.Theme;
        }
        """;

    [Fact]
    public Task OutAndRefArgumentsOfHelpers_CarryWhatTheHelperWrites_ToALog() => Logged.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;

        public class Notices
        {
            public void Run(ILogger log, User user)
            {
                if (MailOf.TryGet(user, out var mail))
                {
                    log.LogInformation("To {Mail}", [|mail|]);
                }

                var filled = "";
                MailOf.Fill(user, ref filled);
                log.LogInformation("To {Mail}", [|filled|]);
                MailOf.Copy(user.Email, out var copied);
                log.LogInformation("To {Mail}", [|copied|]);
                MailOf.ThemeOf(user, out var theme);
                log.LogInformation("Theme {Theme}", theme);
                MailOf.Copy(user.Theme, out var themeCopy);
                log.LogInformation("Theme {Theme}", themeCopy);
            }
        }
        {{MailHelpers}}
        {{Model}}
        """);

    [Fact]
    public Task OutArgumentsOfHelpers_CarryWhatTheHelperWrites_IntoAnException() => Thrown.VerifyAnalyzerAsync($$"""
        using System;

        public class Notices
        {
            public void Run(User user)
            {
                if (MailOf.TryGet(user, out var mail))
                {
                    throw new InvalidOperationException([|"Cannot mail " + mail|]);
                }

                MailOf.ThemeOf(user, out var theme);
                throw new InvalidOperationException("Unknown theme " + theme);
            }
        }
        {{MailHelpers}}
        {{Model}}
        """);

    // ---- Collections ----

    [Fact]
    public Task Collections_AreLoggedElementByElement_ByStructuredLoggers_NotByFormatStrings() => Logged.VerifyAnalyzerAsync($$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Extensions.Logging;

        public class Digest
        {
            public void Run(ILogger log, Serilog.ILogger serilog, List<User> users)
            {
                var byId = new Dictionary<int, string>();
                byId[1] = users[0].Email;
                log.LogInformation("{Email}", [|byId[1]|]);
                var emails = users.Select(u => new[] { u.Email }).SelectMany(x => x).Distinct().ToList();
                log.LogInformation("{Emails}", [|emails|]);
                serilog.Information("{Emails}", [|emails.ToArray()|]);
                foreach (var group in users.GroupBy(u => u.Email))
                {
                    log.LogInformation("{Key}", [|group.Key|]);
                }

                log.LogInformation("{All}", [|users.Select(u => u.Email).Aggregate("", (all, e) => all + e)|]);
                Console.WriteLine(emails);
                log.LogInformation("{Themes}", users.GroupBy(u => u.Theme).Select(g => g.Key).ToList());
                log.LogInformation("{Counts}", users.GroupBy(u => u.Email).Select(g => g.Count()).ToList());
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Collections_KeepTheirElements_WhenStored() => Stored.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;

        public class Export
        {
            public void Run(List<User> users, string path)
            {
                File.WriteAllLines(path, [|users.Select(u => u.Email).Distinct().OrderBy(e => e)|]);
                File.WriteAllLines(path, users.Select(u => u.Id.ToString()));
            }
        }
        {{Model}}
        """);

    // ---- Log scopes ----

    [Fact]
    public Task LogScopes_DefinedWithLoggerMessage_OrPushedWithNLog_AreLogs() => Logged.VerifyAnalyzerAsync($$"""
        using System;
        using Microsoft.Extensions.Logging;

        public class Requests
        {
            private static readonly Func<ILogger, string, IDisposable?> ForUser = LoggerMessage.DefineScope<string>("For {Email}");
            private static readonly Func<ILogger, string, IDisposable?> ForTheme = LoggerMessage.DefineScope<string>("Theme {Theme}");

            public void Handle(ILogger log, User user)
            {
                using var scope = ForUser(log, {|#0:user.Email|});
                using var theme = ForTheme(log, user.Theme);
                using var pushed = NLog.ScopeContext.PushProperty("Email", [|user.Email|]);
                using var nested = NLog.ScopeContext.PushNestedState([|user.DisplayName|]);
                using var plain = NLog.ScopeContext.PushProperty("Theme", user.Theme);
            }
        }
        {{Model}}
        """,
        Logged.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is written to a log by LoggerMessage.DefineScope delegate with no [LawfulBasis] in scope; declare the basis on 'Requests.Handle' or its type, or log an identifier instead"));

    // ---- EF Core beyond Add/Update/Attach ----

    private const string EfWrites = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public sealed class MemberStore(DbContext db)
        {
            public Task Touch(Guid id, DateTime when) =>
                db.Set<Member>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty({|#0:m => m.LastLogin|}, when));

            public Task Count(Guid id) =>
                db.Set<Member>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Visits, m => m.Visits + 1));

            public async Task Replace(Member incoming)
            {
                var stored = await db.Set<Member>().FirstAsync(m => m.Id == incoming.Id);
                db.Entry(stored).CurrentValues.SetValues([|incoming|]);
                stored.Name = [|incoming.Name.Trim()|];
                stored.Visits++;
                await db.SaveChangesAsync();
            }

            public void MarkModified(Member member) => [|db.Entry(member)|].State = EntityState.Modified;

            public void Forget(Member member) => db.Entry(member).State = EntityState.Detached;

            public void ChangedButNeverSaved(Guid id)
            {
                var stored = db.Set<Member>().Find(id)!;
                stored.Name = "renamed";
            }

            public void ChangedUntracked(Guid id)
            {
                var stored = db.Set<Member>().AsNoTracking().First(m => m.Id == id);
                stored.Name = "renamed";
                db.SaveChanges();
            }

            public void EveryRow()
            {
                foreach (var member in db.Set<Member>().Where(m => m.Visits > 3))
                {
                    member.LastLogin = [|DateTime.UtcNow|];
                }

                db.SaveChanges();
            }
        }
        """;

    [Fact]
    public Task EfCore_BulkUpdatesEntryCopiesStatesAndTrackedChanges_AreStores() => Stored.VerifyAnalyzerAsync(
        $$"""
        {{EfWrites}}
        {{Members}}
        """,
        Stored.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("'Member.LastLogin' (behavioural data) is stored by ExecuteUpdate.SetProperty with no [LawfulBasis] in scope; declare the basis on 'MemberStore.Touch' or its type"));

    [Fact]
    public Task EfCore_BulkUpdatesEntryCopiesStatesAndTrackedChanges_NeedARetention() => Unretained.VerifyAnalyzerAsync($$"""
        {{EfWrites.Replace("[|", "{|SP3002:").Replace("{|#0:", "{|SP3002:").Replace("|]", "|}")}}
        {{Members}}
        """);

    // ---- Serialisers onto files ----

    [Fact]
    public Task Serialisers_WritingIntoFiles_AreStores_IntoMemory_AreNot() => Stored.VerifyAnalyzerAsync($$"""
        using System.IO;
        using System.Text.Json;
        using System.Threading.Tasks;
        using System.Xml.Serialization;

        public sealed class Ticket { public string MemberName { get; set; } = ""; }

        public sealed class Tickets
        {
            public async Task Json(Member member, string file)
            {
                await using var stream = File.Create(file);
                await JsonSerializer.SerializeAsync(stream, {|#0:new Ticket { MemberName = member.Name }|});
                JsonSerializer.Serialize(File.OpenWrite(file), [|new Ticket { MemberName = member.Name }|]);
            }

            public void Xml(Member member, string file)
            {
                using var writer = new StreamWriter(file);
                new XmlSerializer(typeof(Ticket)).Serialize(writer, [|new Ticket { MemberName = member.Name }|]);
            }

            public void Newtonsoft(Member member, string file)
            {
                using var writer = File.CreateText(file);
                global::Newtonsoft.Json.JsonSerializer.CreateDefault().Serialize(writer, [|new Ticket { MemberName = member.Name }|]);
            }

            public void InMemory(Member member)
            {
                using var stream = new MemoryStream();
                JsonSerializer.Serialize(stream, new Ticket { MemberName = member.Name });
                new XmlSerializer(typeof(Ticket)).Serialize(new StringWriter(), new Ticket { MemberName = member.Name });
                global::Newtonsoft.Json.JsonSerializer.CreateDefault().Serialize(new StringWriter(), new Ticket { MemberName = member.Name });
            }
        }
        {{Members}}
        """,
        Stored.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("'Member.Name' (online identifier) is stored by JsonSerializer.SerializeAsync with no [LawfulBasis] in scope; declare the basis on 'Tickets.Json' or its type"));

    // ---- URIs ----

    [Fact]
    public Task UriBuiltFromPersonalData_SentWithHttpClient_IsATransfer() => Shared.VerifyAnalyzerAsync($$"""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class Lookup
        {
            public async Task Run(HttpClient http, User user)
            {
                var uri = new Uri("https://api.example.com/lookup?email=" + user.Email);
                await http.GetAsync([|uri|]);
                await http.GetAsync([|$"https://api.example.com/lookup?email={user.Email}"|]);
                await http.GetAsync($"https://api.example.com/lookup?id={user.Id}");
            }
        }
        {{Model}}
        """);

    // ---- New entities of a type from another project ----

    [Fact]
    public Task NewEntityOfALibraryType_IsStoredAsWhatItsTypeSays()
    {
        var test = new Stored.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Microsoft.EntityFrameworkCore;

                    public sealed class Import(DbContext db)
                    {
                        public void FromLegacy(string legacyName, string legacyHash)
                        {
                            var member = new Data.Member(legacyName) { PasswordHash = legacyHash };
                            db.Set<Data.Member>().Add([|member|]);
                            db.Set<Data.Setting>().Add(new Data.Setting { Theme = legacyName });
                        }
                    }
                    """,
                },
                AdditionalProjects =
                {
                    ["Data"] =
                    {
                        ReferenceAssemblies = Verifiers.TestReferences.Framework,
                        Sources =
                        {
                            """
                            namespace Data;

                            public sealed class Member
                            {
                                public Member(string name) => Name = name;
                                [SafePrivacy.PersonalData(SafePrivacy.DataCategory.OnlineIdentifier)] public string Name { get; set; }
                                [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Credential)] public string? PasswordHash { get; set; }
                            }

                            public sealed class Setting { public int Id { get; set; } public string Theme { get; set; } = ""; }
                            """,
                        },
                    },
                },
                AdditionalProjectReferences = { "Data" },
            },
        };
        test.TestState.AdditionalProjects["Data"].AdditionalReferences.AddRange(Verifiers.TestReferences.Default);
        return test.RunAsync();
    }
}
