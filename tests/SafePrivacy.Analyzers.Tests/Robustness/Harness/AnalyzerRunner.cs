using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// The robustness harness keeps the namespace its tests have always imported, so they need no change to use it.
namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>Runs analyzers over a project the way a build and the IDE do, and fails on any analyzer exception.</summary>
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
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        ThrowOnAnalyzerFailure(diagnostics, exceptions);
        return Sort(diagnostics);
    }

    /// <summary>The diagnostics the IDE shows while documents are open (see <see cref="LiveAnalysis"/>), sorted.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeDocumentsAsync(
        Project project,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        CancellationToken cancellationToken = default)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var diagnostics = await LiveAnalysis.AnalyzeAsync(compilation, analyzers, project.AnalyzerOptions, cancellationToken).ConfigureAwait(false);
        ThrowOnAnalyzerFailure(diagnostics, new ConcurrentQueue<string>());
        return Sort(diagnostics.Distinct());
    }

    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToImmutableArray();

    // An analyzer's exception reaches the caller as the exception itself or as the AD0001 the driver reports for it.
    private static void ThrowOnAnalyzerFailure(ImmutableArray<Diagnostic> diagnostics, ConcurrentQueue<string> exceptions)
    {
        var failures = exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture))).ToList();
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
