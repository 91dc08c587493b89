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

            public void Update(string [|email|], string theme) { }
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

    // An interface member is annotated on the interface, where every caller sees it: reported there only, once.
    [Fact]
    public Task Diagnostic_OnTheInterface_NotOnItsImplementations() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        public interface IContact
        {
            string [|Email|] { get; }
            void Update(string [|phoneNumber|]);
        }

        public class Contact : IContact
        {
            public string Email => "";
            public void Update(string phoneNumber) { }
        }

        public class HiddenContact : IContact
        {
            string IContact.Email => "";
            void IContact.Update(string phoneNumber) { }
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
    public void IdentifierWords_SplitCasingAcronymsAndUnderscores(string identifier, string words) =>
        Assert.Equal(words, string.Join(" ", IdentifierWords.Split(identifier)));

    [Fact]
    public Task CodeFix_AddsTheSuggestedCategory() => Verify.VerifyCodeFixAsync(
        """
        public class Customer
        {
            /// <summary>Where we write to.</summary>
            public string [|Email|] { get; set; } = "";

            public void Update(string [|phoneNumber|]) { }
        }
        """,
        """
        using SafePrivacy;

        public class Customer
        {
            /// <summary>Where we write to.</summary>
            [PersonalData(DataCategory.Contact)]
            public string Email { get; set; } = "";

            public void Update([PersonalData(DataCategory.Contact)] string phoneNumber) { }
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
}
