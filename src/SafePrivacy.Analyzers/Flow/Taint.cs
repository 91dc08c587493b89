using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>How a tainted value relates to the personal data it carries.</summary>
internal enum TaintShape
{
    /// <summary>The value is personal data: any projection of it (a substring, a member) is personal data too.</summary>
    Data,

    /// <summary>
    /// The value is an object some of whose members are personal data (a whole <c>User</c>). Only those members
    /// are personal data, and the object leaks them only when printed member by member or serialised.
    /// </summary>
    Holder,
}

/// <summary>One piece of personal data a value carries, and where it came from.</summary>
internal sealed class Taint : IEquatable<Taint>
{
    /// <summary>Not one element of a tuple: the whole value.</summary>
    public const int WholeValue = -1;

    private Taint(ISymbol origin, DataClass dataClass, TaintShape shape, ITypeSymbol? type)
    {
        Origin = origin;
        Class = dataClass;
        Shape = shape;
        Type = type;
    }

    /// <summary>The annotated member, parameter or method, or (for a holder) the type that holds personal data.</summary>
    public ISymbol Origin { get; }

    public DataClass Class { get; private init; }

    public TaintShape Shape { get; private init; }

    /// <summary>The static type the value had where it was read: it decides what printing the value shows.</summary>
    public ITypeSymbol? Type { get; private init; }

    /// <summary>
    /// In a method summary, the value of a parameter (its ordinal; -1 for <c>this</c>) rather than real data: it
    /// records where a caller's data would go.
    /// </summary>
    public int? MarkerOrdinal { get; private init; }

    public bool IsMarker => MarkerOrdinal is not null;

    /// <summary>
    /// Where the body last loaded the value into an expression (a member read, a local, a helper's result): what a
    /// code fix replaces or wraps. Not part of a taint's identity.
    /// </summary>
    public Location? ReadAt { get; private init; }

    /// <summary>
    /// The members the data was reached through when it was read below the first level of its root
    /// (<c>film.Ratings.First().Member.Name</c>: "Film.Ratings → Rating.Member"). Not part of a taint's identity.
    /// </summary>
    public string? Path { get; private init; }

    /// <summary>Text joined from many values (<c>string.Join(",", emails)</c>): a list of people, not one.</summary>
    public bool Joined { get; private init; }

    /// <summary>A marker whose value was turned into text on its way (so what reaches the sink is the caller's ToString).</summary>
    public bool RenderedAsText { get; private init; }

    /// <summary>
    /// Which element of a tuple the data is in (<c>(name, visits)</c>: the name is element 0), or
    /// <see cref="WholeValue"/>: reading another element, or deconstructing into another variable, does not carry it.
    /// </summary>
    public int Element { get; private init; } = WholeValue;

    public static Taint Data(ISymbol origin, DataClass dataClass, ITypeSymbol? type) => new(origin, dataClass, TaintShape.Data, type);

    public static Taint Holder(INamedTypeSymbol holderType, DataClass dataClass, ITypeSymbol? type) =>
        new(holderType, dataClass, TaintShape.Holder, type ?? holderType);

    public static Taint Marker(IMethodSymbol method, int ordinal, ITypeSymbol? type) =>
        new(method, default, TaintShape.Data, type) { MarkerOrdinal = ordinal };

    public Taint WithType(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Type) ? this : Copy(type: type);

    public Taint At(Location location) => IsMarker ? this : Copy(readAt: location);

    public Taint Through(string? path) => path is null || IsMarker ? this : Copy(path: path);

    /// <summary>The text a value became when printed with ToString: personal data in a string, no longer one tuple element.</summary>
    public Taint AsText(ITypeSymbol? stringType) =>
        Copy(shape: TaintShape.Data, type: stringType, renderedAsText: IsMarker || RenderedAsText, element: WholeValue);

    /// <summary>The value stored in a member of an object of <paramref name="holderType"/>: the object now holds it.</summary>
    public Taint HeldBy(ITypeSymbol? holderType) => IsMarker ? this : Copy(shape: TaintShape.Holder, type: holderType ?? Type);

    public Taint AsJoined() => Joined ? this : Copy(joined: true);

    public Taint WithClass(DataClass dataClass) => Copy(dataClass: dataClass);

    /// <summary>The same data as element <paramref name="element"/> of a tuple.</summary>
    public Taint InElement(int element) => Element == element ? this : Copy(element: element);

    private Taint Copy(
        DataClass? dataClass = null,
        TaintShape? shape = null,
        ITypeSymbol? type = null,
        bool? renderedAsText = null,
        bool? joined = null,
        Location? readAt = null,
        int? element = null,
        string? path = null) =>
        new(Origin, dataClass ?? Class, shape ?? Shape, type ?? Type)
        {
            MarkerOrdinal = MarkerOrdinal,
            RenderedAsText = renderedAsText ?? RenderedAsText,
            Joined = joined ?? Joined,
            ReadAt = readAt ?? ReadAt,
            Element = element ?? Element,
            Path = path ?? Path,
        };

