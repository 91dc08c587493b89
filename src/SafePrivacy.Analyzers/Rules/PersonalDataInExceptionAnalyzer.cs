using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>SP2003: personal data in the message or data of an exception being constructed.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataInExceptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PersonalDataInException);

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
            if (hit.Kind == SinkKind.Exception && !hit.FromCallee)
            {
                var where = hit.Sink.StartsWith("new ", System.StringComparison.Ordinal) ? "the message of " + hit.Sink.Substring(4) : hit.Sink;
                context.Report(Descriptors.PersonalDataInException, hit, hit.DescribeData(context.Model.Classifier), where, hit.DescribeVia());
            }
        }
    }
}
