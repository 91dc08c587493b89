using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>SP4002: personal data placed in a URL — a request URI of any verb, a query string or path being built.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataInUrlAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PersonalDataInUrl);

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
            if (hit.Kind == SinkKind.Url && !hit.FromCallee)
            {
                context.Report(Descriptors.PersonalDataInUrl, hit, hit.DescribeData(context.Model.Classifier), hit.Sink, hit.DescribeVia());
            }
        }
    }
}
