using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// Counts, once and untimed, what a workload is made of: how many bodies the analyzers see, how many of them pass the
/// engine's gate and are walked by the flow analysis at all (<see cref="PrivacyModel.IsCandidate"/>), and in how many
/// personal data meets a sink (the bodies the flow engine reports hits for) — so a corpus can be seen to be realistic,
/// and the gate's selectivity on real code can be read off the report.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BodyCensus : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("SPBENCH02", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    private int _bodies;
    private int _candidates;
    private int _bodiesWithHits;

    public BodyCensus()
    {
    }

    private BodyCensus(int bodies, int candidates, int bodiesWithHits)
    {
        _bodies = bodies;
        _candidates = candidates;
        _bodiesWithHits = bodiesWithHits;
    }

    public int Candidates => _candidates;

    public int Bodies => _bodies;

    public int BodiesWithHits => _bodiesWithHits;

    /// <summary>Several workloads' counts together (a solution's projects).</summary>
    public static BodyCensus Sum(IEnumerable<BodyCensus> parts)
    {
        var list = parts.ToList();
        return new BodyCensus(list.Sum(p => p.Bodies), list.Sum(p => p.Candidates), list.Sum(p => p.BodiesWithHits));
    }

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
                if (model is not null && !block.OperationBlocks.IsDefaultOrEmpty && model.IsCandidate(block.OwningSymbol, block.OperationBlocks, block.CancellationToken))
                {
                    Interlocked.Increment(ref _candidates);
                }

                if (model is not null && !model.Analyze(block.OwningSymbol, block.OperationBlocks, block.CancellationToken).IsEmpty)
                {
                    Interlocked.Increment(ref _bodiesWithHits);
                }
            });
        });
    }
}
