using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PrintingToStringAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP2005PrintingToStringTests
{
    [Fact]
    public Task Diagnostic_OnARecordWhoseGeneratedToStringPrintsPersonalMembers() => Verify.VerifyAnalyzerAsync(
        """
        using SafePrivacy;

        public record {|#0:Member|}(int Id, [property: PersonalData(DataCategory.Contact)] string Email)
        {
            [PersonalData(DataCategory.Name)] public string DisplayName { get; init; } = "";
            public string Theme { get; init; } = "";
        }
        """,
        Verify.Diagnostic("SP2005").WithLocation(0)
            .WithMessage("'Member' holds personal data (Email, DisplayName) and its compiler-generated ToString prints it; logging or interpolating a 'Member' leaks those members, override ToString to print an identifier"));

    [Fact]
    public Task Diagnostic_OnRecordStructsDerivedRecordsAndWholePersonalRecords() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        public record struct [|Contact|]([property: PersonalData(DataCategory.Contact)] string Phone);
        public record [|Person|]([property: PersonalData(DataCategory.Name)] string Name);
        public record [|Employee|](string Name, int Grade) : Person(Name);

        [PersonalData(DataCategory.Location)]
        public record [|Address|](string Street, string Town);
        """);

    [Fact]
    public Task Diagnostic_OnAnOverrideThatPrintsPersonalMembers() => Verify.VerifyAnalyzerAsync(
        """
        using SafePrivacy;

        public class {|#0:Subscriber|}
        {
            public int Id { get; set; }
            [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
            public override string ToString() => $"Subscriber {Id} <{Email}>";
        }
        """,
        Verify.Diagnostic("SP2005").WithLocation(0)
            .WithMessage("'Subscriber' holds personal data (Email) and its overridden ToString prints it; logging or interpolating a 'Subscriber' leaks those members, override ToString to print an identifier"));

    [Fact]
    public Task NoDiagnostic_ForPlainClassesSafeOverridesCuratedRecordsAndRecordsWithoutPersonalData() => Verify.VerifyAnalyzerAsync("""
        using System.Text;
        using SafePrivacy;

        public class Plain
        {
            [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
        }

        public record Safe([property: PersonalData(DataCategory.Contact)] string Email, int Id)
        {
            public override string ToString() => $"Safe {Id}";
        }

        public record Curated([property: PersonalData(DataCategory.Contact)] string Email, int Id)
        {
            protected virtual bool PrintMembers(StringBuilder builder)
            {
                builder.Append("Id = ").Append(Id);
                return true;
            }
        }

        public record Settings(string Theme, int FontSize);

        public record Hidden([property: PersonalData(DataCategory.Contact)] string Email)
        {
            private string Secret { get; } = Email;
        }
        """, Verify.Diagnostic("SP2005").WithSpan(25, 15, 25, 21));
}
