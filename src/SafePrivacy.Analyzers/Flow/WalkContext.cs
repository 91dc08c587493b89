using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// What the parts of one body's walk share: the model, the body, its settings, and what the walk learned about
/// itself on the way (whether it looked into code below it, whether it is inside a loop).
/// </summary>
internal sealed class WalkContext
{
    public WalkContext(PrivacyModel model, ISymbol owner, IMethodSymbol? summaryOf, int calleeLevel, ConfiguredSinks configured, CancellationToken cancellationToken)
    {
        Model = model;
        Classifier = model.Classifier;
        Owner = owner;
        SummaryOf = summaryOf;
        CalleeLevel = calleeLevel;
        Configured = configured;
        CancellationToken = cancellationToken;
        StringType = model.Compilation.GetSpecialType(SpecialType.System_String);
        ThisKey = owner.ContainingType ?? owner;
    }

    public PrivacyModel Model { get; }

    public DataClassifier Classifier { get; }

    /// <summary>The member whose body is walked.</summary>
    public ISymbol Owner { get; }

    /// <summary>When set, the walk computes this method's summary: parameters carry markers, not their annotations.</summary>
    public IMethodSymbol? SummaryOf { get; }

    /// <summary>The summary level used for callees; below zero, callees are treated like library code.</summary>
    public int CalleeLevel { get; }

    /// <summary>The sinks .editorconfig lists for the body's file.</summary>
    public ConfiguredSinks Configured { get; }

    public CancellationToken CancellationToken { get; }

    public ITypeSymbol StringType { get; }

    /// <summary>The key the walk's state keeps <c>this</c> under.</summary>
    public ISymbol ThisKey { get; }

    /// <summary>How many loops of the body enclose the operation being walked.</summary>
    public int LoopDepth { get; set; }

    /// <summary>
    /// The least level at which the walk finds what it finds: one more than the deepest helper summary it used,
    /// <see cref="MethodSummary.CutShort"/> where the level cut a helper or a ToString override of the compilation off.
    /// </summary>
    public int RequiredLevel { get; private set; } = MethodSummary.NoLevelNeeded;

    /// <summary>
    /// The summary of a called method with a body in this compilation, computed only where it can matter: when the
    /// call is given personal data (<paramref name="givenData"/>); or when the index says the method may return data
    /// of its own that its return type does not already say it carries; or, where a moderation pipeline may follow
    /// its helpers' own sinks, when the index says it may bring data to one. Any other helper is left unbound.
    /// </summary>
    public MethodSummary? CalleeSummary(IMethodSymbol method, bool givenData)
    {
        // A call through an interface, an abstract or a virtual member runs one of its implementations in source.
        var implementations = Model.Bodies.ImplementationsInSource(method);
        if (implementations.IsEmpty || !implementations.Any(m => givenData ? MayMatterWithData(m) : MayMatterWithoutData(m)))
        {
            return null;
        }

        if (CalleeLevel < 0)
        {
            RequiredLevel = MethodSummary.CutShort;
            return null;
        }

        var summary = Model.Summaries.Dispatched(implementations, CalleeLevel, CancellationToken);
        if (summary is not null)
        {
            RequiredLevel = System.Math.Max(RequiredLevel, summary.RequiredLevel == MethodSummary.CutShort ? MethodSummary.CutShort : summary.RequiredLevel + 1);
        }

        return summary;
    }

    // Given data, a helper matters if it may sink it, pass it on to its result (or an out argument), or — where
    // moderation pipelines follow their helpers — bring its own data to a sink.
    private bool MayMatterWithData(IMethodSymbol method)
    {
        if (Model.Index is not { } index)
        {
            return true;
        }

        // A number or a flag computed from what it is given is a judgement, not a copy (as for library calls): it
        // matters only where the helper reads data of its own.
        var definition = MethodBodies.Definition(method);
        var passesOn = definition.MethodKind == MethodKind.Constructor
            || definition.Parameters.Any(p => p.RefKind != RefKind.None)
            || (!definition.ReturnsVoid && !KnownCalls.ReturnsNumberOrFlag(definition.ReturnType))
            || (KnownCalls.ReturnsNumberOrFlag(definition.ReturnType) && index.MayReturnData(definition));
        return passesOn
            || index.MaySinkWhatItIsGiven(definition)
            || (Model.DeclaresModerationPipelines && index.MayReachSink(definition));
    }

    private bool MayMatterWithoutData(IMethodSymbol method)
    {
        if (Model.Index is not { } index)
        {
            return true;
        }

        var definition = MethodBodies.Definition(method);
        return (index.MayReturnData(definition) && !Classifier.ClassifyType(definition.ReturnType).IsPersonal)
            || (Model.DeclaresModerationPipelines && index.MayReachSink(definition));
    }

    public bool RendersAsText(Taint taint)
    {
        // What a type of the compilation prints is a ToString summary's to say, and depends on the level like any.
        if (taint.Type is { } type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.ContainingAssembly, Model.Compilation.Assembly))
        {
            RequiredLevel = MethodSummary.CutShort;
        }

        return Model.Printing.RendersAsText(taint, CalleeLevel);
    }

    /// <summary>Whether a sink rendering values this way keeps the personal data <paramref name="taint"/> is.</summary>
    public bool Leaks(Taint taint, RenderMode mode) =>
        mode == RenderMode.Serialized
        || RendersAsText(taint)
        || (mode == RenderMode.Elements && ValuePrinting.ElementType(taint.Type) is { } element && RendersAsText(taint.WithType(element)));

    /// <summary>What a value leaves behind when printed with ToString.</summary>
    public Taints AsText(Taints value) =>
        value.Select(t => t.IsMarker || RendersAsText(t) ? t.AsText(StringType) : null);

    /// <summary>What any value of <paramref name="type"/> carries: the type's own data, or the data its members hold.</summary>
    public Taints TypeTaints(ITypeSymbol? type)
    {
        var data = Classifier.ClassifyType(type);
        if (!data.IsPersonal)
        {
            return Taints.None;
        }

        return Taints.Of(data.Shape == TaintShape.Holder
            ? Taint.Holder(data.Origin!, data.Class, type)
            : Taint.Data(data.Origin!, data.Class, type));
    }

    /// <summary>Every way calling the method is a sink: the catalogue, sink attributes, and .editorconfig.</summary>
    public ImmutableArray<ResolvedSink> ResolveSinks(IMethodSymbol method)
    {
        var catalogued = Model.Sinks.Resolve(method);
        return Configured.Resolve(method) is { } configured ? catalogued.Add(configured) : catalogued;
    }
}
