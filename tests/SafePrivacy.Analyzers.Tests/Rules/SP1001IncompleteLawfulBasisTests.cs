using System.Threading.Tasks;
using SafePrivacy.Analyzers.Rules;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.IncompleteLawfulBasisAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP1001IncompleteLawfulBasisTests
{
    [Fact]
    public Task Diagnostic_WhenPurposeMissingOnType() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [[|LawfulBasis(LawfulBasis.Contract)|]]
        public class AccountService { }
        """);

    [Fact]
    public Task Diagnostic_WhenPurposeEmptyOrWhitespace_AtTheArgument() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        public class AccountService
        {
            [LawfulBasis(LawfulBasis.Contract, Purpose = [|""|])]
            public void Register() { }

            [LawfulBasis(LawfulBasis.Contract, Purpose = [|"   "|])]
            public void Close() { }
        }
        """);

    [Fact]
    public Task Diagnostic_WhenPurposeIsAPlaceholder() => Verify.VerifyAnalyzerAsync(
        """
        using SafePrivacy;

        [LawfulBasis(LawfulBasis.Contract, Purpose = {|#0:"TODO"|})]
        public class AccountService { }
        """,
        Verify.Diagnostic("SP1001").WithLocation(0)
            .WithMessage("The lawful basis on 'AccountService' states only the placeholder purpose 'TODO'; set Purpose to why the data is processed"));

    [Theory]
    [InlineData("LegalObligation", "the statute, e.g. \"Online Safety Act 2023 s.10\"")]
    [InlineData("LegitimateInterests", "the legitimate interests assessment")]
    [InlineData("RecognisedLegitimateInterest", "the Annex 1 condition")]
    public Task Diagnostic_WhenBasisNeedsReferenceAndHasNone(string basis, string expected) => Verify.VerifyAnalyzerAsync(
        $$"""
        using SafePrivacy;

        public class ReportService
        {
            [LawfulBasis(LawfulBasis.{{basis}}, Purpose = "Handle user reports")]
            public void Handle() { }
        }
        """,
        Verify.Diagnostic("SP1001").WithLocation(5, 6)
            .WithMessage($"The {basis} basis on 'ReportService.Handle' names no reference; set Reference to {expected}"));

    [Theory]
    [InlineData("Contract")]
    [InlineData("VitalInterests")]
    [InlineData("PublicTask")]
    [InlineData("Consent")]
    public Task NoDiagnostic_WhenBasisNeedsNoReference(string basis) => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        [LawfulBasis(LawfulBasis.{{basis}}, Purpose = "Provide the service")]
        public class AccountService { }
        """);

    [Fact]
    public Task NoDiagnostic_WhenDeclarationsAreComplete() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [assembly: LawfulBasis(LawfulBasis.LegitimateInterests, Purpose = "Operate the forum", Reference = "LIA-2024-01")]

        [LawfulBasis(LawfulBasis.LegalObligation, Purpose = "Remove illegal content", Reference = "Online Safety Act 2023 s.10")]
        public class IllegalContentDuty
        {
            [LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Purpose = "Safeguard a child at risk", Reference = "Annex 1 para 4")]
            public void Escalate() { }
        }
        """);

    [Fact]
    public Task Diagnostic_WhenNamedArgumentsAreInAnyOrder() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        public class ReportService
        {
            [LawfulBasis(LawfulBasis.LegalObligation, Reference = "Online Safety Act 2023 s.10", Purpose = [|""|])]
            public void Handle() { }

            [LawfulBasis(LawfulBasis.LegitimateInterests, Reference = [|" "|], Purpose = "Enforce the terms of service")]
            public void Enforce() { }
        }
        """);

    [Fact]
    public Task Diagnostic_ForPurposeAndReferenceSeparately() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [[|LawfulBasis(LawfulBasis.LegalObligation)|]]
        public class ReportService { }
        """,
        Verify.Diagnostic("SP1001").WithSpan(3, 2, 3, 42).WithArguments("ReportService", "LegalObligation", "the statute, e.g. \"Online Safety Act 2023 s.10\""));

    [Fact]
    public Task Diagnostic_OnAssemblyAttribute() => Verify.VerifyAnalyzerAsync(
        """
        using SafePrivacy;

        [assembly: LawfulBasis(LawfulBasis.LegitimateInterests, Purpose = "Operate the forum")]
        """,
        Verify.Diagnostic("SP1001").WithSpan(3, 12, 3, 87)
            .WithMessage("The LegitimateInterests basis on 'the assembly' names no reference; set Reference to the legitimate interests assessment"));

    [Fact]
    public Task Diagnostic_OnNestedTypeAndConstructor() => Verify.VerifyAnalyzerAsync(
        """
        using SafePrivacy;

        public class Outer
        {
            [LawfulBasis(LawfulBasis.Contract, Purpose = [|""|])]
            public class Inner
            {
                [LawfulBasis(LawfulBasis.Contract, Purpose = [|""|])]
                public Inner() { }
            }
        }
        """);

    [Fact]
    public Task Diagnostic_WhenAttributeIsWrittenWithItsFullNameOrAnAlias() => Verify.VerifyAnalyzerAsync("""
        using Basis = SafePrivacy.LawfulBasisAttribute;

        [[|Basis(SafePrivacy.LawfulBasis.Contract)|]]
        public class A { }

        [[|SafePrivacy.LawfulBasisAttribute(SafePrivacy.LawfulBasis.Contract)|]]
        public class B { }
        """);

    [Fact]
    public Task Diagnostic_WhenConsentIsDeclaredOnAPipelineTypeOrMethod() => Verify.VerifyAnalyzerAsync(
        """
        using SafePrivacy;

        [ModerationPipeline]
        [LawfulBasis([|LawfulBasis.Consent|], Purpose = "Detect abuse")]
        public class AutoModerator { }

        public class Reports
        {
            [ModerationPipeline]
            [LawfulBasis({|#0:LawfulBasis.Consent|}, Purpose = "Triage reports")]
            public void Triage() { }
        }
        """,
        Verify.Diagnostic("SP1001").WithLocation(0)
            .WithMessage("Moderation pipeline 'Reports.Triage' relies on consent; consent is rarely appropriate for moderation, declare LegalObligation or LegitimateInterests instead"));

    [Fact]
    public Task Diagnostic_WhenConsentIsDeclaredOnAMethodInsideAPipelineType() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [ModerationPipeline]
        [LawfulBasis(LawfulBasis.LegalObligation, Purpose = "Remove illegal content", Reference = "Online Safety Act 2023 s.10")]
        public class AutoModerator
        {
            [LawfulBasis([|LawfulBasis.Consent|], Purpose = "Personalise warnings")]
            public void Warn() { }
        }
        """);

    [Fact]
    public Task Diagnostic_OnThePipeline_WhenItInheritsConsentFromOutside() => Verify.VerifyAnalyzerAsync(
        """
        using SafePrivacy;

        [assembly: LawfulBasis(LawfulBasis.Consent, Purpose = "Provide the service")]

        [{|#0:ModerationPipeline|}]
        public class AutoModerator { }

        [LawfulBasis(LawfulBasis.Consent, Purpose = "Newsletter")]
        public class Mailer
        {
            [[|ModerationPipeline|]]
            public void ScanLinks() { }
        }
        """,
        Verify.Diagnostic("SP1001").WithLocation(0)
            .WithMessage("Moderation pipeline 'AutoModerator' relies on consent declared on the assembly; consent is rarely appropriate for moderation, declare LegalObligation or LegitimateInterests instead"));

    [Fact]
    public Task Diagnostic_WhenAPipelineInheritsItsMarkFromABaseType() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [ModerationPipeline]
        public abstract class PipelineBase { }

        [LawfulBasis([|LawfulBasis.Consent|], Purpose = "Detect spam")]
        public class SpamFilter : PipelineBase { }
        """);

    [Fact]
    public Task NoDiagnostic_WhenConsentIsOutsideAnyPipeline() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [assembly: LawfulBasis(LawfulBasis.Consent, Purpose = "Send the newsletter")]

        [LawfulBasis(LawfulBasis.Consent, Purpose = "Send the newsletter")]
        public class Newsletter { }

        [ModerationPipeline]
        [LawfulBasis(LawfulBasis.LegalObligation, Purpose = "Remove illegal content", Reference = "Online Safety Act 2023 s.10")]
        public class AutoModerator
        {
            [ModerationPipeline]
            public void Scan() { }
        }
        """);

    [Fact]
    public Task NoDuplicate_WhenConsentOnAPipelineTypeIsInheritedByAPipelineMethod() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [ModerationPipeline]
        [LawfulBasis([|LawfulBasis.Consent|], Purpose = "Detect abuse")]
        public class AutoModerator
        {
            [ModerationPipeline]
            public void Scan() { }
        }
        """);

    [Fact]
    public Task NoDiagnosticOrException_WhileTheAttributeIsBeingTyped() =>
        new Verify.Test
        {
            AllowCompilerErrors = true,
            TestState =
            {
                Sources =
                {
                    """
                    using SafePrivacy;

                    [LawfulBasis(LawfulBasis.]
                    public class A { }

                    [LawfulBasis(Purpose = "x")]
                    public class B { }

                    [LawfulBasis(LawfulBasis.Contract, Purpose = )]
                    public class C { }

                    [assembly: LawfulBasis(
                    """,
                },
            },
        }.RunAsync();
}
