using System.Threading.Tasks;
using Logged = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer>;
using Recipients = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.VisibleRecipientsAnalyzer>;
using Stored = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataStoredAnalyzer>;
using Thrown = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataInExceptionAnalyzer>;
using Unretained = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.StoredWithoutRetentionAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Flow;

/// <summary>
/// Only what can happen is reported, and the message names exactly the data: opaque calls, navigation, projections,
/// tuples, one message per person, and helpers whose own finding is not echoed at every caller. Each pattern with the
/// finding it must keep, its near miss, and two sink kinds.
/// </summary>
public sealed class PrecisionTests
{
    // ---- Opaque calls: a result is not its arguments ----

    private const string SignIn = """

        public sealed class LoginRequest
        {
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.OnlineIdentifier)] public string Name { get; set; } = "";
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Credential)] public string Password { get; set; } = "";
        }

        public sealed class Account
        {
            public int Id { get; set; }
            public int MaxSessions { get; set; }
        }

        public interface IAccounts
        {
            Account? SignIn(string name, string password);
            string Describe(string name);
        }
        """;

    [Fact]
    public Task OpaqueCallResult_CarriesNoArgument_WhenLogged() => Logged.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public sealed class Login(IAccounts accounts, ILogger<Login> log)
        {
            public void Handle(LoginRequest request)
            {
                var account = accounts.SignIn(request.Name, request.Password);
                log.LogInformation("Sessions allowed: {Max}", account!.MaxSessions);
                log.LogInformation("Account {Account}", account);
                log.LogInformation("Signed in {Name}", {|#0:request.Name|});
                log.LogInformation("Text {Text}", {|#1:request.Name.Trim().ToUpperInvariant()|});
            }
        }
        {{SignIn}}
        """,
        Logged.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'LoginRequest.Name' (online identifier) is written to a log by ILogger.LogInformation with no [LawfulBasis] in scope; declare the basis on 'Login.Handle' or its type, or log an identifier instead"),
        Logged.Diagnostic("SP2001").WithLocation(1)
            .WithMessage("'LoginRequest.Name' (online identifier) is written to a log by ILogger.LogInformation with no [LawfulBasis] in scope; declare the basis on 'Login.Handle' or its type, or log an identifier instead"));

    [Fact]
    public Task OpaqueCallResult_CarriesNoArgument_InAnException() => Thrown.VerifyAnalyzerAsync($$"""
        using System;

        public sealed class Login(IAccounts accounts)
        {
            public void Handle(LoginRequest request)
            {
                var account = accounts.SignIn(request.Name, request.Password);
                if (account is null)
                {
                    throw new InvalidOperationException([|"No account for " + request.Name|]);
                }

                throw new InvalidOperationException("Too many sessions: " + account.MaxSessions + " " + account.Id);
            }
        }
        {{SignIn}}
        """);

    // ---- Navigation is a link, not a copy ----

    private const string Films = """

        public sealed class Member
        {
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.OnlineIdentifier)] public string Name { get; set; } = "";
        }

        public sealed class Rating
        {
            public Member? Member { get; set; }
            public int Stars { get; set; }
        }

        public sealed class Film
        {
            public System.Guid Id { get; set; }
            public string Title { get; set; } = "";
            public System.Collections.Generic.ICollection<Rating> Ratings { get; set; } = new System.Collections.Generic.List<Rating>();
        }
        """;

    [Fact]
    public Task NavigationToAPerson_IsNotStoringThePerson_UntilTheirDataIsRead() => Stored.VerifyAnalyzerAsync(
        $$"""
        using System.IO;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public sealed class Catalogue(DbContext db)
        {
            public void Add(Film film) => db.Set<Film>().Add(film);

            public void Rate(Rating rating) => db.Set<Rating>().Add(rating);

            public void Export(Film film, string path)
            {
                File.WriteAllText(path, film.Title + " " + film.Ratings.First().Stars);
                File.WriteAllText(path, {|#0:film.Ratings.First().Member!.Name|});
            }
        }
        {{Films}}
        """,
        Stored.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("'Film.Ratings → Rating.Member → Member.Name' (online identifier) is stored by File.WriteAllText with no [LawfulBasis] in scope; declare the basis on 'Catalogue.Export' or its type"));

    [Fact]
    public Task NavigationToAPerson_IsNotLoggingThePerson_UntilTheirDataIsRead() => Logged.VerifyAnalyzerAsync(
        $$"""
        using System.Linq;
        using Microsoft.Extensions.Logging;

        public sealed class Reviews(ILogger log)
        {
            public void Report(Film film)
            {
                log.LogInformation("{@Film}", film);
                log.LogInformation("{Title} has {Count} ratings", film.Title, film.Ratings.Count);
                foreach (var rating in film.Ratings)
                {
                    log.LogInformation("{Stars} by {Member}", rating.Stars, {|#0:rating.Member?.Name|});
                }
            }
        }
        {{Films}}
        """,
        Logged.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'Rating.Member → Member.Name' (online identifier) is written to a log by ILogger.LogInformation with no [LawfulBasis] in scope; declare the basis on 'Reviews.Report' or its type, or log an identifier instead"));

    // ---- Projections carry what they project ----

    private const string Tracks = """

        public sealed class Uploader
        {
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.OnlineIdentifier)] public string Name { get; set; } = "";
        }

        public sealed class Track
        {
            public int Id { get; set; }
            public string Path { get; set; } = "";
            public Uploader? UploadedBy { get; set; }
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.OnlineIdentifier)] public string UploaderName { get; set; } = "";
        }
        """;

    [Fact]
    public Task Projections_CarryWhatTheyProject_IntoFiles() => Stored.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;

        public sealed class Playlist
        {
            public void Export(List<Track> tracks, string file)
            {
                File.WriteAllLines(file, tracks.Select(t => "file '" + t.Path + "'"));
                File.WriteAllLines(file, tracks.Select(t => t.Id.ToString()));
                File.WriteAllLines(file, [|tracks.Select(t => t.UploaderName)|]);
                File.WriteAllLines(file, [|tracks.Where(t => t.Id > 0).Select(t => "by " + t.UploadedBy!.Name)|]);
            }
        }
        {{Tracks}}
        """);

    [Fact]
    public Task Projections_CarryWhatTheyProject_IntoLogs() => Logged.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Extensions.Logging;

        public sealed class Playlist(ILogger log)
        {
            public void Report(List<Track> tracks)
            {
                log.LogInformation("{Paths}", string.Join(", ", tracks.Select(t => t.Path)));
                log.LogInformation("{Names}", [|string.Join(", ", tracks.Select(t => t.UploaderName))|]);
            }
        }
        {{Tracks}}
        """);

    // ---- Tuples are element-wise ----

    private const string Guests = """

        public sealed class Guest
        {
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Name)] public string RealName { get; set; } = "";
            public int Visits { get; set; }
        }

        public static class Summary
        {
            public static (string Name, int Visits) Of(Guest guest) => (guest.RealName, guest.Visits);
        }
        """;

    [Fact]
    public Task TupleElements_CarryOnlyTheirOwnData_IntoLogs() => Logged.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;

        public sealed class Visits(ILogger log)
        {
            public void Report(Guest guest)
            {
                var (name, visits) = Summary.Of(guest);
                log.LogInformation("{Visits}", visits);
                log.LogInformation("{Name}", [|name|]);
                var pair = (n: 1, who: guest.RealName);
                log.LogInformation("{N}", pair.n);
                log.LogInformation("{Who}", [|pair.who|]);
            }
        }
        {{Guests}}
        """);

    [Fact]
    public Task TupleElements_CarryOnlyTheirOwnData_IntoExceptions() => Thrown.VerifyAnalyzerAsync($$"""
        using System;

        public sealed class Visits
        {
            public void Check(Guest guest)
            {
                var summary = Summary.Of(guest);
                if (summary.Visits > 100)
                {
                    throw new InvalidOperationException("Too many visits: " + summary.Visits);
                }

                throw new InvalidOperationException([|"Unknown guest " + summary.Name|]);
            }
        }
        {{Guests}}
        """);

    // ---- One message per person ----

    [Fact]
    public Task OneMessagePerPerson_IsCompliant_SeveralPeopleInOneMessageAreNot() => Recipients.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.Net.Mail;

        public sealed class Digest(SmtpClient smtp)
        {
            public void EachTheirOwn(List<User> people)
            {
                foreach (var person in people)
                {
                    using var message = new MailMessage("noreply@example.com", person.Email);
                    smtp.Send(message);
                }
            }

            public void AllTogether(List<User> people)
            {
                using var message = new MailMessage();
                foreach (var person in people)
                {
                    message.To.Add([|person.Email|]);
                }

                smtp.Send(message);
            }
        }
        {{TestModel.Users}}
        """);

    // ---- No echo of a helper's own finding ----

    private const string Renames = """

        public sealed class Member
        {
            public int Id { get; set; }
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.OnlineIdentifier)] public string Name { get; set; } = "";
        }

        public sealed class Extra
        {
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] public string Email { get; set; } = "";
        }
        """;

    [Fact]
    public Task HelpersOwnStore_IsReportedOnce_InTheHelper() => Stored.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;

        public sealed class Members(DbContext db)
        {
            public void Rename(Member member, string name)
            {
                member.Name = name;
                Save(member);
            }

            public void Lock(Member member) => Save(member);

            private void Save(Member member) => db.Set<Member>().Attach([|member|]);

            public void Note(Extra extra) => Write({|#0:extra.Email|});

            private void Write(string text) => System.IO.File.WriteAllText("notes.txt", text);
        }
        {{Renames}}
        """,
        Stored.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("'Extra.Email' (contact details) is stored by File.WriteAllText through 'Members.Write' with no [LawfulBasis] in scope; declare the basis on 'Members.Note' or its type"));

    [Fact]
    public Task HelpersOwnStore_OneRetentionOnTheHelperClearsEveryCaller() => Unretained.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;
        using SafePrivacy;

        public sealed class Members(DbContext db)
        {
            public void Rename(Member member, string name)
            {
                member.Name = name;
                Save(member);
            }

            public void Lock(Member member) => Save(member);

            [Retention("P2Y")]
            private void Save(Member member) => db.Set<Member>().Attach(member);
        }
        {{Renames}}
        """);
}
