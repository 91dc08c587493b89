using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP2002: user-generated content or special category data reaches a log inside a moderation pipeline — in the
/// pipeline's own code or in a helper of this compilation that it calls — whatever the lawful basis.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContentLoggedInModerationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ContentLoggedInModeration);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a leak in generated code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        FlowAnalysis.Register(context, AnalyzeBody);
    }

    private static void AnalyzeBody(FlowContext context)
    {
        var pipeline = ModerationScope.EnclosingPipeline(context.Owner);
        if (pipeline is null)
        {
            return;
        }

        foreach (var hit in context.Hits)
        {
            var content = hit.Data.Where(t => t.Class.IsSensitiveContent);
            if (hit.Kind == SinkKind.Log && !content.IsEmpty)
            {
                context.Report(
                    Descriptors.ContentLoggedInModeration,
                    hit,
                    SinkHit.DescribeAll(content.Items, context.Model.Classifier),
                    hit.Sink,
                    hit.DescribeVia(),
                    SymbolNames.ForMessage(pipeline));
            }
        }
    }
}
