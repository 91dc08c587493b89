using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>What one walk of a body found: the sink hits, what it returns, which parameters reach sinks.</summary>
internal sealed class BodyResult
{
    public static readonly BodyResult Empty = new(ImmutableArray<SinkHit>.Empty, Taints.None, ImmutableArray<ParameterSink>.Empty, ImmutableArray<(int, Taints)>.Empty);

    public BodyResult(ImmutableArray<SinkHit> hits, Taints returned, ImmutableArray<ParameterSink> parameterSinks, ImmutableArray<(int Ordinal, Taints Value)> outValues)
    {
        Hits = hits;
        Returned = returned;
        ParameterSinks = parameterSinks;
        OutValues = outValues;
    }

    /// <summary>In a summary walk, what each out or ref parameter may hold when the method returns (markers included).</summary>
    public ImmutableArray<(int Ordinal, Taints Value)> OutValues { get; }

    public ImmutableArray<SinkHit> Hits { get; }

    /// <summary>What the body returns; in a summary walk, markers say which parameters flow to the result.</summary>
    public Taints Returned { get; }

    public ImmutableArray<ParameterSink> ParameterSinks { get; }
}

/// <summary>
/// How a method treats personal data, as its callers see it: the personal data it returns of its own, which
/// parameters flow into its result, which reach a sink inside it, and the sinks its own data reaches.
/// </summary>
internal sealed class MethodSummary
{
    /// <summary>A summary that needs no level at all: no helper below it, nothing level-bound asked.</summary>
    public const int NoLevelNeeded = 0;

    /// <summary>A summary cut short by the level it was computed at: it holds at that level only.</summary>
    public const int CutShort = int.MaxValue;

    public static readonly MethodSummary Empty = new(BodyResult.Empty, NoLevelNeeded);

    private MethodSummary(Taints returnTaints, ImmutableArray<(int, bool)> returnFromParameters, ImmutableArray<ParameterSink> parameterSinks, ImmutableArray<SinkHit> effects, ImmutableArray<(int, Taints)> outValues, int requiredLevel)
    {
        ReturnTaints = returnTaints;
        ReturnFromParameters = returnFromParameters;
        ParameterSinks = parameterSinks;
        Effects = effects;
        OutValues = outValues;
        RequiredLevel = requiredLevel;
    }

    public MethodSummary(BodyResult walk, int requiredLevel)
    {
        RequiredLevel = requiredLevel;
        ReturnTaints = walk.Returned.WithoutMarkers();
        ReturnFromParameters = walk.Returned.Items
            .Where(t => t.IsMarker)
            .Select(t => (t.MarkerOrdinal!.Value, t.RenderedAsText))
            .Distinct()
            .ToImmutableArray();
        ParameterSinks = walk.ParameterSinks;
        Effects = walk.Hits;
        OutValues = walk.OutValues;
    }

    /// <summary>What a call that may run any of several methods does: everything any of them does.</summary>
    public static MethodSummary Union(IReadOnlyList<MethodSummary> summaries) => new(
        Taints.Of(summaries.SelectMany(s => s.ReturnTaints.Items)),
        summaries.SelectMany(s => s.ReturnFromParameters).Distinct().ToImmutableArray(),
        summaries.SelectMany(s => s.ParameterSinks).ToImmutableArray(),
        summaries.SelectMany(s => s.Effects).ToImmutableArray(),
        summaries.SelectMany(s => s.OutValues).ToImmutableArray(),
        summaries.Max(s => s.RequiredLevel));

    /// <summary>Personal data the method reads itself and returns (<c>Describe(User u) => $"{u.Email}"</c>).</summary>
    public Taints ReturnTaints { get; }

    /// <summary>Parameters (-1 for <c>this</c>) whose value flows into the result, and whether as text.</summary>
    public ImmutableArray<(int Ordinal, bool AsText)> ReturnFromParameters { get; }

    /// <summary>Parameters that reach a sink inside the method: the method is a sink for them.</summary>
    public ImmutableArray<ParameterSink> ParameterSinks { get; }

    /// <summary>The sinks the method's own data reaches, for rules that follow a scope into its helpers.</summary>
    public ImmutableArray<SinkHit> Effects { get; }

    /// <summary>
    /// What each out or ref parameter (by ordinal) may hold when the method returns: data of its own, and markers
    /// of the parameters (-1 for <c>this</c>) whose values flow into it (<c>TryGetMail(user, out var mail)</c>).
    /// </summary>
    public ImmutableArray<(int Ordinal, Taints Value)> OutValues { get; }

    /// <summary>
    /// The least level at which this is the method's summary: computed at any level from this one up, the walk
    /// finds the same (its helpers' summaries reach no deeper). <see cref="CutShort"/> when the level cut it short.
    /// </summary>
    public int RequiredLevel { get; }

    public bool IsEmpty => ReturnTaints.IsEmpty && ReturnFromParameters.IsEmpty && ParameterSinks.IsEmpty && Effects.IsEmpty && OutValues.IsEmpty;
}

/// <summary>What a method does to the personal data it is given.</summary>
internal enum DataTransform
{
    None,

    /// <summary><c>[Redacts]</c>: the result carries no personal data.</summary>
    Redacts,

    /// <summary><c>[Pseudonymises]</c>: the result is a pseudonymous identifier.</summary>
    Pseudonymises,
}
