using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Everything SafePrivacy knows about one compilation, built once and shared by every analyzer (and the CLI):
/// the classifier, the sink catalogue resolved to symbols, external annotations, declaration scopes, method
/// summaries and the flows found in each body. All caches are per compilation and every answer is a pure
/// function of the compilation, so results never depend on the order analyzers run in.
/// </summary>
internal sealed class PrivacyModel
{
    /// <summary>How many levels of helpers a body's analysis follows into (a → b → c → d → e).</summary>
    public const int SummaryLevels = 4;

    private static readonly ConditionalWeakTable<Compilation, PrivacyModel> Models = new();

    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<SinkHit>> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, BodyFacts> _facts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> _bodyOperations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _semanticModels = new();
    private readonly ConcurrentDictionary<(IMethodSymbol, int), MethodSummary> _summaries = new();
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _levelFreeSummaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(IMethodSymbol, int), bool> _mayReturnData = new();
    private readonly ConcurrentDictionary<(IMethodSymbol, int), bool> _maySink = new();
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _hasSourceBody = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, DataTransform> _transforms = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(ITypeSymbol, int), bool> _printsData = new();
    private readonly ConcurrentDictionary<(ISymbol, string), ScopedAttribute?> _scopes = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _sourceTypes;
    private readonly Lazy<SinkResolver> _sinks;
    private readonly Lazy<bool> _declaresData;
    private readonly Lazy<bool> _declaresModerationActions;
    private CallGraph? _callGraph;

