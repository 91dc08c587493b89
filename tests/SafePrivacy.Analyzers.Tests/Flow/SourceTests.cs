using System.Threading.Tasks;
using SafePrivacy.Analyzers.Rules;
using SafePrivacy.Analyzers.Tests.Verifiers;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Flow;

/// <summary>Where personal data comes from: every kind of annotation, on every kind of symbol, probed through SP2001.</summary>
public sealed class SourceTests
{
    [Fact]
    public Task EveryDataAttribute_OnPropertiesFieldsParametersAndReturnValues() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Patient
        {
            [SpecialCategoryData(SpecialCategory.Health)] public string Condition = "";
            [CriminalOffenceData] public string Conviction { get; set; } = "";
            [UserGeneratedContent] public string Message { get; set; } = "";
            public string Ward { get; set; } = "";
        }

        public class Clinic
        {
            [return: PersonalData(DataCategory.Location)]
            public static string Locate() => "";

            public void Run(ILogger log, Patient patient, [PersonalData(DataCategory.DateOfBirth)] string born)
            {
                log.LogInformation({|#0:patient.Condition|});
                log.LogInformation([|patient.Conviction|]);
                log.LogInformation([|patient.Message|]);
                log.LogInformation({|#1:born|});
                log.LogInformation({|#2:Locate()|});
                log.LogInformation(patient.Ward);
            }
        }
        """,
        Verify.Diagnostic("SP2001").WithLocation(0).WithArguments("'Patient.Condition' (special category data: health)", "ILogger.LogInformation", "", "Clinic.Run"),
        Verify.Diagnostic("SP2001").WithLocation(1).WithArguments("'born' (date of birth)", "ILogger.LogInformation", "", "Clinic.Run"),
        Verify.Diagnostic("SP2001").WithLocation(2).WithArguments("'Clinic.Locate' (location)", "ILogger.LogInformation", "", "Clinic.Run"));

    [Fact]
    public Task AnnotatedTypes_AreDataWhole_AndHoldersLeakOnlyWhenPrinted() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        [PersonalData(DataCategory.Location)]
        public record Address(string Street, string Town);

        [PersonalData(DataCategory.Location)]
        public class Coordinates { public double Latitude { get; set; } }

        public class Customer
        {
            public int Id { get; set; }
            public Address Home { get; set; } = new("", "");
        }

        public class Shop
        {
            public void Run(ILogger log, Customer customer, Address address, Coordinates where)
            {
                log.LogInformation("{Address}", [|address|]);
                log.LogInformation([|address.Town|]);
                log.LogInformation("{Where}", where);
                log.LogInformation("{@Where}", [|where|]);
                log.LogInformation("{Customer}", customer);
                log.LogInformation("{@Customer}", [|customer|]);
                log.LogInformation([|customer.Home.Street|]);
                log.LogInformation("{Id}", customer.Id);
            }
        }
        """);

    [Fact]
    public Task NotPersonalData_SilencesAMemberAndAType() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Tenant
        {
            [NotPersonalData("The service's own address, not a person's")]
            public string SupportEmail { get; set; } = "";
        }

        public class Mailer
        {
            public void Run(ILogger log, Tenant tenant) => log.LogInformation(tenant.SupportEmail);
        }
        """);

    [Fact]
    public Task AnnotationsOnInterfacesOverriddenMembersAndRecordParameters_AreInherited() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public interface IPerson { [PersonalData(DataCategory.Name)] string Name { get; } }
        public class Member : IPerson { public string Name { get; set; } = ""; }

        public abstract class Contact { [PersonalData(DataCategory.Contact)] public abstract string Phone { get; } }
        public class Mobile : Contact { public override string Phone => "0700"; }

        public record Author([PersonalData(DataCategory.Name)] string Pen, int Id);

        public class Directory
        {
            public void Run(ILogger log, Member member, Mobile mobile, Author author)
            {
                log.LogInformation([|member.Name|]);
                log.LogInformation([|mobile.Phone|]);
                log.LogInformation([|author.Pen|]);
                log.LogInformation("{Id}", author.Id);
            }
        }
        """);

    [Fact]
    public Task ParameterAnnotations_OnAnInterfaceMethod_HoldInItsImplementations() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public interface IMailer { void Send([PersonalData(DataCategory.Contact)] string email, string subject); }

        public class Mailer : IMailer
        {
            private readonly ILogger _log;
            public Mailer(ILogger log) => _log = log;
            public void Send(string email, string subject) => _log.LogInformation("To {Email}: {Subject}", [|email|], subject);
        }

        public class QuietMailer : IMailer
        {
            private readonly ILogger _log;
            public QuietMailer(ILogger log) => _log = log;
            void IMailer.Send(string address, string subject) => _log.LogInformation("To {Email}: {Subject}", [|address|], subject);
        }
        """);

    [Fact]
    public Task IdentityAttributes_OnTheRealIdentityUser() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        public class ApplicationUser : IdentityUser
        {
            [PersonalData] public string Nickname { get; set; } = "";
            public string Theme { get; set; } = "";
        }

        public class SignIn
        {
            public void Run(ILogger log, ApplicationUser user)
            {
                log.LogInformation("{Email}", [|user.Email|]);
                log.LogInformation("{Phone}", [|user.PhoneNumber|]);
                log.LogInformation("{Nick}", [|user.Nickname|]);
                log.LogInformation("{Theme}", user.Theme);
                log.LogInformation("{Failures}", user.AccessFailedCount);
            }
        }
        """);

    // A project's own taxonomy on Microsoft.Extensions.Compliance: any DataClassificationAttribute subclass, however
    // deep, classifies what it is on.
    [Fact]
    public Task ComplianceClassifications_MatchedThroughTheirBaseType()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.Extensions.Compliance.Classification;
                using Microsoft.Extensions.Logging;

                public static class ContosoTaxonomy
                {
                    public static DataClassification Private { get; } = new("Contoso", "Private");
                }

                public class PrivateDataAttribute : DataClassificationAttribute
                {
                    public PrivateDataAttribute() : base(ContosoTaxonomy.Private) { }
                }

                public sealed class HealthDataAttribute : PrivateDataAttribute { }

                public class Order
                {
                    [PrivateData] public string ShippingName { get; set; } = "";
                    [HealthData] public string Allergies { get; set; } = "";
                    public string Sku { get; set; } = "";
                }

                public class Checkout
                {
                    public void Run(ILogger log, Order order)
                    {
                        log.LogInformation([|order.ShippingName|]);
                        log.LogInformation([|order.Allergies|]);
                        log.LogInformation(order.Sku);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Compliance);
        return test.RunAsync();
    }

    // [NoDataClassification] is Compliance's [NotPersonalData]; [UnknownDataClassification] declares nothing either
    // way; a value a Compliance Redactor returns is redacted.
    [Fact]
    public Task ComplianceNoAndUnknownClassifications_AndRedactors()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.Extensions.Compliance.Classification;
                using Microsoft.Extensions.Compliance.Redaction;
                using Microsoft.Extensions.Logging;

                public static class ContosoTaxonomy
                {
                    public static DataClassification Private { get; } = new("Contoso", "Private");
                }

                public sealed class PrivateDataAttribute : DataClassificationAttribute
                {
                    public PrivateDataAttribute() : base(ContosoTaxonomy.Private) { }
                }

                public class Order
                {
                    [PrivateData] public string ShippingName { get; set; } = "";
                    [NoDataClassification] public string Sku { get; set; } = "";
                    [UnknownDataClassification] public string Notes { get; set; } = "";
                }

                public class Checkout(IRedactorProvider redactors)
                {
                    public void Run(ILogger log, Order order)
                    {
                        log.LogInformation([|order.ShippingName|]);
                        log.LogInformation(order.Sku);
                        log.LogInformation(order.Notes);
                        var redactor = redactors.GetRedactor(ContosoTaxonomy.Private);
                        log.LogInformation(redactor.Redact(order.ShippingName));
                        log.LogInformation([|order.ShippingName.Trim()|]);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Compliance);
        return test.RunAsync();
    }

    [Fact]
    public Task ExternalAnnotations_ClassifySymbolsTheProjectDoesNotOwn() =>
        new Verify.Test
        {
            TestState =
            {
                AdditionalFiles =
                {
                    ("SafePrivacy.Annotations.txt", """
                        # Vendor SDK types we cannot annotate.
                        P:Vendor.Profile.Email          PersonalData(Contact)
                        P:Vendor.Profile.Diagnosis      SpecialCategoryData(Health, Inferred)
                        M:Vendor.Client.FetchNote       UserGeneratedContent
                        T:Vendor.Fingerprint            PersonalData(DeviceIdentifier)
                        P:Vendor.Profile.SupportEmail   NotPersonalData
                        """),
                },
                Sources =
                {
                    """
                    using Microsoft.Extensions.Logging;

                    namespace Vendor
                    {
                        public class Profile { public string Email { get; set; } = ""; public string Diagnosis { get; set; } = ""; public string SupportEmail { get; set; } = ""; public string Plan { get; set; } = ""; }
                        public class Client { public string FetchNote(int id) => ""; public string FetchNote(string key) => ""; }
                        public record Fingerprint(string Hash);
                    }

                    public class Sync
                    {
                        public void Run(ILogger log, Vendor.Profile profile, Vendor.Client client, Vendor.Fingerprint print)
                        {
                            log.LogInformation({|#0:profile.Email|});
                            log.LogInformation({|#1:profile.Diagnosis|});
                            log.LogInformation([|client.FetchNote(1)|]);
                            log.LogInformation([|client.FetchNote("k")|]);
                            log.LogInformation("{Print}", [|print|]);
                            log.LogInformation(profile.SupportEmail);
                            log.LogInformation(profile.Plan);
                        }
                    }
                    """,
                },
            },
            ExpectedDiagnostics =
            {
                Verify.Diagnostic("SP2001").WithLocation(0).WithArguments("'Profile.Email' (contact details)", "ILogger.LogInformation", "", "Sync.Run"),
                Verify.Diagnostic("SP2001").WithLocation(1).WithArguments("'Profile.Diagnosis' (inferred special category data: health)", "ILogger.LogInformation", "", "Sync.Run"),
            },
        }.RunAsync();
}
