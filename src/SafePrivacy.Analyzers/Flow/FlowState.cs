using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>What each local, parameter and tracked field carries at one point of a body.</summary>
internal sealed class FlowState
{
    private readonly Dictionary<ISymbol, Taints> _values;

    public FlowState()
        : this(new Dictionary<ISymbol, Taints>(SymbolEqualityComparer.Default))
    {
    }

    private FlowState(Dictionary<ISymbol, Taints> values) => _values = values;

    public Taints Get(ISymbol symbol) => _values.TryGetValue(symbol, out var taints) ? taints : Taints.None;

    /// <summary>A plain assignment: the new value replaces the old (a strong update).</summary>
    public void Set(ISymbol symbol, Taints taints)
    {
        if (taints.IsEmpty)
        {
            _values.Remove(symbol);
        }
        else
        {
            _values[symbol] = taints;
        }
    }

    /// <summary>An assignment that may or may not happen, or adds to what is there (a weak update).</summary>
    public void Add(ISymbol symbol, Taints taints)
    {
        if (!taints.IsEmpty)
        {
            _values[symbol] = Get(symbol).Union(taints);
        }
    }

    public FlowState Clone() => new(new Dictionary<ISymbol, Taints>(_values, SymbolEqualityComparer.Default));

    /// <summary>Merges the state of another path into this one; true when anything was added.</summary>
    public bool JoinWith(FlowState other)
    {
        var changed = false;
        foreach (var pair in other._values)
        {
            var current = Get(pair.Key);
            var joined = current.Union(pair.Value);
            if (!joined.IsSameAs(current))
            {
                _values[pair.Key] = joined;
                changed = true;
            }
        }

        return changed;
    }
}
