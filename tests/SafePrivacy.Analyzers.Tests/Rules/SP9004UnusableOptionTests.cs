using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.UnusableOptionAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

// Options come from an .editorconfig, which only the Test form sets (as the SP9001 configuration tests do).
public sealed class SP9004UnusableOptionTests
{
    private const string Source = "public class Patient { public string Nickname { get; set; } = \"\"; }";

    [Fact]
    public Task Diagnostic_ForACategoryInTheWrongCase_ANumber_AndAnUnknownName() =>
        new Verify.Test
        {
            TestState =
            {
                AnalyzerConfigFiles = { Verify.Test.EditorConfig("safe_privacy.discovery_patterns = Nickname:name, Handle:3, NhsNumber:GovernmentIdentifier, Pet:Animal, Badge:") },
                Sources = { Source },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic("SP9004").WithMessage("Option 'safe_privacy.discovery_patterns' has the unusable value 'Nickname:name': 'name' is not a DataCategory member (did you mean 'Name'?), so 'Nickname' is discovered as Other; name a member such as Contact, Name or OnlineIdentifier"),
                    Verify.Diagnostic("SP9004").WithMessage("Option 'safe_privacy.discovery_patterns' has the unusable value 'Handle:3': '3' is a number, not a DataCategory member, so 'Handle' is discovered as Other; name a member such as Contact, Name or OnlineIdentifier"),
                    Verify.Diagnostic("SP9004").WithMessage("Option 'safe_privacy.discovery_patterns' has the unusable value 'Pet:Animal': 'Animal' is not a DataCategory member, so 'Pet' is discovered as Other; name a member such as Contact, Name or OnlineIdentifier"),
                    Verify.Diagnostic("SP9004").WithMessage("Option 'safe_privacy.discovery_patterns' has the unusable value 'Badge:': the category after ':' is empty, so 'Badge' is discovered as Other; name a member such as Contact, Name or OnlineIdentifier"),
                },
            },
        }.RunAsync();

    [Fact]
    public Task Diagnostic_ForADiscoverySwitchThatIsNeitherTrueNorFalse() =>
        new Verify.Test
        {
            TestState =
            {
                AnalyzerConfigFiles = { Verify.Test.EditorConfig("safe_privacy.discovery = off") },
                Sources = { Source },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic("SP9004").WithMessage("Option 'safe_privacy.discovery' has the unusable value 'off': it is true or false, so discovery stays on"),
                },
            },
        }.RunAsync();

    [Fact]
    public Task Diagnostic_OncePerValue_HoweverManyFilesItAppliesTo() =>
        new Verify.Test
        {
            TestState =
            {
                AnalyzerConfigFiles = { Verify.Test.EditorConfig("safe_privacy.discovery_patterns = Nickname:name") },
                Sources = { Source, "public class Member { }", "public class Moderator { }" },
                ExpectedDiagnostics = { Verify.Diagnostic("SP9004").WithArguments("safe_privacy.discovery_patterns", "Nickname:name", "'name' is not a DataCategory member (did you mean 'Name'?), so 'Nickname' is discovered as Other; name a member such as Contact, Name or OnlineIdentifier") },
            },
        }.RunAsync();

    [Fact]
    public Task Diagnostic_ForListedSinksThatNameNoMethod_ButNotForOnesInSourceOrReferences() =>
        new Verify.Test
        {
            TestState =
            {
                AnalyzerConfigFiles =
                {
                    Verify.Test.EditorConfig(
                        "safe_privacy.log_sinks = MyApp.Audit.AuditLog.Write, MyApp.Audit.AuditLog.Record:details, MyApp.Audit.AuditLog.Wrte, Write",
                        "safe_privacy.storage_sinks = MyApp.Data.BlobStore.Put, MyApp.Data.Repository.Save:entity, System.IO.File.WriteAllText:contents",
                        "safe_privacy.transfer_sinks = MyApp.Partners.CrmClient.Send:payload"),
                },
                Sources =
                {
                    """
                    namespace MyApp.Audit
                    {
                        public class AuditLog
                        {
                            public void Write(string text) { }
                            public void Record(string action, string details) { }
                        }
                    }

                    namespace MyApp.Data
                    {
                        public class Repository<T>
                        {
                            public void Save(T entity) { }
                        }
                    }

                    namespace MyApp.Partners
                    {
                        public class CrmClient
                        {
                            public void Send(string body) { }
                        }
                    }
                    """,
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic("SP9004").WithMessage("Option 'safe_privacy.log_sinks' has the unusable value 'MyApp.Audit.AuditLog.Wrte': 'MyApp.Audit.AuditLog' has no method 'Wrte', so it is no sink"),
                    Verify.Diagnostic("SP9004").WithMessage("Option 'safe_privacy.log_sinks' has the unusable value 'Write': an entry is a method's full name, Namespace.Type.Method, or Namespace.Type.Method:parameter"),
                    Verify.Diagnostic("SP9004").WithMessage("Option 'safe_privacy.storage_sinks' has the unusable value 'MyApp.Data.BlobStore.Put': no type 'MyApp.Data.BlobStore' is in the compilation or its references, so it is no sink"),
                    Verify.Diagnostic("SP9004").WithMessage("Option 'safe_privacy.transfer_sinks' has the unusable value 'MyApp.Partners.CrmClient.Send:payload': no 'Send' has a parameter 'payload', so it is no sink"),
                },
            },
        }.RunAsync();

    [Fact]
    public Task NoDiagnostic_ForValidOptions() =>
        new Verify.Test
        {
            TestState =
            {
                AnalyzerConfigFiles = { Verify.Test.EditorConfig("safe_privacy.discovery = FALSE", "safe_privacy.discovery_patterns = Nickname:Name, Handle, NhsNumber : GovernmentIdentifier") },
                Sources = { Source },
            },
        }.RunAsync();

    [Fact]
    public Task NoDiagnostic_WithoutOptions() => Verify.VerifyAnalyzerAsync(Source);
}
