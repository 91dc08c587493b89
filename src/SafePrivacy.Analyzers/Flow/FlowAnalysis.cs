using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>What a flow rule sees of one body: its owner, the sink hits found in it, and the model to ask about scopes.</summary>
internal readonly struct FlowContext
{
    private readonly OperationBlockAnalysisContext _context;

    public FlowContext(PrivacyModel model, OperationBlockAnalysisContext context, ImmutableArray<SinkHit> hits)
    {
        Model = model;
        _context = context;
        Hits = hits;
    }

    public PrivacyModel Model { get; }

    /// <summary>The member whose body this is.</summary>
    public ISymbol Owner => _context.OwningSymbol;

    public ImmutableArray<SinkHit> Hits { get; }

    /// <summary>The nearest <paramref name="attributeName"/> declaration in scope of the body.</summary>
    public ScopedAttribute? Nearest(string attributeName) => Model.Nearest(Owner, attributeName);

    /// <summary>
    /// Whether a declaration covers the hit: in scope of this body, or of the helper whose code calls the sink
    /// (a logging helper with its own basis covers what it logs).
    /// </summary>
    public bool IsDeclared(SinkHit hit, string attributeName) =>
        Nearest(attributeName) is not null || (hit.SinkOwner is { } owner && Model.Nearest(owner, attributeName) is not null);

    public string OwnerName => SymbolNames.ForMessage(Owner);

    public void Report(DiagnosticDescriptor descriptor, Location location, params object[] arguments) =>
        _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

    /// <summary>
    /// Reports each hit of this body carrying data of <paramref name="kind"/> (not pseudonymised) with no
    /// <paramref name="attributeName"/> declaration covering it: "{data} is processed by {sink}{via} … '{owner}'".
    /// </summary>
    public void ReportUndeclared(DataKinds kind, string attributeName, DiagnosticDescriptor descriptor)
    {
        foreach (var hit in Hits)
        {
            var data = hit.Data.Where(t => t.Class.Has(kind) && !t.Class.Has(DataKinds.Pseudonymous));
            if (!hit.FromCallee && !data.IsEmpty && !IsDeclared(hit, attributeName))
            {
                Report(descriptor, hit, SinkHit.DescribeAll(data.Items, Model.Classifier), hit.Sink, hit.DescribeVia(), OwnerName);
            }
        }
    }

    /// <summary>Reports a hit; the places its data was read inside the argument travel along for code fixes.</summary>
    public void Report(DiagnosticDescriptor descriptor, SinkHit hit, params object[] arguments) =>
        _context.ReportDiagnostic(Diagnostic.Create(descriptor, hit.Location, hit.ReadLocations, arguments));
}

/// <summary>Registers a flow rule: it is called for every body where personal data reaches a sink.</summary>
internal static class FlowAnalysis
{
    public static void Register(AnalysisContext context, Action<FlowContext> analyzeBody)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (PrivacyModel.ForDeclaredData(start.Compilation, start.Options, start.CancellationToken) is not { } model)
            {
                return;
            }

            start.RegisterOperationBlockAction(block =>
            {
                var hits = model.Analyze(block.OwningSymbol, block.OperationBlocks, block.CancellationToken);
                if (!hits.IsEmpty)
                {
                    analyzeBody(new FlowContext(model, block, hits));
                }
            });
        });
    }
}
