using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>What a call's arguments carry, by argument position; for a params array, each element's own value too.</summary>
internal sealed class CallArguments
{
    private readonly Taints[] _values;
    private Dictionary<int, List<(IOperation Element, Taints Value)>>? _elements;

    public CallArguments(ImmutableArray<IArgumentOperation> operations)
    {
        Operations = operations;
        _values = new Taints[operations.Length];
    }

    public ImmutableArray<IArgumentOperation> Operations { get; }

    public int Count => _values.Length;

    public Taints this[int index]
    {
        get => _values[index];
        set => _values[index] = value;
    }

    /// <summary>Everything the arguments carry together.</summary>
    public Taints Union()
    {
        var union = Taints.None;
        foreach (var value in _values)
        {
            union = union.Union(value);
        }

        return union;
    }

    public void SetElements(int index, List<(IOperation Element, Taints Value)> elements) =>
        (_elements ??= new Dictionary<int, List<(IOperation, Taints)>>())[index] = elements;

    public bool TryGetElements(int index, out List<(IOperation Element, Taints Value)> elements)
    {
        elements = null!;
        return _elements is not null && _elements.TryGetValue(index, out elements!);
    }

    /// <summary>What the argument for the parameter of <paramref name="ordinal"/> carries (nothing when it has none).</summary>
    public Taints ForParameter(int ordinal)
    {
        for (var i = 0; i < Operations.Length; i++)
        {
            if (Operations[i].Parameter?.Ordinal == ordinal)
            {
                return _values[i];
            }
        }

        return Taints.None;
    }

    /// <summary>The argument's value for the parameter of <paramref name="ordinal"/>, if the call passes one.</summary>
    public IOperation? OperationForParameter(int ordinal)
    {
        foreach (var argument in Operations)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
