using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// Counts, once and untimed, what a workload is made of: how many bodies the analyzers see, and in how many of them
/// personal data meets a sink (the bodies the flow engine reports hits for) — so a corpus can be seen to be realistic.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BodyCensus : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("SPBENCH02", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    private int _bodies;
    private int _bodiesWithHits;

    public int Bodies => _bodies;

    public int BodiesWithHits => _bodiesWithHits;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var model = PrivacyModel.ForDeclaredData(start.Compilation, start.Options, start.CancellationToken);
            start.RegisterOperationBlockAction(block =>
            {
                Interlocked.Increment(ref _bodies);
                if (model is not null && !model.Analyze(block.OwningSymbol, block.OperationBlocks, block.CancellationToken).IsEmpty)
                {
                    Interlocked.Increment(ref _bodiesWithHits);
                }
            });
        });
    }
}
