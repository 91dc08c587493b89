using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Inventory;

/// <summary>One body of the compilation and the member it belongs to, as the analyzer driver hands them to rules.</summary>
internal readonly struct SourceBody
{
    public SourceBody(ISymbol owner, ImmutableArray<IOperation> blocks)
    {
        Owner = owner;
        Blocks = blocks;
    }

    public ISymbol Owner { get; }

    /// <summary>The operation blocks of the owner: its body, and its initializers, base arguments, default values.</summary>
    public ImmutableArray<IOperation> Blocks { get; }
}

/// <summary>The engine's model of the compilation the driver analysed, and every body in it.</summary>
internal sealed record AnalysedBodies(PrivacyModel Model, IReadOnlyList<SourceBody> Bodies);

/// <summary>
/// Every body of the compilation exactly as the rules see it: the analyzer driver itself runs an operation-block
/// action and hands over each owner with its operation blocks. Rebuilding that list from syntax missed what the
/// driver includes and a syntax walk does not know about (top-level statements, a primary constructor's base
/// arguments), so the inventory left out processing the rules reported.
/// </summary>
internal static class SourceBodyEnumerator
{
    /// <summary>
    /// The bodies, with the model built at the driver's compilation start as the rules' is: the driver analyses a copy
    /// of <paramref name="compilation"/> whose symbols are its own, so only a model of that copy knows them. Null when
    /// the compilation declares nothing SafePrivacy reads (the rules then register nothing either).
    /// </summary>
    public static AnalysedBodies? Collect(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        PrivacyModel? model = null;
        var bodies = new ConcurrentQueue<SourceBody>();
        var collector = new OperationBlockCollector(start =>
        {
            model = PrivacyModel.For(start.Compilation, start.Options, start.CancellationToken);
            if (model is not null)
            {
                start.RegisterOperationBlockAction(block => bodies.Enqueue(new SourceBody(block.OwningSymbol, block.OperationBlocks)));
            }
        });
        var driver = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(collector),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));

        // Off the caller's thread: the public inventory API is synchronous, and a caller's synchronization context
        // must not be what the driver's continuations wait for.
        Task.Run(() => driver.GetAnalyzerDiagnosticsAsync(cancellationToken), cancellationToken).GetAwaiter().GetResult();
        if (model is null)
        {
            return null;
        }

        // The driver runs concurrently; the inventory is built in source order so it is the same on every run.
        var ordered = bodies
            .OrderBy(b => FirstSyntax(b)?.SyntaxTree.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(b => FirstSyntax(b)?.SpanStart ?? 0)
            .ThenBy(b => b.Owner.ToDisplayString(), StringComparer.Ordinal)
            .ToList();
        return new AnalysedBodies(model, ordered);
    }

    private static SyntaxNode? FirstSyntax(SourceBody body) =>
        body.Blocks.Select(b => b.Syntax).OrderBy(s => s.SpanStart).FirstOrDefault();

    /// <summary>
    /// Runs a compilation-start callback under the driver. Not exported ([DiagnosticAnalyzer] is left off), so no
    /// compiler or IDE ever loads it; it runs only under <see cref="Collect"/>.
    /// </summary>
#pragma warning disable RS1001 // Deliberately not a [DiagnosticAnalyzer]: hosts must never load this one.
    private sealed class OperationBlockCollector : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        // Never reported. The driver skips an analyzer whose diagnostics are all disabled, and one with none at all,
        // so it needs one that no option can turn off.
#pragma warning disable RS2000 // Not a rule: never reported, so it has no release-tracking row.
        private static readonly DiagnosticDescriptor Unreported = new(
            "SafePrivacyInventory",
            "Inventory collection",
            "Never reported",
            "SafePrivacy.Inventory",
            DiagnosticSeverity.Hidden,
            isEnabledByDefault: true,
            customTags: WellKnownDiagnosticTags.NotConfigurable);
#pragma warning restore RS2000

        private readonly Action<CompilationStartAnalysisContext> _start;

        public OperationBlockCollector(Action<CompilationStartAnalysisContext> start) => _start = start;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unreported);

        public override void Initialize(AnalysisContext context)
        {
            // As the rules do: generated code is analysed too, so its processing is in the record.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(_start);
        }
    }
}
