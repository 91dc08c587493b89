using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Who calls whom among the methods of the compilation, calls through interfaces and virtual members resolved to
/// their implementations in source. Built once per compilation, and only when a rule needs to walk calls
/// backwards (from a significant moderation action to the pipelines that reach it).
/// </summary>
internal sealed class CallGraph
{
    private readonly ImmutableDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _callers;

    private CallGraph(ImmutableDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> callers) => _callers = callers;

    public ImmutableArray<IMethodSymbol> CallersOf(IMethodSymbol method) =>
        _callers.TryGetValue(method.OriginalDefinition, out var callers) ? callers : ImmutableArray<IMethodSymbol>.Empty;

    /// <summary>
    /// The shortest chain of calls from a method where <paramref name="isStart"/> holds to <paramref name="method"/>,
    /// outermost first, passing through no method where <paramref name="isBarrier"/> holds, at most
    /// <paramref name="maximumLength"/> calls long; null when there is none. Breadth first, each method once.
    /// </summary>
    public ImmutableArray<IMethodSymbol>? ShortestCallerPath(IMethodSymbol method, Func<IMethodSymbol, bool> isStart, Func<IMethodSymbol, bool> isBarrier, int maximumLength)
    {
        var target = method.OriginalDefinition;
        var next = new Dictionary<IMethodSymbol, IMethodSymbol>(SymbolEqualityComparer.Default) { [target] = target };
        var frontier = new List<IMethodSymbol> { target };
        for (var length = 1; length < maximumLength && frontier.Count > 0; length++)
        {
            var reached = new List<IMethodSymbol>();
            foreach (var node in frontier)
            {
                foreach (var caller in CallersOf(node))
                {
                    if (next.ContainsKey(caller) || isBarrier(caller))
                    {
                        continue;
                    }

                    next[caller] = node;
                    if (isStart(caller))
                    {
                        return Unwind(caller, next);
                    }

                    reached.Add(caller);
                }
            }

            frontier = reached;
        }

        return null;
    }

    private static ImmutableArray<IMethodSymbol> Unwind(IMethodSymbol start, Dictionary<IMethodSymbol, IMethodSymbol> next)
    {
        var path = ImmutableArray.CreateBuilder<IMethodSymbol>();
        for (var current = start; ; current = next[current])
        {
            path.Add(current);
            if (SymbolEqualityComparer.Default.Equals(next[current], current))
            {
                return path.ToImmutable();
            }
        }
    }

    public static CallGraph Build(PrivacyModel model, IEnumerable<INamedTypeSymbol> types, CancellationToken cancellationToken)
    {
        var callers = new Dictionary<IMethodSymbol, HashSet<IMethodSymbol>>(SymbolEqualityComparer.Default);
        foreach (var type in types)
        {
            foreach (var caller in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (!model.Bodies.HasSourceBody(caller) || model.Bodies.BodyOf(caller, cancellationToken) is not { } body)
                {
                    continue;
                }

                foreach (var callee in Callees(body))
                {
                    foreach (var target in model.Bodies.ImplementationsInSource(callee).Add(callee.OriginalDefinition))
                    {
                        if (!callers.TryGetValue(target, out var set))
                        {
                            callers[target] = set = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                        }

                        set.Add(caller.OriginalDefinition);
                    }
                }
            }
        }

        // Sorted by name so that every walk over the graph visits callers in the same order, run after run.
        var sorted = ImmutableDictionary.CreateBuilder<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);
        foreach (var pair in callers)
        {
            sorted[pair.Key] = pair.Value.OrderBy(m => m.ToDisplayString(), System.StringComparer.Ordinal).ToImmutableArray();
        }

        return new CallGraph(sorted.ToImmutable());
    }

    /// <summary>Every method a body calls: invocations, constructors, property accessors.</summary>
    public static IEnumerable<IMethodSymbol> Callees(IOperation body)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    yield return invocation.TargetMethod;
                    break;
                case IObjectCreationOperation { Constructor: { } constructor }:
                    yield return constructor;
                    break;
                case IPropertyReferenceOperation property when property.Property.GetMethod is { } getter:
                    yield return getter;
                    break;
            }
        }
    }
}
