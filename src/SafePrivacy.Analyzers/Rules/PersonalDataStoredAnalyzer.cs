using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>SP3001: personal data stored (database, file, cache, session, cookie) with no <c>[LawfulBasis]</c> in scope.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataStoredAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PersonalDataStored);

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
            if (hit.Kind == SinkKind.Storage && !hit.FromCallee && !context.IsDeclared(hit, AttributeNames.LawfulBasis))
            {
                context.Report(Descriptors.PersonalDataStored, hit, hit.DescribeData(context.Model.Classifier), hit.Sink, hit.DescribeVia(), context.OwnerName);
            }
        }
    }
}
