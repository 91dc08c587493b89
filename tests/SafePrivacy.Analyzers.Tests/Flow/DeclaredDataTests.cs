using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Tests.Conventions;
using SafePrivacy.Analyzers.Tests.Robustness;

namespace SafePrivacy.Analyzers.Tests.Flow;

/// <summary>
/// The flow rules switch themselves off in a project where nothing is declared personal data — and must switch on
/// wherever something is, however it is declared: in source, in a referenced library, or by ASP.NET Core Identity.
/// </summary>
public sealed class DeclaredDataTests
{
    private const string Logging = """
        using Microsoft.Extensions.Logging;

        public class Customer { public string Email { get; set; } = ""; }

        public class Greeter
        {
            public void Greet(ILogger log, Customer customer) => log.LogInformation("Hello {Email}", customer.Email);
        }
        """;

    private static readonly string AnnotatedLogging =
        Logging.Replace("public string Email", "[SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] public string Email");

    [Fact]
    public async Task NothingDeclared_TheFlowRulesDoNotStart_ButUnannotatedDataIsStillPointedOut()
    {
        var compilation = RobustnessCorpus.Compile(new[] { Logging });

        Assert.NotNull(PrivacyModel.For(compilation, NoOptions, default));
        Assert.Null(PrivacyModel.ForDeclaredData(compilation, NoOptions, default));
        Assert.Contains(RuleIds.UnannotatedPersonalData, await IdsAsync(compilation));
    }

    [Fact]
    public async Task DataDeclaredInSource_FlowRulesRun()
    {
        var compilation = RobustnessCorpus.Compile(new[] { AnnotatedLogging });

        Assert.NotNull(PrivacyModel.ForDeclaredData(compilation, NoOptions, default));
        Assert.Contains(RuleIds.PersonalDataLogged, await IdsAsync(compilation));
    }

    [Fact]
    public async Task DataDeclaredInAReferencedLibrary_FlowRulesRunThoughNoSourceFileNamesAnAttribute()
    {
        var library = RobustnessCorpus.Compile(new[]
        {
            """
            namespace Shop.Domain;

            public class Customer
            {
                [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] public string Email { get; set; } = "";
            }
            """,
        }).WithAssemblyName("Shop.Domain").WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        var consumer = RobustnessCorpus.Compile(new[]
        {
            """
            using Microsoft.Extensions.Logging;
            using Shop.Domain;

            public class Greeter
            {
                public void Greet(ILogger log, Customer customer) => log.LogInformation("Hello {Email}", customer.Email);
            }
            """,
        }).AddReferences(MetadataReference.CreateFromImage(image.ToArray()));

        Assert.Contains(RuleIds.PersonalDataLogged, await IdsAsync(consumer));
    }

    [Fact]
    public async Task IdentityUsersInSource_FlowRulesRunWithNoSafePrivacyAttributeAnywhere()
    {
        var consumer = RobustnessCorpus.Compile(new[]
        {
            """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Logging;

            public class ApplicationUser : IdentityUser { }

            public class SignIn
            {
                public void Run(ILogger log, ApplicationUser user) => log.LogInformation("{Email}", user.Email);
            }
            """,
        });

        Assert.Contains(RuleIds.PersonalDataLogged, await IdsAsync(consumer));
    }

    private static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

    private static async Task<ImmutableArray<string>> IdsAsync(Compilation compilation)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new CompilationWithAnalyzersOptions(NoOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerConventionTests.Analyzers, options).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(d => d.Id).ToImmutableArray();
    }
}
