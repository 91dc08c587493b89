using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP4001: personal data sent to another party — HTTP request bodies and URLs, <c>[ExternalTransfer]</c> methods, a
/// <c>[ModerationClassifier]</c> whose implementation lives outside the compilation, the vendor SDKs the catalogue
/// names a party for (Sentry, Application Insights, Twilio, Stripe, LLM APIs) — with no <c>[Recipient]</c> in scope.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataSharedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PersonalDataShared);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a leak in generated code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        FlowAnalysis.Register(context, AnalyzeBody);
    }

    private static void AnalyzeBody(FlowContext context)
    {
        foreach (var hit in context.Hits)
        {
            if (hit.FromCallee || !RecipientScope.ReachesAnotherParty(hit, context.Model) || context.IsDeclared(hit, AttributeNames.Recipient))
            {
                continue;
            }

            var party = ThirdParties.Of(hit)?.Name ?? "another party";
            context.Report(Descriptors.PersonalDataShared, hit, hit.DescribeData(context.Model.Classifier), party, hit.Sink, hit.DescribeVia(), context.OwnerName);
        }
    }
}
