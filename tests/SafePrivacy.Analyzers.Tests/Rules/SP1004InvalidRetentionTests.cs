using System.Threading.Tasks;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Rules;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.InvalidRetentionAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP1004InvalidRetentionTests
{
    [Theory]
    [InlineData("P90D")]
    [InlineData("P1Y2M10DT2H30M")]
    [InlineData("P1Y6M")]
    [InlineData("P2W")]
    [InlineData("P1W3D")]
    [InlineData("PT12H")]
    [InlineData("PT36H")]
    [InlineData("PT0.5S")]
    [InlineData("PT1,5H")]
    [InlineData("P0.5Y")]
    [InlineData("P0D")]
    [InlineData("P1Y2M3W4DT5H6M7.25S")]
    public Task NoDiagnostic_WhenPeriodIsAnIsoDuration(string period) => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        [Retention("{{period}}")]
        public class Report { }
        """);

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("90 days", "it must start with 'P'")]
    [InlineData("P", "it has no components")]
    [InlineData("PT", "'T' must be followed by hours, minutes or seconds")]
    [InlineData("P1DT", "'T' must be followed by hours, minutes or seconds")]
    [InlineData("-P1D", "a negative or signed duration is not allowed")]
    [InlineData("P-1D", "a negative or signed duration is not allowed")]
    [InlineData("P1Y-2M", "unexpected '-'")]
    [InlineData("p30d", "designators are upper case")]
    [InlineData("P30d", "designators are upper case")]
    [InlineData("P1D2Y", "designators must appear in the order Y, M, W, D")]
    [InlineData("P1Y1Y", "designators must appear in the order Y, M, W, D")]
    [InlineData("PT1S2M", "designators must appear in the order H, M, S")]
    [InlineData("P1.5Y2M", "only the last component may have a fraction")]
    [InlineData("P1.D", "a decimal point must be followed by digits")]
    [InlineData("P1H", "'H' is not a date designator (Y, M, W or D; time parts follow 'T')")]
    [InlineData("PT1D", "'D' is not a time designator (H, M or S)")]
    [InlineData("P30", "the number '30' has no designator after it")]
    [InlineData("PD", "'D' has no number before it")]
    [InlineData("P1YT2HT3M", "'T' appears twice")]
    [InlineData("P0001-02-03", "the PYYYY-MM-DDThh:mm:ss form is not supported; use designators such as P1Y2M")]
    [InlineData("P99999999999999999999999999999999D", "the number '99999999999999999999999999999999' is too large")]
    [InlineData("forever", "for no limit use Retention.Indefinite with a Justification")]
    [InlineData("indefinite", "for no limit use Retention.Indefinite with a Justification")]
    public Task Diagnostic_WhenPeriodIsNotAnIsoDuration(string period, string problem) => Verify.VerifyAnalyzerAsync(
        $$"""
        using SafePrivacy;

        [Retention({|#0:"{{period}}"|})]
        public class Report { }
        """,
        Verify.Diagnostic("SP1004").WithLocation(0)
            .WithMessage($"Retention period '{period}' on 'Report' is not an ISO 8601 duration ({problem}); write it like \"P90D\", \"P1Y6M\" or \"PT12H\""));

    [Fact]
    public Task Diagnostic_WhenPeriodIsNull() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [Retention([|null!|])]
        public class Report { }
        """);

    [Fact]
    public Task Diagnostic_WhenIndefiniteHasNoJustification() => Verify.VerifyAnalyzerAsync(
        """
        using SafePrivacy;

        [{|#0:Retention(Retention.Indefinite)|}]
        public class EvidenceRecord { }

        [[|Retention(Retention.Indefinite, Justification = "  ")|]]
        public class Appeal { }

        [[|Retention(Retention.Indefinite, Justification = "TODO")|]]
        public class Strike { }
        """,
        Verify.Diagnostic("SP1004").WithLocation(0)
            .WithMessage("Indefinite retention on 'EvidenceRecord' has no justification; set Justification to why the data must be kept without limit, or give a period such as \"P1Y\""));

    [Fact]
    public Task NoDiagnostic_WhenIndefiniteIsJustified() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [Retention(Retention.Indefinite, Justification = "Kept while the account exists; deleted with it", Then = Disposal.Delete)]
        public class Profile { }
        """);

    [Fact]
    public Task Diagnostic_OnAssemblyMethodPropertyAndNestedType() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [assembly: Retention([|"30 days"|])]

        public class Outer
        {
            [Retention([|"P1X"|])]
            public class Inner { }

            [Retention([|"1Y"|])]
            public void Store() { }

            [Retention([|"P"|])]
            public string Notes { get; set; } = "";
        }
        """);

    [Fact]
    public Task Diagnostic_WhenArgumentsAreNamedAndInAnyOrder() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [Retention(period: [|"P3Q"|], Then = Disposal.Anonymise, Reference = "Retention schedule v2", From = RetentionTrigger.CaseClosure)]
        public class Report { }

        [Retention(period: [|"1 year"|], Justification = "Statutory record", Reference = "Retention schedule v2")]
        public class Appeal { }

        [Retention(period: Retention.Indefinite, Then = Disposal.Review, Justification = "Evidence for the National Crime Agency")]
        public class Evidence { }
        """);

    [Fact]
    public Task Diagnostic_AtTheConstantItsValueComesFrom() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        public static class Periods
        {
            public const string Month = "P1M";
            public const string Quarter = "3 months";
        }

        [Retention(Periods.Month)]
        public class Report { }

        [Retention([|Periods.Quarter|])]
        public class Appeal { }
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

                    [Retention(]
                    public class A { }

                    [Retention("P1
                    public class B { }

                    [Retention(42)]
                    public class C { }

                    [Retention("P1D", Justification = )]
                    public class D { }
                    """,
                },
            },
        }.RunAsync();

    [Theory]
    [InlineData("P90D", "90 days")]
    [InlineData("P1Y6M", "1 year 6 months")]
    [InlineData("P2W", "2 weeks")]
    [InlineData("PT1.5H", "1.5 hours")]
    [InlineData("P1DT1M", "1 day 1 minute")]
    public void IsoDuration_DescribesItselfInWords(string period, string words)
    {
        Assert.True(IsoDuration.TryParse(period, out var duration, out var problem), problem);
        Assert.Equal(words, duration!.Describe());
    }
}
