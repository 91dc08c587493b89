using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>Personal data reaching a sink, seen from the body being analysed: what rules report on.</summary>
internal sealed class SinkHit
{
    public SinkHit(
        SinkKind kind,
        string sink,
        Location location,
        Taints data,
        ImmutableArray<IMethodSymbol> via,
        ISymbol? sinkOwner,
        bool fromCallee,
        bool inLoop,
        IOperation? call = null,
        ITypeSymbol? valueType = null,
        ISymbol? group = null)
    {
        Kind = kind;
        Sink = sink;
        Location = location;
        Data = data;
        Via = via;
        SinkOwner = sinkOwner;
        FromCallee = fromCallee;
        InLoop = inLoop;
        Call = call;
        ValueType = valueType;
        Group = group;
    }

    /// <summary>The sink call in this body, or the call of the helper that leads to it.</summary>
    public IOperation? Call { get; }

    /// <summary>The static type of the value given to the sink (the entity an EF Core Add stores).</summary>
    public ITypeSymbol? ValueType { get; }

    /// <summary>The object whose member received the value (the MailMessage whose To list was added to), if tracked.</summary>
    public ISymbol? Group { get; }

    public SinkKind Kind { get; }

    /// <summary>How messages name the sink: "ILogger.LogInformation".</summary>
    public string Sink { get; }

    /// <summary>Where the data enters the sink from this body: the argument, or the call of a helper.</summary>
    public Location Location { get; }

    /// <summary>The personal data that reaches the sink.</summary>
    public Taints Data { get; }

    /// <summary>The methods of this compilation the data passes through on its way, outermost first; empty when direct.</summary>
    public ImmutableArray<IMethodSymbol> Via { get; }

    /// <summary>The member whose code calls the sink, when that is not the body itself.</summary>
    public ISymbol? SinkOwner { get; }

    /// <summary>
    /// The data is the called helper's own (read inside it), not this body's: reported here only by rules about
    /// everything a scope reaches, such as what a moderation pipeline logs through its helpers.
    /// </summary>
    public bool FromCallee { get; }

    /// <summary>The sink is called inside a loop of this body.</summary>
    public bool InLoop { get; }

    /// <summary>The sink call writes a cache entry that is given no expiry (decided on first use, by <see cref="CacheExpiry"/>).</summary>
    public bool IsCacheWriteWithoutExpiry => _cacheWithoutExpiry ??= CacheExpiry.IsWriteWithoutExpiry(Call);

    private bool? _cacheWithoutExpiry;

    /// <summary>Where the data enters the sink's argument: the expressions a fix wraps or replaces, in source order.</summary>
    public ImmutableArray<Location> ReadLocations =>
        Data.Items
            .Select(t => t.ReadAt)
            .OfType<Location>()
            .Where(l => l.SourceTree == Location.SourceTree && Location.SourceSpan.Contains(l.SourceSpan))
            .Distinct()
            .OrderBy(l => l.SourceSpan.Start)
            .ToImmutableArray();

    /// <summary>"'User.Email' (contact details) and 'User.DisplayName' (name)".</summary>
    public string DescribeData(DataClassifier classifier) => DescribeAll(Data.Items, classifier);

    /// <summary>" through 'Audit.Write'", or empty when the sink is called directly.</summary>
    public string DescribeVia() =>
        Via.IsDefaultOrEmpty ? string.Empty : " through '" + string.Join(" → ", Via.Select(SymbolNames.ForMessage)) + "'";

    public static string DescribeAll(IEnumerable<Taint> taints, DataClassifier classifier)
    {
        var parts = taints
            .Where(t => !t.IsMarker)
            .Select(t => t.Describe(t.Shape == TaintShape.Holder && t.Origin is ITypeSymbol type ? classifier.ClassifyType(type).HeldMembers : null))
            .Distinct()
            .OrderBy(p => p, System.StringComparer.Ordinal)
            .ToList();
        // "A together with B and C": one subject, so every message's verb stays singular.
        return parts.Count switch
        {
            0 => "personal data",
            1 => parts[0],
            2 => parts[0] + " together with " + parts[1],
            _ => parts[0] + " together with " + string.Join(", ", parts.Skip(1).Take(parts.Count - 2)) + " and " + parts[parts.Count - 1],
        };
    }
}

/// <summary>A parameter of a method that reaches a sink inside it: the method is a sink for that parameter.</summary>
internal sealed class ParameterSink
{
    public ParameterSink(int ordinal, SinkKind kind, string sink, RenderMode mode, ImmutableArray<IMethodSymbol> via, ISymbol sinkOwner)
    {
        Ordinal = ordinal;
        Kind = kind;
        Sink = sink;
        Mode = mode;
        Via = via;
        SinkOwner = sinkOwner;
    }

    /// <summary>The parameter's ordinal; -1 for <c>this</c>.</summary>
    public int Ordinal { get; }

    public SinkKind Kind { get; }

    public string Sink { get; }

    /// <summary>How the caller's value is rendered by the time it reaches the sink.</summary>
    public RenderMode Mode { get; }

    /// <summary>Further helpers between this method and the sink.</summary>
    public ImmutableArray<IMethodSymbol> Via { get; }

    public ISymbol SinkOwner { get; }
}