    /// <summary>"'User.Email' (contact details)", "the whole 'User' (holds Email, DisplayName)".</summary>
    public string Describe(IReadOnlyList<string>? heldMembers = null)
    {
        var name = SymbolNames.ForMessage(Origin is IMethodSymbol { MethodKind: MethodKind.PropertyGet } getter ? getter.AssociatedSymbol! : Origin);
        if (Shape == TaintShape.Holder && Origin is ITypeSymbol)
        {
            var held = heldMembers is { Count: > 0 } ? "holds " + string.Join(", ", heldMembers) : Class.Describe();
            return $"the whole '{name}' ({held})";
        }

        var what = Class.Describe();
        if (Path is not null)
        {
            name = Path + " → " + name;
        }

        return Class.Has(DataKinds.Pseudonymous) ? $"pseudonymised '{name}' ({what})" : $"'{name}' ({what})";
    }

    public bool Equals(Taint? other) =>
        other is not null
        && SymbolEqualityComparer.Default.Equals(Origin, other.Origin)
        && Shape == other.Shape
        && MarkerOrdinal == other.MarkerOrdinal
        && RenderedAsText == other.RenderedAsText
        && Joined == other.Joined
        && Element == other.Element
        && Class.Equals(other.Class);

    public override bool Equals(object? obj) => Equals(obj as Taint);

    public override int GetHashCode() =>
        (SymbolEqualityComparer.Default.GetHashCode(Origin) * 397) ^ ((int)Shape * 31) ^ (MarkerOrdinal ?? -7) ^ (Element * 7919) ^ Class.GetHashCode();
}

/// <summary>An immutable, small set of taints: what a value carries.</summary>
internal readonly struct Taints : IEquatable<Taints>
{
    // A value rarely carries more than a few origins; past this many, more detail only slows the analysis.
    private const int MaximumSize = 12;

    private readonly ImmutableArray<Taint> _items;

    private Taints(ImmutableArray<Taint> items) => _items = items;

    public static Taints None => default;

    public ImmutableArray<Taint> Items => _items.IsDefault ? ImmutableArray<Taint>.Empty : _items;

    public bool IsEmpty => _items.IsDefaultOrEmpty;

    public static Taints Of(Taint taint) => new(ImmutableArray.Create(taint));

    public static Taints Of(IEnumerable<Taint> taints)
    {
        var result = None;
        foreach (var taint in taints)
        {
            result = result.Add(taint);
        }

        return result;
    }

    public Taints Add(Taint taint)
    {
        if (_items.IsDefaultOrEmpty)
        {
            return Of(taint);
        }

        if (_items.Length >= MaximumSize || _items.Contains(taint))
        {
            return this;
        }

        return new Taints(_items.Add(taint));
    }

    public Taints Union(Taints other)
    {
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var result = this;
        foreach (var taint in other._items)
        {
            result = result.Add(taint);
        }

        return result;
    }

    public Taints Select(Func<Taint, Taint?> map)
    {
        var result = None;
        foreach (var taint in Items)
        {
            if (map(taint) is { } mapped)
            {
                result = result.Add(mapped);
            }
        }

        return result;
    }

    public Taints Where(Func<Taint, bool> predicate) => Select(t => predicate(t) ? t : null);

    public Taints WithoutMarkers() => Where(t => !t.IsMarker);

    /// <summary>The same data, now held in a value of <paramref name="type"/> (markers keep the parameter's type).</summary>
    public Taints Retyped(ITypeSymbol? type) =>
        type is null || IsEmpty ? this : Select(t => t.IsMarker ? t : t.WithType(type));

    /// <summary>The same data, loaded by <paramref name="operation"/>: what a code fix replaces or wraps.</summary>
    public Taints ReadAt(IOperation operation)
    {
        if (IsEmpty)
        {
            return this;
        }

        var location = operation.Syntax.GetLocation();
        return Select(t => t.At(location));
    }

    /// <summary>What element <paramref name="element"/> of a tuple holding these taints carries.</summary>
    public Taints OfElement(int element) =>
        Select(t => t.Element == Taint.WholeValue ? t : t.Element == element ? t.InElement(Taint.WholeValue) : null);

    /// <summary>These taints as element <paramref name="element"/> of a new tuple.</summary>
    public Taints AsElement(int element) => Select(t => t.InElement(element));

    /// <summary>The elements of a collection joined into one text: a list of people, not one.</summary>
    public Taints AsJoinedElements() =>
        Select(t => t.Type is { } type && DataClassifier.ElementType(type) is { } element ? t.WithType(element).AsJoined() : t);

    /// <summary>
    /// Whether the two are one and the same set: <see cref="Union"/> and <see cref="Add"/> return the set itself when
    /// nothing is new, so a join that changed nothing is told apart by reference, without comparing any taint.
    /// </summary>
    public bool IsSameAs(Taints other) => _items == other._items || (IsEmpty && other.IsEmpty);

    public bool Equals(Taints other) =>
        Items.Length == other.Items.Length && Items.All(other.Items.Contains);

    public override bool Equals(object? obj) => obj is Taints other && Equals(other);

    public override int GetHashCode() => Items.Length;

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var taint in Items)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(taint.IsMarker ? $"param#{taint.MarkerOrdinal}" : taint.Describe());
        }

        return text.ToString();
    }
}
