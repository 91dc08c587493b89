using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<(IMethodSymbol, int), MethodSummary> _summaries = new();
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _levelFree = new(SymbolEqualityComparer.Default);
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

        return _levelFree.TryGetValue(definition, out var levelFree)
            ? levelFree
            : _summaries.GetOrAdd((definition, level), key => Compute(key.Item1, key.Item2, cancellationToken));
    }

    /// <summary>What the method's declaration says it does to the data it is given: <c>[Redacts]</c>, <c>[Pseudonymises]</c>.</summary>
    public DataTransform TransformOf(IMethodSymbol method) => _transforms.GetOrAdd(MethodBodies.Definition(method), m =>
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

    private MethodSummary Compute(IMethodSymbol method, int level, CancellationToken cancellationToken)
    {
        var body = _model.Bodies.BodyOf(method, cancellationToken);
        if (body is null)
        {
            return MethodSummary.Empty;
        }

        var walker = new FlowWalker(_model, method, summaryOf: method, level - 1, _model.ConfiguredSinksFor(body.Syntax.SyntaxTree), cancellationToken);
        var summary = new MethodSummary(walker.Run(new[] { body }));
        summary = summary.IsEmpty ? MethodSummary.Empty : summary;
        if (!walker.ReachedCallees)
        {
            // A helper that calls no other code of this compilation has one summary at every level: walk it once.
            _levelFree.TryAdd(method, summary);
        }

        return summary;
    }
}
