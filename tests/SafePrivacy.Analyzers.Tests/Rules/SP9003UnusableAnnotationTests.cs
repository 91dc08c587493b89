using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.UnusableAnnotationAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP9003UnusableAnnotationTests
{
    private const string Vendor = """
        namespace Vendor
        {
            public class Profile { public string Email { get; set; } = ""; }
            public class Client { public string FetchNote(int id) => ""; public string FetchNote(string key) => ""; }
        }
        """;

    private static DiagnosticResult At(string file, int line, int startColumn, int endColumn, string entry, string reason) =>
        Verify.Diagnostic("SP9003").WithSpan(file, line, startColumn, line, endColumn).WithArguments(entry, reason);

    [Fact]
    public Task Diagnostic_OnEachLineThatAnnotatesNothing() =>
        new Verify.Test
        {
            TestState =
            {
                AdditionalFiles =
                {
                    ("SafePrivacy.Annotations.txt", """
                        # Vendor SDK types we cannot annotate.
                        P:Vendor.Profile.Email          PersonalData(Contact)
                          P:Vendor.Profile.Emial        PersonalData(Contact)   # a typo
                        P:Vendor.Profile.Email          PersonalData(Postcode)
                        P:Vendor.Profile.Email
                        M:Vendor.Client.FetchNote       UserGeneratedContent
                        M:Vendor.Client.Missing         UserGeneratedContent
                        """),
                },
                Sources = { Vendor },
            },
            ExpectedDiagnostics =
            {
                At("SafePrivacy.Annotations.txt", 3, 3, 25, "P:Vendor.Profile.Emial", "it names no symbol this compilation can see; check the namespace, type and member names"),
                At("SafePrivacy.Annotations.txt", 4, 1, 55, "P:Vendor.Profile.Email          PersonalData(Postcode)", "it is not a documentation-comment ID followed by a classification such as PersonalData(Contact)"),
                At("SafePrivacy.Annotations.txt", 5, 1, 23, "P:Vendor.Profile.Email", "it is not a documentation-comment ID followed by a classification such as PersonalData(Contact)"),
                At("SafePrivacy.Annotations.txt", 7, 1, 24, "M:Vendor.Client.Missing", "it names no symbol this compilation can see; check the namespace, type and member names"),
            },
        }.RunAsync();

    [Fact]
    public Task Diagnostic_InEveryAnnotationsFileButNotInOtherTextFiles() =>
        new Verify.Test
        {
            TestState =
            {
                AdditionalFiles =
                {
                    ("vendor.safeprivacy.txt", "T:Vendor.Profil PersonalData\n"),
                    ("notes.txt", "T:Vendor.Profil PersonalData\n"),
                },
                Sources = { Vendor },
            },
            ExpectedDiagnostics =
            {
                At("vendor.safeprivacy.txt", 1, 1, 16, "T:Vendor.Profil", "it names no symbol this compilation can see; check the namespace, type and member names"),
            },
        }.RunAsync();

    [Fact]
    public Task NoDiagnostic_WhenEveryLineResolves() =>
        new Verify.Test
        {
            TestState =
            {
                AdditionalFiles =
                {
                    ("SafePrivacy.Annotations.txt", """
                        P:Vendor.Profile.Email          PersonalData(Contact)   # comments and blank lines are fine

                        M:Vendor.Client.FetchNote       UserGeneratedContent
                        M:Vendor.Client.FetchNote(System.Int32) SpecialCategoryData(Health, Inferred)
                        T:Vendor.Profile                NotPersonalData
                        """),
                },
                Sources = { Vendor },
            },
        }.RunAsync();
}
