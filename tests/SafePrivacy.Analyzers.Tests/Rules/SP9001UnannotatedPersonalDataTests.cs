using System.Threading.Tasks;
using SafePrivacy.Analyzers.Discovery;
using SafePrivacy.Analyzers.Rules;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.UnannotatedPersonalDataAnalyzer, SafePrivacy.CodeFixes.Rules.AddPersonalDataCodeFixProvider>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP9001UnannotatedPersonalDataTests
{
    [Fact]
    public Task Diagnostic_ForNamesAndTypesThatLookPersonal() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using System.Net;
        using SafePrivacy;

        public class Customer
        {
            public string {|#0:Email|} { get; set; } = "";
            public string [|ContactEmail|] { get; set; } = "";
            public string [|PhoneNumber|] { get; set; } = "";
            public string [|FirstName|] { get; set; } = "";
            public DateOnly [|DateOfBirth|] { get; set; }
            public DateTime [|Dob|] { get; set; }
            public string [|HomeAddress|] { get; set; } = "";
            public string [|Postcode|] { get; set; } = "";
            public IPAddress? [|RemoteIp|] { get; set; }
            public string [|IPAddress|] = "";
            public string [|NationalInsuranceNumber|] { get; set; } = "";
            public double [|Latitude|] { get; set; }
            public string [|PasswordHash|] { get; set; } = "";
            public string [|AddressLine2|] { get; set; } = "";

            // A parameter only passes the caller's value on; it is reported only where it reaches a sink.
            public void Update(string email, string theme) => Email = email;
        }
        """,
        Verify.Diagnostic("SP9001").WithLocation(0)
            .WithMessage("'Email' looks like personal data (contact details) but is not annotated; add [PersonalData(DataCategory.Contact)], or [NotPersonalData(\"why\")] if it is not"));

    [Fact]
    public Task NoDiagnostic_ForOtherWordsTypesAndAnnotatedOrExplainedMembers() => Verify.VerifyAnalyzerAsync("""
        using System;
        using SafePrivacy;

        public interface IContact { [PersonalData(DataCategory.Contact)] string Email { get; } }

        public class Settings : IContact
        {
            public string EmailSubject { get; set; } = "";
            public int EmailTemplateId { get; set; }
            public bool IsEmailConfirmed { get; set; }
            public bool Mobile { get; set; }
            public int Latitude { get; set; }
            [PersonalData(DataCategory.Contact)] public string Phone { get; set; } = "";
            [NotPersonalData("The service's own mailbox")] public string SupportEmail { get; set; } = "";
            public string Email => "";
            public const string DefaultEmail = "noreply@example.com";
        }

        [PersonalData(DataCategory.Location)]
        public class Address { public string Postcode { get; set; } = ""; }

        public abstract class Base { public abstract string DisplayName { get; } }
        public class Derived : Base { public override string DisplayName => ""; }
        """,
        Verify.Diagnostic("SP9001").WithSpan(22, 53, 22, 64));

    // An interface member is annotated on the interface, where every caller sees it: reported there only, once. Its
    // parameter is reported there when an implementation sends the value to a sink.
    [Fact]
    public Task Diagnostic_OnTheInterface_NotOnItsImplementations() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public interface IContact
        {
            string [|Email|] { get; }
            void Update(string [|phoneNumber|]);
            void Rename(string displayName);
        }

        public class Contact(ILogger<Contact> log) : IContact
        {
            public string Email => "";
            public void Update(string phoneNumber) => log.LogInformation("Phone changed to {Phone}", phoneNumber);
            public void Rename(string displayName) { }
        }

        public class HiddenContact : IContact
        {
            string IContact.Email => "";
            void IContact.Update(string phoneNumber) { }
            void IContact.Rename(string displayName) { }
        }
        """);

    [Fact]
    public Task Configuration_AddsExcludesAndSwitchesOff() =>
        new Verify.Test
        {
            TestState =
            {
                AnalyzerConfigFiles =
                {
                    Verify.Test.EditorConfig(
                        "safe_privacy.discovery_patterns = Nickname:Name, NhsNumber:GovernmentIdentifier",
                        "safe_privacy.discovery_exclude = DisplayName"),
                },
                Sources =
                {
                    """
                    public class Patient
                    {
                        public string {|#0:Nickname|} { get; set; } = "";
                        public string [|NhsNumber|] { get; set; } = "";
                        public string DisplayName { get; set; } = "";
                        public string [|Email|] { get; set; } = "";
                    }
                    """,
                },
            },
            ExpectedDiagnostics = { Verify.Diagnostic("SP9001").WithLocation(0).WithArguments("Nickname", "name", "Name") },
        }.RunAsync();

    [Fact]
    public Task Configuration_ACategoryThatIsANumber_IsOther_NotTheMemberWithThatValue() =>
        // "3" once parsed as the third DataCategory member; now it is Other, and SP9004 reports the value.
        new Verify.Test
        {
            TestState =
            {
                AnalyzerConfigFiles = { Verify.Test.EditorConfig("safe_privacy.discovery_patterns = Handle:3") },
                Sources = { "public class Member { public string {|#0:Handle|} { get; set; } = \"\"; }" },
                ExpectedDiagnostics = { Verify.Diagnostic("SP9001").WithLocation(0).WithArguments("Handle", "personal data", "Other") },
            },
        }.RunAsync();

    [Fact]
    public Task Configuration_DiscoveryOff() =>
        new Verify.Test
        {
            TestState =
            {
                AnalyzerConfigFiles = { Verify.Test.EditorConfig("safe_privacy.discovery = false") },
                Sources = { "public class Patient { public string Email { get; set; } = \"\"; }" },
            },
        }.RunAsync();

    [Theory]
    [InlineData("ContactEmail", "contact email")]
    [InlineData("IPAddress", "ip address")]
    [InlineData("userSSN", "user ssn")]
    [InlineData("home_address_2", "home address")]
    [InlineData("DOB", "dob")]
    [InlineData("RemoteEndPoint", "remote end point")]
    [InlineData("ClientIP", "client ip")]
    [InlineData("INetwork", "i network")]
    public void IdentifierWords_SplitCasingAcronymsAndUnderscores(string identifier, string words) =>
        Assert.Equal(words, string.Join(" ", IdentifierWords.Split(identifier)));

    [Fact]
    public Task CodeFix_AddsTheSuggestedCategory() => Verify.VerifyCodeFixAsync(
        """
        public class Customer
        {
            /// <summary>Where we write to.</summary>
            public string [|Email|] { get; set; } = "";

            public void Update(string [|phoneNumber|]) => System.Console.WriteLine(phoneNumber);
        }
        """,
        """
        using SafePrivacy;

        public class Customer
        {
            /// <summary>Where we write to.</summary>
            [PersonalData(DataCategory.Contact)]
            public string Email { get; set; } = "";

            public void Update([PersonalData(DataCategory.Contact)] string phoneNumber) => System.Console.WriteLine(phoneNumber);
        }
        """);

    // The record parameter's 'property:' target is the keyword token the parser reads, so the framework's check that
    // the fixed tree has the structure parsing its text gives holds here too.
    [Fact]
    public Task FixAll_AnnotatesFieldsPropertiesAndRecordParameters() => new Verify.Test
    {
        TestCode = """
            using System;
            using SafePrivacy;

            public record Person(int Id, string [|FullName|]);

            public class Visit
            {
                private string [|_postcode|] = "";
                public DateTime [|BirthDate|] { get; set; }
            }
            """,
        FixedCode = """
            using System;
            using SafePrivacy;

            public record Person(int Id, [property: PersonalData(DataCategory.Name)] string FullName);

            public class Visit
            {
                [PersonalData(DataCategory.Location)]
                private string _postcode = "";

                [PersonalData(DataCategory.DateOfBirth)]
                public DateTime BirthDate { get; set; }
            }
            """,
    }.RunAsync();

    // The identifiers services hold, each with the category its name or type says.
    [Theory]
    [InlineData("string", "UserName", "OnlineIdentifier")]
    [InlineData("string", "Username", "OnlineIdentifier")]
    [InlineData("string", "Login", "OnlineIdentifier")]
    [InlineData("string", "Handle", "OnlineIdentifier")]
    [InlineData("string", "ScreenName", "OnlineIdentifier")]
    [InlineData("string", "IpAddress", "NetworkAddress")]
    [InlineData("string", "ClientIp", "NetworkAddress")]
    [InlineData("string", "RemoteIp", "NetworkAddress")]
    [InlineData("string", "LastLoginIp", "NetworkAddress")]
    [InlineData("string", "RemoteEndPoint", "NetworkAddress")]
    [InlineData("System.Net.IPEndPoint?", "RemoteEndPoint", "NetworkAddress")]
    [InlineData("System.Net.IPAddress?", "Origin", "NetworkAddress")]
    [InlineData("string", "DeviceId", "DeviceIdentifier")]
    [InlineData("System.Guid", "InstallationId", "DeviceIdentifier")]
    [InlineData("string", "PushToken", "DeviceIdentifier")]
    [InlineData("string", "AccessToken", "Credential")]
    [InlineData("string", "RefreshToken", "Credential")]
    [InlineData("string", "ApiKey", "Credential")]
    [InlineData("string", "TotpSecret", "Credential")]
    [InlineData("string", "Password", "Credential")]
    [InlineData("string", "Name", "Name")]
    [InlineData("string", "HomeAddress", "Location")]
    public Task Diagnostic_WithTheCategoryTheNameOrTypeSays(string type, string name, string category) => Verify.VerifyAnalyzerAsync(
        $$"""
        public class Member
        {
            public {{type}} {|#0:{{name}}|} { get; set; } = default!;
        }
        """,
        Verify.Diagnostic("SP9001").WithLocation(0).WithArguments(name, CategoryWords(category), category));

    // The near miss of each: the same words where the name, the type that declares it or the member's own type says
    // it belongs to a thing — or is not the identifier at all.
    [Theory]
    [InlineData("CultureOption", "string", "DisplayName")]
    [InlineData("TimeZoneEntry", "string", "DisplayName")]
    [InlineData("FileEntry", "string", "FullName")]
    [InlineData("IDirectoryInfo", "string", "FullName")]
    [InlineData("TypeReference", "string", "FullName")]
    [InlineData("PluginAssembly", "string", "FullName")]
    [InlineData("PrinterDto", "string", "DisplayName")]
    [InlineData("DeviceInfo", "string", "DisplayName")]
    [InlineData("ExternalLoginProvider", "string", "DisplayName")]
    [InlineData("UserRole", "string", "DisplayName")]
    [InlineData("Member", "string", "CultureDisplayName")]
    [InlineData("Product", "string", "Name")]
    [InlineData("Member", "string", "FileName")]
    [InlineData("ServerInfo", "string", "LocalAddress")]
    [InlineData("ServerInfo", "string", "CertificatePassword")]
    [InlineData("Member", "string", "CertificatePassword")]
    [InlineData("CertificateEntry", "string", "Password")]
    [InlineData("Member", "string", "LocalIpAddress")]
    [InlineData("Member", "System.Net.IPEndPoint?", "LocalEndPoint")]
    [InlineData("Member", "System.Net.IPAddress?", "ListenAddress")]
    [InlineData("Member", "string", "ProxyAddress")]
    [InlineData("SmtpOptions", "string", "UserName")]
    [InlineData("SmtpOptions", "string", "Password")]
    [InlineData("StripeSettings", "string", "ApiKey")]
    [InlineData("Member", "string", "ClientSecret")]
    [InlineData("Member", "string", "SmtpPassword")]
    [InlineData("Member", "string", "ServiceAccessToken")]
    [InlineData("Member", "System.IntPtr", "Handle")]
    [InlineData("Member", "string", "LoginProvider")]
    [InlineData("Member", "int", "DeviceId")]
    [InlineData("Member", "bool", "HasApiKey")]
    [InlineData("Member", "System.Uri?", "Address")]
    [InlineData("Member", "System.DateTime", "LastLogin")]
    public Task NoDiagnostic_WhereTheNameBelongsToAThing(string declaringType, string type, string name) => Verify.VerifyAnalyzerAsync(
        $$"""
        public interface {{declaringType}}Base { }

        public class {{declaringType}} : {{declaringType}}Base
        {
            public {{type}} {{name}} { get; set; } = default!;
        }
        """);

    // What makes a type a thing is looked for in its base types too: a stored file has a name, not a person. A
    // person's word before the match says whose it is on any type; a thing rules out only what such a thing has.
    [Fact]
    public Task NoDiagnostic_ForANameOnATypeDerivedFromAThing() => Verify.VerifyAnalyzerAsync("""
        public abstract class StoredFileBase { public abstract long Length { get; } }

        public sealed class Upload : StoredFileBase
        {
            public override long Length => 0;
            public string FullName { get; set; } = "";
            public string [|UploaderEmail|] { get; set; } = "";
        }

        public sealed class UserFile
        {
            public string DisplayName { get; set; } = "";
            public string [|OwnerName|] { get; set; } = "";
        }

        public sealed class UserSettings
        {
            public string [|Email|] { get; set; } = "";
        }
        """);

    // The reproduction of issue 16's false positives, as filed: none is a person's.
    [Fact]
    public Task NoDiagnostic_ForTheNamesOfThingsInIssue16() => Verify.VerifyAnalyzerAsync("""
        public sealed class CultureOption
        {
            public CultureOption(string displayName) => DisplayName = displayName;
            public string DisplayName { get; }
        }

        public sealed class FileEntry
        {
            public string FullName { get; set; } = "";
        }

        public sealed class ServerInfo
        {
            public string LocalAddress { get; set; } = "";
            public string CertificatePassword { get; set; } = "";
        }

        public interface INetwork
        {
            bool IsLocal(string address);
        }
        """);

    // A bare address is a postal one, but in a type about networks it is a network address, in one about mail an
    // email address.
    [Fact]
    public Task Diagnostic_ABareAddress_IsWhatItsTypeIsAbout() => Verify.VerifyAnalyzerAsync(
        """
        public class PeerConnection
        {
            public string {|#0:Address|} { get; set; } = "";
        }

        public class EmailRecipient
        {
            public string {|#1:Address|} { get; set; } = "";
        }

        public class Member
        {
            public string {|#2:Address|} { get; set; } = "";
        }
        """,
        Verify.Diagnostic("SP9001").WithLocation(0).WithArguments("Address", "network address", "NetworkAddress"),
        Verify.Diagnostic("SP9001").WithLocation(1).WithArguments("Address", "contact details", "Contact"),
        Verify.Diagnostic("SP9001").WithLocation(2).WithArguments("Address", "location", "Location"));

    // The reproduction of issue 16: parameters that receive a person's identifiers from another project and log them.
    // The password reaches no sink: the method only holds it, so nothing asks for its annotation.
    [Fact]
    public Task Diagnostic_ForParametersThatReachALog_NotForOneThatReachesNone() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.Extensions.Logging;

        public sealed class SignInService(ILogger<SignInService> log)
        {
            public void Denied(string {|#0:username|}, string {|#1:remoteEndPoint|}, string {|#2:deviceId|}, string {|#3:accessToken|}, string password)
            {
                log.LogInformation("Denied {User} from {Ip} on {Device} with {Token}", username, remoteEndPoint, deviceId, accessToken);
            }
        }
        """,
        Verify.Diagnostic("SP9001").WithLocation(0).WithArguments("username", "online identifier", "OnlineIdentifier"),
        Verify.Diagnostic("SP9001").WithLocation(1).WithArguments("remoteEndPoint", "network address", "NetworkAddress"),
        Verify.Diagnostic("SP9001").WithLocation(2).WithArguments("deviceId", "device identifier", "DeviceIdentifier"),
        Verify.Diagnostic("SP9001").WithLocation(3).WithArguments("accessToken", "credential", "Credential"));

    // Every kind of sink counts: a log, a store (a file, a cache), another party, an exception message; so does a
    // helper of the compilation that logs what it is given.
    [Fact]
    public Task Diagnostic_ForParametersThatReachEachSinkKind() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Logging;

        public sealed class Accounts(ILogger<Accounts> log, IDistributedCache cache, HttpClient http)
        {
            public void Logged(string [|email|]) => log.LogWarning("Bounced: {Email}", email);

            public void Written(string path, string [|phoneNumber|]) => File.WriteAllText(path, phoneNumber);

            public Task Cached(string [|ipAddress|]) => cache.SetStringAsync("last-ip", ipAddress);

            public Task Shared(string [|userName|]) => http.PostAsync("https://crm.example.com/users", new StringContent(userName));

            public void Thrown(string [|dateOfBirth|]) => throw new ArgumentException($"Not a date: {dateOfBirth}");

            public void ThroughAHelper(string [|postcode|]) => Audit("postcode", postcode);

            private void Audit(string what, string value) => log.LogInformation("{What} changed to {Value}", what, value);
        }

        // A partial method is reported once, on its definition.
        public sealed partial class Generated(ILogger<Generated> log)
        {
            public partial void Bounced(string [|emailAddress|]);
            public partial string [|ContactEmail|] { get; set; }
        }

        public sealed partial class Generated
        {
            public partial void Bounced(string emailAddress) => log.LogWarning("Bounced: {Email}", emailAddress);
            public partial string ContactEmail { get => ""; set { } }
        }
        """);

    // A parameter that is stored in a member, compared, hashed into a flag or passed nowhere is not reported: the
    // member it lands in is (CultureOption.DisplayName is a culture's, and is not).
    [Fact]
    public Task NoDiagnostic_ForParametersThatReachNoSink() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.Extensions.Logging;

        public sealed class CultureOption
        {
            public CultureOption(string displayName) => DisplayName = displayName;

            public string DisplayName { get; }
        }

        public sealed class Member
        {
            public Member(string email) => Email = email;

            public string [|Email|] { get; }

            public bool Matches(string email, string password) => string.Equals(Email, email, StringComparison.OrdinalIgnoreCase) && password.Length > 8;
        }

        public interface INetwork
        {
            bool IsLocal(string address);
        }

        public abstract class Notifier
        {
            public abstract void Notify(string phoneNumber);
        }

        public sealed class Tracing(ILogger<Tracing> log)
        {
            // The caller's member name is code, not a person's name.
            public void Enter([CallerMemberName] string memberName = "") => log.LogDebug("Entering {Member}", memberName);
        }

        // The value reaches a log, but from another method's body, through a field: the field is where it lives.
        public sealed class Texter
        {
            private readonly ILogger _log;
            private readonly string _target;

            public Texter(ILogger log, string phoneNumber)
            {
                _log = log;
                _target = phoneNumber;
            }

            public void Send() => _log.LogInformation("Texting {Target}", _target);
        }
        """);

    // A parameter already annotated or explained is settled, whatever it reaches.
    [Fact]
    public Task NoDiagnostic_ForAnnotatedOrExplainedParametersThatReachASink() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        [LawfulBasis(LawfulBasis.Contract, Purpose = "Sign-in support")]
        public sealed class SignIn(ILogger<SignIn> log)
        {
            public void Failed([PersonalData(DataCategory.OnlineIdentifier)] string userName) => log.LogInformation("{User}", userName);

            public void Probe([NotPersonalData("The health check's own account")] string userName) => log.LogInformation("{User}", userName);
        }
        """);

    [Fact]
    public Task CodeFix_AddsTheCategoryOfEachIdentifier() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using System.Net;
        using Microsoft.Extensions.Logging;

        public class Session
        {
            public IPAddress? [|Origin|] { get; set; }

            public Guid [|InstallationId|] { get; set; }

            public string [|RefreshToken|] { get; set; } = "";

            public void Denied(ILogger log, string [|login|], string [|clientIp|]) => log.LogInformation("{Login} from {Ip}", login, clientIp);
        }
        """,
        """
        using System;
        using System.Net;
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Session
        {
            [PersonalData(DataCategory.NetworkAddress)]
            public IPAddress? Origin { get; set; }

            [PersonalData(DataCategory.DeviceIdentifier)]
            public Guid InstallationId { get; set; }

            [PersonalData(DataCategory.Credential)]
            public string RefreshToken { get; set; } = "";

            public void Denied(ILogger log, [PersonalData(DataCategory.OnlineIdentifier)] string login, [PersonalData(DataCategory.NetworkAddress)] string clientIp) => log.LogInformation("{Login} from {Ip}", login, clientIp);
        }
        """);

    private static string CategoryWords(string category) => category switch
    {
        "OnlineIdentifier" => "online identifier",
        "NetworkAddress" => "network address",
        "DeviceIdentifier" => "device identifier",
        "Credential" => "credential",
        "Name" => "name",
        "Location" => "location",
        _ => category,
    };
}