    private PrivacyModel(Compilation compilation, AnalyzerOptions options, ExternalAnnotations external)
    {
        Compilation = compilation;
        _options = options.AnalyzerConfigOptionsProvider;
        External = external;
        var scope = AnnotationScope.For(compilation, external);
        Classifier = new DataClassifier(external, scope);
        _sinks = new Lazy<SinkResolver>(() => new SinkResolver(compilation));
        _declaresData = new Lazy<bool>(() => DeclaredData.MayExist(compilation, external, scope, CancellationToken.None));
        _declaresModerationActions = new Lazy<bool>(() => DeclaredData.MayDeclareModerationActions(compilation, scope, CancellationToken.None));
        _sourceTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => DeclaredTypes.In(compilation.Assembly.GlobalNamespace).ToImmutableArray());
        IsActive = scope.CanDeclare;
    }

    public Compilation Compilation { get; }

    /// <summary>Whether anything in reach is declared personal data; without it no value can be a source.</summary>
    public bool DeclaresData => _declaresData.Value;

    /// <summary>Whether any method in reach can be a <c>[ModerationAction]</c>.</summary>
    public bool DeclaresModerationActions => _declaresModerationActions.Value;

    public DataClassifier Classifier { get; }

    /// <summary>The sink catalogue resolved against this compilation, on first use (never, where nothing is declared).</summary>
    public SinkResolver Sinks => _sinks.Value;

    public ExternalAnnotations External { get; }

    /// <summary>
    /// Whether anything in the compilation can be personal data: SafePrivacy's attributes, Identity's or a
    /// Compliance classification, or external annotations. A compilation with none pays nothing.
    /// </summary>
    public bool IsActive { get; }

    /// <summary>The compilation's model, or null when it has no way to declare personal data.</summary>
    public static PrivacyModel? For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var model = Get(compilation, options, cancellationToken);
        return model.IsActive ? model : null;
    }

    /// <summary>
    /// The compilation's model for rules about personal data itself (every flow rule): null as well when nothing
    /// in reach is declared personal data, so a project that has not annotated anything yet pays nothing.
    /// </summary>
    public static PrivacyModel? ForDeclaredData(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        For(compilation, options, cancellationToken) is { DeclaresData: true } model ? model : null;

    /// <summary>The compilation's external annotations, read once and shared, whether or not anything else is declared.</summary>
    public static ExternalAnnotations AnnotationsFor(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        Get(compilation, options, cancellationToken).External;

    private static PrivacyModel Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        Models.GetValue(compilation, c => new PrivacyModel(c, options, ExternalAnnotations.Load(c, options.AdditionalFiles, cancellationToken)));

    public ConfiguredSinks ConfiguredSinksFor(SyntaxTree tree) => ConfiguredSinks.From(_options.GetOptions(tree));

    /// <summary>
    /// The sink hits of one body (a method, accessor, constructor, field or property initializer), found once
    /// and shared by every rule. Bodies where no source can meet a sink are not walked at all.
    /// </summary>
    public ImmutableArray<SinkHit> Analyze(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (blocks.IsDefaultOrEmpty)
        {
            return ImmutableArray<SinkHit>.Empty;
        }

        return _bodies.GetOrAdd(owner, _ =>
        {
            try
            {
                if (blocks[0].SemanticModel is { } semanticModel)
                {
                    _semanticModels.TryAdd(semanticModel.SyntaxTree, semanticModel);
                }

                var configured = ConfiguredSinksFor(blocks[0].Syntax.SyntaxTree);
                if (!IsCandidate(owner, blocks, cancellationToken))
                {
                    return ImmutableArray<SinkHit>.Empty;
                }

                var walker = new FlowWalker(this, owner, summaryOf: null, SummaryLevels - 1, configured, cancellationToken);
                return walker.Run(blocks).Hits;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !ThrowOnInternalError)
            {
                // An analyzer must never fail a user's build or IDE; debug builds (the tests) rethrow to find the bug.
                return ImmutableArray<SinkHit>.Empty;
            }
        });
    }

    /// <summary>
    /// Whether the body of <paramref name="owner"/> is walked at all: only where personal data can meet a sink in it,
    /// directly or through its helpers. Every other body costs nothing more.
    /// </summary>
    public bool IsCandidate(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var facts = BodyFacts.Collect(blocks, this, ConfiguredSinksFor(blocks[0].Syntax.SyntaxTree));
        return MayMeet(facts, SummaryLevels - 1, cancellationToken);
    }

#if DEBUG
    private const bool ThrowOnInternalError = true;
#else
    private const bool ThrowOnInternalError = false;
#endif

    /// <summary>The summary of a method with a body in this compilation, following its own callees <paramref name="level"/> deep.</summary>
    public MethodSummary? Summary(IMethodSymbol method, int level, CancellationToken cancellationToken = default)
    {
        if (level < 0)
        {
            return null;
        }

        var definition = Definition(method);
        if (!HasSourceBody(definition))
        {
            return null;
        }

        return _levelFreeSummaries.TryGetValue(definition, out var levelFree)
            ? levelFree
            : _summaries.GetOrAdd((definition, level), key => ComputeSummary(key.Item1, key.Item2, cancellationToken));
    }

    private MethodSummary ComputeSummary(IMethodSymbol method, int level, CancellationToken cancellationToken)
    {
        var body = BodyOf(method, cancellationToken);
        if (body is null)
        {
            return MethodSummary.Empty;
        }

        var facts = MethodFacts(method, cancellationToken);
        if (facts == BodyFacts.None && method.Parameters.Length == 0 && method.IsStatic)
        {
            return MethodSummary.Empty;
        }

        var walker = new FlowWalker(this, method, summaryOf: method, level - 1, ConfiguredSinksFor(body.Syntax.SyntaxTree), cancellationToken);
        var summary = new MethodSummary(walker.Run(new[] { body }));
        summary = summary.IsEmpty ? MethodSummary.Empty : summary;
        if (!walker.ReachedCallees)
        {
            // A helper that calls no other code of this compilation has one summary at every level: walk it once.
            _levelFreeSummaries.TryAdd(method, summary);
        }

        return summary;
    }

    /// <summary>
    /// A method's bound body, bound once: the facts, every summary level and the call graph share it instead of
    /// each asking the semantic model again (which rebinds once the driver has released that tree's model).
    /// </summary>
    public IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken) =>
        _bodyOperations.GetOrAdd(Definition(method), m => SourceBodies.GetBody(m, Compilation, SemanticModelOf, cancellationToken));

    // The driver releases a tree's semantic model (and every body bound in it) once it has analysed the tree; a
    // helper in that tree asked for later would be bound all over again. The model is kept here instead: the
    // driver's own, captured as bodies are analysed, or the compilation's cached one, which the driver then shares.
    private SemanticModel SemanticModelOf(SyntaxTree tree) =>
#pragma warning disable RS1030 // Cross-method summaries need the callee's body; under analysis the compilation hands out its cached semantic models.
        _semanticModels.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    public bool IsSink(IMethodSymbol method, ConfiguredSinks configured) =>
        !Sinks.Resolve(method).IsEmpty || configured.Resolve(method) is not null;

    public bool HasSourceBody(IMethodSymbol method) =>
        _hasSourceBody.GetOrAdd(Definition(method), m => SourceBodies.FindBodyDeclaration(m, Compilation) is not null);

    public DataTransform TransformOf(IMethodSymbol method) => _transforms.GetOrAdd(Definition(method), m =>
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

    /// <summary>
    /// The methods with a body in this compilation that run when <paramref name="method"/> is called: itself, or
    /// for an interface, abstract or virtual member, its implementations and overrides in source.
    /// </summary>
    public ImmutableArray<IMethodSymbol> ImplementationsInSource(IMethodSymbol method) => _implementations.GetOrAdd(Definition(method), m =>
    {
        var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
        if (HasSourceBody(m))
        {
            found.Add(m);
        }

        if (!(m.IsAbstract || m.IsVirtual || m.ContainingType?.TypeKind == TypeKind.Interface))
        {
            return found.ToImmutable();
        }

        foreach (var type in _sourceTypes.Value)
        {
            foreach (var member in type.GetMembers(m.Name).OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(member, m) || !HasSourceBody(member))
                {
                    continue;
                }

                var implements = m.ContainingType?.TypeKind == TypeKind.Interface
                    ? SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(m)?.OriginalDefinition, member.OriginalDefinition)
                    : Overrides(member, m);
                if (implements)
                {
                    found.Add(Definition(member));
                }
            }
        }

        return found.ToImmutable();
    });

    /// <summary>The compilation's call graph, built on first use (only rules that walk calls backwards need it).</summary>
    public CallGraph CallGraph(CancellationToken cancellationToken)
    {
        if (_callGraph is null)
        {
            Interlocked.CompareExchange(ref _callGraph, Flow.CallGraph.Build(this, _sourceTypes.Value, cancellationToken), null);
        }

        return _callGraph;
    }

    private static bool Overrides(IMethodSymbol member, IMethodSymbol baseMethod)
    {
        for (var overridden = member.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, baseMethod))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nearest declaration of <paramref name="attributeName"/> around <paramref name="symbol"/>, cached.</summary>
    public ScopedAttribute? Nearest(ISymbol symbol, string attributeName) =>
        _scopes.GetOrAdd((symbol, attributeName), key => DeclarationScope.Nearest(key.Item1, key.Item2));

    /// <summary>Whether printing the value with ToString shows the personal data it carries.</summary>
    public bool RendersAsText(Taint taint, int level = SummaryLevels - 1)
    {
        var type = taint.Type;
        if (taint.Shape == TaintShape.Data && IsTextLike(type))
        {
            return true;
        }

        return type is not null && ToStringPrintsData(type, level);
    }

    /// <summary>
    /// Whether a type's ToString prints its members: records (compiler-synthesised), anonymous types, tuples,
    /// or an override in this compilation that returns personal data.
    /// </summary>
    public bool ToStringPrintsData(ITypeSymbol type, int level = SummaryLevels - 1)
    {
        if (type is not INamedTypeSymbol named || level < 0)
        {
            return false;
        }

        return _printsData.GetOrAdd((named, level), key => ComputePrintsData((INamedTypeSymbol)key.Item1, key.Item2));
    }

    private bool ComputePrintsData(INamedTypeSymbol type, int level)
    {
        if (type.IsAnonymousType || type.IsTupleType || PrintsContent(type))
        {
            return true;
        }

        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var toString = ToStringOverride(current);
            if (toString is null)
            {
                continue;
            }

            if (HasSourceBody(toString))
            {
                return Summary(toString, level) is { } summary && (!summary.ReturnTaints.IsEmpty || summary.ReturnFromParameters.Any(p => p.Ordinal == -1));
            }

            // Synthesised (records) or compiled: records print their members; other library types we do not know.
            return current.IsRecord || toString.IsImplicitlyDeclared;
        }

        return false;
    }

    /// <summary>The type's own <c>override string ToString()</c>, if it declares one.</summary>
    public static IMethodSymbol? ToStringOverride(INamedTypeSymbol type) =>
        type.GetMembers(nameof(ToString)).OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.IsEmpty && m.IsOverride);

    // Values whose ToString is the value itself: text, numbers, dates, identifiers, addresses — and the types we
    // cannot see through (object, interfaces, type parameters), where the safe answer is that it prints.
    private static bool IsTextLike(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            type = generic.TypeArguments[0];
        }

        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Dynamic or TypeKind.TypeParameter or TypeKind.Interface or TypeKind.Error)
        {
            return type?.SpecialType != SpecialType.System_Collections_Generic_IEnumerable_T;
        }

        foreach (var name in TextLikeTypes)
        {
            if (MetadataNames.Is(type, name))
            {
                return true;
            }
        }

        return false;
    }

    // Documents whose ToString is their whole content as JSON or XML: what was put in them is printed.
    private static readonly string[] DocumentTypes =
    {
        "Newtonsoft.Json.Linq.JToken", "System.Text.Json.Nodes.JsonNode", "System.Text.Json.JsonElement", "System.Text.Json.JsonProperty",
        "System.Xml.Linq.XNode", "System.Xml.Linq.XAttribute", "System.Xml.Linq.XStreamingElement", "System.Xml.XmlNode",
    };

    private static bool PrintsContent(INamedTypeSymbol type)
    {
        foreach (var name in DocumentTypes)
        {
            if (MetadataNames.DerivesFrom(type, name))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] TextLikeTypes =
    {
        "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.Guid", "System.Uri",
        "System.Net.IPAddress", "System.Net.IPEndPoint", "System.Net.Mail.MailAddress", "System.Text.StringBuilder",
        "System.Numerics.BigInteger", "System.Half", "System.Int128", "System.UInt128", "System.Collections.Generic.KeyValuePair`2",
    };

    private static IMethodSymbol Definition(IMethodSymbol method) => (method.PartialImplementationPart ?? method.ReducedFrom ?? method).OriginalDefinition;

    private BodyFacts MethodFacts(IMethodSymbol method, CancellationToken cancellationToken) => _facts.GetOrAdd(method, m =>
    {
        var body = BodyOf(m, cancellationToken);
        return body is null ? BodyFacts.None : BodyFacts.Collect(new[] { body }, this, ConfiguredSinksFor(body.Syntax.SyntaxTree));
    });

    // The cheap gate: the body (or a helper it calls) reads personal data, and it (or a helper) calls a sink.
    private bool MayMeet(BodyFacts facts, int depth, CancellationToken cancellationToken) =>
        (facts.HasSource || facts.Callees.Any(c => MayReturnData(c, depth, cancellationToken)))
        && (facts.HasSink || facts.Callees.Any(c => MaySink(c, depth, cancellationToken)));

    private bool MayReturnData(IMethodSymbol method, int depth, CancellationToken cancellationToken) =>
        _mayReturnData.GetOrAdd((method, depth), key =>
        {
            var facts = MethodFacts(key.Item1, cancellationToken);
            return facts.HasSource || (key.Item2 > 0 && facts.Callees.Any(c => MayReturnData(c, key.Item2 - 1, cancellationToken)));
        });

    private bool MaySink(IMethodSymbol method, int depth, CancellationToken cancellationToken) =>
        _maySink.GetOrAdd((method, depth), key =>
        {
            var facts = MethodFacts(key.Item1, cancellationToken);
            return facts.HasSink || (key.Item2 > 0 && facts.Callees.Any(c => MaySink(c, key.Item2 - 1, cancellationToken)));
        });
}
