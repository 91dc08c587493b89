using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// The floor: an analyzer that does nothing, registered the way SafePrivacy's flow rules are — an operation-block
/// action from a compilation-start action, concurrent, on generated code too. Whatever it costs (building the IOperation
/// tree of every body, the analyzer driver's bookkeeping) every IOperation analyzer pays, however fast its own code.
/// SafePrivacy's symbol and syntax actions are deliberately not mirrored here: their cost counts against SafePrivacy.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "SPBENCH01",
        "Never reported",
        "Never reported",
        "Benchmark",
        DiagnosticSeverity.Hidden,
        isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterOperationBlockAction(static _ => { }));
    }
}
