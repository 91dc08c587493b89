using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP1002: special category data — provided, observed or inferred — reaches a sink or a classifier with no
/// <c>[SpecialCategoryCondition]</c> in scope; and a condition among Art 9(2)(b), (g), (h), (i), (j) that names no
/// Schedule 1 condition.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpecialCategoryWithoutConditionAnalyzer : DiagnosticAnalyzer
{
    private const string Schedule1Argument = "Schedule1";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SpecialCategoryWithoutCondition, Descriptors.SpecialCategoryConditionWithoutSchedule1);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a leak in generated code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        FlowAnalysis.Register(context, AnalyzeBody);
        context.RegisterCompilationStartAction(start =>
        {
            if (AttributeNames.IsDeclaredIn(start.Compilation, AttributeNames.SpecialCategoryCondition))
            {
                AttributeApplications.Register(start, AttributeNames.SpecialCategoryCondition, CheckCondition);
            }
        });
    }

    private static void AnalyzeBody(FlowContext context) =>
        context.ReportUndeclared(DataKinds.SpecialCategory, AttributeNames.SpecialCategoryCondition, Descriptors.SpecialCategoryWithoutCondition);

    private static void CheckCondition(AttributeApplication application)
    {
        if (AttributeArguments.Positional(application.Attribute, 0)?.Value is not int value
            || !NeedsSchedule1((Article9ConditionKind)value)
            || AttributeArguments.Named(application.Attribute, Schedule1Argument)?.Value is int schedule1 && schedule1 != 0)
        {
            return;
        }

        application.Report(Diagnostic.Create(
            Descriptors.SpecialCategoryConditionWithoutSchedule1,
            AttributeArguments.PositionalLocation(application.Attribute, 0, application.CancellationToken),
            Letter((Article9ConditionKind)value),
            application.TargetName));
    }

    private static bool NeedsSchedule1(Article9ConditionKind condition) => condition is
        Article9ConditionKind.EmploymentSocialSecurityAndSocialProtection or Article9ConditionKind.SubstantialPublicInterest
        or Article9ConditionKind.HealthOrSocialCare or Article9ConditionKind.PublicHealth or Article9ConditionKind.ArchivingResearchAndStatistics;

    // Art 9(2)(a) is ExplicitConsent = 1, so the letter is the value's position in the alphabet.
    private static string Letter(Article9ConditionKind condition) => ((char)('a' + (int)condition - 1)).ToString();
}
