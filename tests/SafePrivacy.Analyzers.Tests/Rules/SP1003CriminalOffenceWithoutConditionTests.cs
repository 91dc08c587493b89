using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.CriminalOffenceWithoutConditionAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP1003CriminalOffenceWithoutConditionTests
{
    private const string Model = """
        public class IllegalContentJudgement
        {
            public int PostId { get; set; }
            [SafePrivacy.CriminalOffenceData(Origin = SafePrivacy.DataOrigin.Inferred)] public string Offence { get; set; } = "";
        }
        """;

    [Fact]
    public Task Diagnostic_WhenAnIllegalContentJudgementIsStoredOrSent() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public class Evidence
        {
            public async Task Report(HttpClient nca, IllegalContentJudgement judgement)
            {
                await nca.PostAsJsonAsync("https://nca.example/reports", {|#0:judgement|});
                System.IO.File.WriteAllText("judgement.txt", [|judgement.Offence|]);
                System.IO.File.WriteAllText("post.txt", judgement.PostId.ToString());
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP1003").WithLocation(0)
            .WithMessage("the whole 'IllegalContentJudgement' (holds Offence) is processed by HttpClient.PostAsJsonAsync with no [CriminalOffenceCondition] in scope; declare the Schedule 1 condition on 'Evidence.Report' or its type"));

    [Fact]
    public Task NoDiagnostic_WhenAConditionIsInScope() => Verify.VerifyAnalyzerAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using SafePrivacy;

        [CriminalOffenceCondition(Schedule1Condition.PreventingOrDetectingUnlawfulActs, PolicyDocument = "APD-02")]
        public class Evidence
        {
            public Task Report(HttpClient nca, IllegalContentJudgement judgement) => nca.PostAsJsonAsync("https://nca.example/reports", judgement);
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_OnAConditionThatNamesNoParagraph() => Verify.VerifyAnalyzerAsync("""
        using SafePrivacy;

        [CriminalOffenceCondition([|Schedule1Condition.None|])]
        public class Evidence { }

        [CriminalOffenceCondition(Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
        public class Safeguarding { }
        """);
}
