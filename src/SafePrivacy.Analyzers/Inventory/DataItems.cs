using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Inventory;

/// <summary>Turns annotated symbols and the engine's taints into the inventory's data items, once per symbol.</summary>
internal sealed class DataItems
{
    private readonly DataClassifier _classifier;
    private readonly Dictionary<(ISymbol, DataClass), DataItem> _cache = new();

    public DataItems(DataClassifier classifier) => _classifier = classifier;

    /// <summary>The personal data a body reads: annotated members, parameters and return values, and annotated types.</summary>
    public ImmutableArray<DataItem> ReadBy(ImmutableArray<IOperation> blocks)
    {
        var found = new HashSet<DataItem>();
        foreach (var operation in blocks.SelectMany(b => b.DescendantsAndSelf()))
        {
            var member = operation switch
            {
                IPropertyReferenceOperation property => (ISymbol)property.Property,
                IFieldReferenceOperation field => field.Field,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (member is not null && _classifier.ClassifyMember(member) is { IsPersonal: true } memberClass)
            {
                found.Add(Item(member, memberClass.Class));
            }

            if (operation is IInvocationOperation invocation && _classifier.ClassifyReturn(invocation.TargetMethod) is { IsEmpty: false } returned)
            {
                found.Add(Item(invocation.TargetMethod, returned));
            }

            if (member is not null && _classifier.ClassifyType(operation.Type) is { IsPersonal: true, Shape: TaintShape.Data, Origin: { } type } typeData)
            {
                found.Add(Item(type, typeData.Class));
            }
        }

        return found.ToImmutableArray();
    }

    /// <summary>The data a value carries; an object that holds personal data counts as the members it holds.</summary>
    public ImmutableArray<DataItem> Of(Taints taints)
    {
        var found = new List<DataItem>();
        foreach (var taint in taints.Items)
        {
            if (taint.IsMarker)
            {
                continue;
            }

            if (taint.Shape == TaintShape.Holder && taint.Origin is ITypeSymbol holder)
            {
                found.AddRange(Held(holder, taint.Class));
            }
            else
            {
                found.Add(Item(taint.Origin, taint.Class));
            }
        }

        return found.Distinct().OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Kinds).ToImmutableArray();
    }

    private IEnumerable<DataItem> Held(ITypeSymbol holder, DataClass dataClass)
    {
        var members = DataClassifier.InstanceDataMembers(DataClassifier.ElementType(holder) ?? holder)
            .Select(m => (m.Member, Class: _classifier.ClassifyMember(m.Member)))
            .Where(m => m.Class.IsPersonal)
            .Select(m => Item(m.Member, m.Class.Class))
            .ToList();
        return members.Count > 0 ? members : new[] { Item(holder, dataClass) };
    }

    private DataItem Item(ISymbol symbol, DataClass dataClass)
    {
        var origin = symbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } ? property : symbol.OriginalDefinition;
        var key = (origin, dataClass);
        if (!_cache.TryGetValue(key, out var item))
        {
            item = new DataItem(
                NameOf(origin),
                DocumentationId(origin),
                (PersonalDataKinds)(int)dataClass.Kinds,
                dataClass.Category == 0 ? null : ((DataCategoryKind)dataClass.Category).ToString(),
                dataClass.SpecialCategory == 0 ? null : ((SpecialCategoryKind)dataClass.SpecialCategory).ToString(),
                dataClass.Inferred,
                dataClass.Describe());
            _cache.Add(key, item);
        }

        return item;
    }

    private static string NameOf(ISymbol symbol) => symbol switch
    {
        IParameterSymbol { ContainingSymbol: { } method } parameter => DeclarationReader.ScopeName(method) + "(" + parameter.Name + ")",
        IMethodSymbol method => SymbolNames.ForMessage(method) + "()",
        _ => SymbolNames.ForMessage(symbol),
    };

    /// <summary>The documentation-comment ID; a parameter has none of its own, so it is its method's and its name.</summary>
    public static string DocumentationId(ISymbol symbol) => symbol switch
    {
        IParameterSymbol { ContainingSymbol: { } method } parameter => (method.GetDocumentationCommentId() ?? method.Name) + "#" + parameter.Name,
        _ => symbol.GetDocumentationCommentId() ?? symbol.ToDisplayString(),
    };
}
