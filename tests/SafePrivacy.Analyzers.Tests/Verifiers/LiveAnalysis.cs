using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// The diagnostics the IDE shows while documents are open: syntax and semantic analysis of each document, and
/// analysis of each additional file, on its own — no compilation-end actions. A finding that only a full build
/// produces would be invisible to users as they type.
/// </summary>
internal static class LiveAnalysis
{
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerOptions options,
        CancellationToken cancellationToken)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false));
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, cancellationToken).ConfigureAwait(false));
        }

        foreach (var file in options.AdditionalFiles)
        {
            diagnostics.AddRange((await withAnalyzers.GetAnalysisResultAsync(file, cancellationToken).ConfigureAwait(false)).GetAllDiagnostics());
        }

        return diagnostics.ToImmutable();
    }
}
