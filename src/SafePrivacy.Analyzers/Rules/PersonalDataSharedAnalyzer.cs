using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP4001: personal data sent to another party — HTTP request bodies, <c>[ExternalTransfer]</c> methods, a
/// <c>[ModerationClassifier]</c> whose implementation lives outside the compilation — with no <c>[Recipient]</c> in scope.
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
            if (hit.FromCallee || !LeavesTheService(hit, context.Model) || context.IsDeclared(hit, AttributeNames.Recipient))
            {
                continue;
            }

            context.Report(Descriptors.PersonalDataShared, hit, hit.DescribeData(context.Model.Classifier), hit.Sink, hit.DescribeVia(), context.OwnerName);
        }
    }

    // A classifier the compilation implements runs in-house; one declared here but implemented elsewhere (a vendor
    // SDK, a remote service behind an interface) is another party.
    private static bool LeavesTheService(SinkHit hit, PrivacyModel model) => hit.Kind switch
    {
        SinkKind.Transfer => true,
        SinkKind.Classifier => hit.Via.IsDefaultOrEmpty
            && hit.Call is IInvocationOperation { TargetMethod: var classifier }
            && model.Bodies.ImplementationsInSource(classifier).IsEmpty,
        _ => false,
    };
}
