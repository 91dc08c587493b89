using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>Runs analyzers over a project the way the compiler and the IDE do, and fails on any analyzer exception.</summary>
internal static class AnalyzerRunner
{
    /// <summary>The diagnostics of a full analysis (a build), sorted by file, position and ID.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        Project project,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        CancellationToken cancellationToken = default)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(project, exceptions));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        ThrowOnAnalyzerFailure(diagnostics, exceptions);
        return Sort(diagnostics);
    }

    /// <summary>
    /// The diagnostics the IDE shows while documents are open: syntax and semantic analysis per document, with no
    /// compilation-end actions. A rule whose findings appear only in a full build would be invisible as users type.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeDocumentsAsync(
        Project project,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        CancellationToken cancellationToken = default)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(project, exceptions));
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false));
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, cancellationToken).ConfigureAwait(false));
        }

        // Additional files (the external annotations) are analysed live too, each on its own.
        foreach (var file in project.AnalyzerOptions.AdditionalFiles)
        {
            var fileDiagnostics = await withAnalyzers.GetAnalysisResultAsync(file, cancellationToken).ConfigureAwait(false);
            diagnostics.AddRange(fileDiagnostics.GetAllDiagnostics());
        }

        var result = diagnostics.ToImmutable();
        ThrowOnAnalyzerFailure(result, exceptions);
        return Sort(result.Distinct());
    }

    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToImmutableArray();

    private static CompilationWithAnalyzersOptions Options(Project project, ConcurrentQueue<string> exceptions) =>
        new(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);

    private static void ThrowOnAnalyzerFailure(ImmutableArray<Diagnostic> diagnostics, ConcurrentQueue<string> exceptions)
    {
        var failures = exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (failures.Count > 0)
        {
            throw new VerificationException("An analyzer threw (this would be AD0001 in a user's IDE):\n" + string.Join("\n", failures));
        }
    }
}

/// <summary>A verification failure: the message is the whole report.</summary>
public sealed class VerificationException : Exception
{
    public VerificationException(string message)
        : base(message)
    {
    }
}
