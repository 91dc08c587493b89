using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.SpecialCategoryWithoutConditionAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP1002SpecialCategoryWithoutConditionTests
{
    private const string Classifier = """
        public interface ISelfHarmClassifier
        {
            [SafePrivacy.ModerationClassifier]
            [return: SafePrivacy.SpecialCategoryData(SafePrivacy.SpecialCategory.Health, Origin = SafePrivacy.DataOrigin.Inferred)]
            double Score(string text);
        }

        public interface IEscalation
        {
            [SafePrivacy.ModerationClassifier]
            void Triage(double risk);
        }

        public class Patient
        {
            public int Id { get; set; }
            [SafePrivacy.SpecialCategoryData(SafePrivacy.SpecialCategory.Health)] public string Condition { get; set; } = "";
        }
        """;

    [Fact]
    public Task Diagnostic_WhenAnInferredScoreOrDeclaredDataReachesASinkOrClassifier() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class Triage
        {
            public void Run(ILogger log, ISelfHarmClassifier classifier, IEscalation escalation, Patient patient, string text)
            {
                var risk = classifier.Score(text);
                log.LogWarning("Risk {Risk}", {|#0:risk|});
                escalation.Triage([|risk|]);
                System.IO.File.WriteAllText("case.txt", [|patient.Condition|]);
                log.LogInformation("Patient {Id}", patient.Id);
            }
        }
        {{Classifier}}
        """,
        Verify.Diagnostic("SP1002").WithLocation(0)
            .WithMessage("'ISelfHarmClassifier.Score' (inferred special category data: health) is processed by ILogger.LogWarning with no [SpecialCategoryCondition] in scope; declare the Article 9 condition, and its Schedule 1 paragraph, on 'Triage.Run' or its type"));

    [Fact]
    public Task NoDiagnostic_WhenAConditionIsInScope() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        [SpecialCategoryCondition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk, PolicyDocument = "APD-07")]
        public class Triage
        {
            public void Run(ILogger log, ISelfHarmClassifier classifier, IEscalation escalation, string text)
            {
                var risk = classifier.Score(text);
                escalation.Triage(risk);
                log.LogWarning("Risk {Risk}", risk);
            }
        }
        {{Classifier}}
        """);

    [Fact]
    public Task Diagnostic_OnAConditionThatNeedsASchedule1ParagraphAndHasNone() => Verify.VerifyAnalyzerAsync(
        """
        using SafePrivacy;

        [assembly: SpecialCategoryCondition([|Article9Condition.EmploymentSocialSecurityAndSocialProtection|])]

        [SpecialCategoryCondition({|#0:Article9Condition.SubstantialPublicInterest|})]
        public class Triage { }

        [SpecialCategoryCondition([|Article9Condition.HealthOrSocialCare|], PolicyDocument = "APD-01")]
        public class Clinic { }

        [SpecialCategoryCondition(Article9Condition.ExplicitConsent)]
        [SpecialCategoryCondition(Article9Condition.PublicHealth, Schedule1 = Schedule1Condition.PublicHealth)]
        public class Fine { }
        """,
        Verify.Diagnostic("SP1002").WithLocation(0)
            .WithMessage("The Article 9(2)(g) condition on 'Triage' needs a Data Protection Act 2018 Schedule 1 condition; set Schedule1"));

    [Fact]
    public Task NoDiagnostic_ForContentAndOrdinaryPersonalData() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;

        public class Feed
        {
            public void Run(ILogger log, Post post, User user) => log.LogInformation("{Body} {Email}", post.Body, user.Email);
        }
        {{TestModel.Users}}
        """);
}
