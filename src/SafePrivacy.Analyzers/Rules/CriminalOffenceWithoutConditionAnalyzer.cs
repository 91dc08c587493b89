using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP1003: criminal offence data — including allegations and illegal-content judgements — reaches a sink or a
/// classifier with no <c>[CriminalOffenceCondition]</c> in scope; and a condition that names no Schedule 1 paragraph.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CriminalOffenceWithoutConditionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CriminalOffenceWithoutCondition, Descriptors.CriminalOffenceConditionWithoutParagraph);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a leak in generated code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        FlowAnalysis.Register(context, AnalyzeBody);
        context.RegisterCompilationStartAction(start =>
        {
            if (AttributeNames.IsDeclaredIn(start.Compilation, AttributeNames.CriminalOffenceCondition))
            {
                AttributeApplications.Register(start, AttributeNames.CriminalOffenceCondition, CheckCondition);
            }
        });
    }

    private static void AnalyzeBody(FlowContext context) =>
        context.ReportUndeclared(DataKinds.CriminalOffence, AttributeNames.CriminalOffenceCondition, Descriptors.CriminalOffenceWithoutCondition);

    private static void CheckCondition(AttributeApplication application)
    {
        if (AttributeArguments.Positional(application.Attribute, 0)?.Value is 0)
        {
            application.Report(Diagnostic.Create(
                Descriptors.CriminalOffenceConditionWithoutParagraph,
                AttributeArguments.PositionalLocation(application.Attribute, 0, application.CancellationToken),
                application.TargetName));
        }
    }
}
