using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Method summaries, computed on first use and memoised per compilation: a method's body is walked with its
/// parameters as markers, its own callees followed a bounded number of levels deep (so recursion ends).
/// </summary>
internal sealed class MethodSummaries : ISummaryProvider
{
    private readonly PrivacyModel _model;
    private readonly SharedWork<(IMethodSymbol, int), MethodSummary> _summaries = new();
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _complete = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, DataTransform> _transforms = new(SymbolEqualityComparer.Default);

    public MethodSummaries(PrivacyModel model) => _model = model;

    public MethodSummary? Summary(IMethodSymbol method, int level, CancellationToken cancellationToken)
    {
        if (level < 0)
        {
            return null;
        }

        var definition = MethodBodies.Definition(method);
        if (!_model.Bodies.HasSourceBody(definition))
        {
            return null;
        }

        // A summary that holds from some level up is walked once and shared by every level it holds at; the answer
        // for each (method, level) stays the same whatever order they are asked in.
        return _complete.TryGetValue(definition, out var complete) && level >= complete.RequiredLevel
            ? complete
            : _summaries.Get((definition, level), (key, token) => Compute(key.Item1, key.Item2, token), cancellationToken);
    }

    /// <summary>
    /// What a call does that may run any of <paramref name="implementations"/> (one method; an interface member's
    /// implementations; a virtual member and its overrides): the union of their summaries.
    /// </summary>
    public MethodSummary? Dispatched(ImmutableArray<IMethodSymbol> implementations, int level, CancellationToken cancellationToken)
    {
        if (implementations.Length == 1)
        {
            return Summary(implementations[0], level, cancellationToken);
        }

        var summaries = implementations.Select(m => Summary(m, level, cancellationToken)).OfType<MethodSummary>().ToList();
        return summaries.Count == 0 ? null : MethodSummary.Union(summaries);
    }

    /// <summary>What the method's declaration says it does to the data it is given: <c>[Redacts]</c>, <c>[Pseudonymises]</c>.</summary>
    public DataTransform TransformOf(IMethodSymbol method) => IsComplianceRedaction(method) ? DataTransform.Redacts : !_model.Classifier.MayAnnotate(method) ? DataTransform.None : _transforms.GetOrAdd(MethodBodies.Definition(method), m =>
    {
        for (IMethodSymbol? current = m; current is not null; current = current.OverriddenMethod)
        {
            if (AttributeNames.Find(current, AttributeNames.Redacts) is not null)
            {
                return DataTransform.Redacts;
            }

            if (AttributeNames.Find(current, AttributeNames.Pseudonymises) is not null)
            {
                return DataTransform.Pseudonymises;
            }
        }

        return DataTransform.None;
    });

    // Microsoft.Extensions.Compliance's redactors: what Redact returns (or writes) is the redacted value.
    private static bool IsComplianceRedaction(IMethodSymbol method) =>
        method.Name == "Redact" && MetadataNames.DerivesFrom(method.ContainingType, "Microsoft.Extensions.Compliance.Redaction.Redactor");

    private MethodSummary Compute(IMethodSymbol method, int level, CancellationToken cancellationToken)
    {
        var body = _model.Bodies.BodyOf(method, cancellationToken);
        if (body is null)
        {
            return MethodSummary.Empty;
        }

        var walker = new FlowWalker(_model, method, summaryOf: method, level - 1, _model.ConfiguredSinksFor(body.Syntax.SyntaxTree), cancellationToken);
        var result = walker.Run(new[] { body });
        var summary = new MethodSummary(result, walker.RequiredLevel);
        if (summary.RequiredLevel != MethodSummary.CutShort)
        {
            _complete.TryAdd(method, summary);
        }

        return summary;
    }
}
