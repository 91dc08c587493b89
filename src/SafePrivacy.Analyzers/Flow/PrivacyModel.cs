using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Discovery;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Everything SafePrivacy knows about one compilation, built once and shared by every analyzer (and the CLI): the
/// classifier, the sink catalogue resolved to symbols, external annotations, the compilation's method bodies and
/// their summaries, declaration scopes, and the flows found in each body. Every answer is a pure function of the
/// compilation and its options, so results never depend on the order analyzers run in.
/// </summary>
internal sealed class PrivacyModel
{
    /// <summary>How many levels of helpers a body's analysis follows into (a → b → c → d → e).</summary>
    public const int SummaryLevels = 4;

    private static readonly ConditionalWeakTable<Compilation, ModelsOfCompilation> Models = new();

    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly ConcurrentDictionary<string, ConfiguredSinks> _configuredSinks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NamePatterns?> _namePatterns = new(StringComparer.Ordinal);
    // Shared work, so that analyzers asking for the same body at once (the driver runs them concurrently) walk it once.
    private readonly SharedWork<ISymbol, ImmutableArray<SinkHit>> _hits = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(ISymbol, string), ScopedAttribute?> _scopes = new();
    private readonly Lazy<SinkResolver> _sinks;
    private readonly Lazy<DeclaredNames> _declared;
    private readonly Lazy<CandidateIndex?> _index;
    private CallGraph? _callGraph;

    private PrivacyModel(Compilation compilation, AnalyzerOptions options, ExternalAnnotations external)
    {
        Compilation = compilation;
        _options = options.AnalyzerConfigOptionsProvider;
        External = external;
        var scope = AnnotationScope.For(compilation, external);
        Classifier = new DataClassifier(external, scope);
        Bodies = new MethodBodies(compilation);
        Summaries = new MethodSummaries(this);
        Printing = new ValuePrinting(Bodies, Summaries);
        Fields = new FieldValues(this);
        _sinks = new Lazy<SinkResolver>(() => new SinkResolver(scope));
        _declared = new Lazy<DeclaredNames>(() => DeclaredNames.Read(this, scope, CancellationToken.None));
        _index = new Lazy<CandidateIndex?>(() => UsesCandidateIndex(_options) ? CandidateIndex.Build(this, _declared.Value, CancellationToken.None) : null);
        IsActive = scope.CanDeclare;
    }

    public Compilation Compilation { get; }

    /// <summary>
    /// The option that switches the candidate index (and with it lazy summaries) off, so that tests can show both
    /// ways give the same diagnostics. Not for users: off, every body is walked and every helper summarised.
    /// </summary>
    public const string CandidateIndexKey = "safe_privacy.internal.candidate_index";

    /// <summary>Whether anything in reach is declared personal data; without it no value can be a source.</summary>
    public bool DeclaresData => _declared.Value.DeclaresData;

    /// <summary>Whether any method in reach is a <c>[ModerationAction]</c>.</summary>
    public bool DeclaresModerationActions => _declared.Value.DeclaresModerationActions;

    /// <summary>Whether any type or method in reach is a <c>[ModerationPipeline]</c>.</summary>
    public bool DeclaresModerationPipelines => _declared.Value.DeclaresModerationPipelines;

    /// <summary>Which bodies can see personal data meet a sink, by names alone; null when switched off.</summary>
    public CandidateIndex? Index => _index.Value;

    public DataClassifier Classifier { get; }

    /// <summary>The sink catalogue resolved against this compilation, on first use (never, where nothing is declared).</summary>
    public SinkResolver Sinks => _sinks.Value;

    public ExternalAnnotations External { get; }

    /// <summary>The compilation's methods and their bodies.</summary>
    public MethodBodies Bodies { get; }

    /// <summary>How each method of the compilation treats personal data, computed on first use.</summary>
    public MethodSummaries Summaries { get; }

    /// <summary>What the fields of the compilation's types may hold, across their methods.</summary>
    public FieldValues Fields { get; }

    /// <summary>What printing a value shows.</summary>
    public ValuePrinting Printing { get; }

    /// <summary>What library calls pass from their inputs to their results.</summary>
    public LibraryFlow LibraryFlow { get; } = new();

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

    // One model per compilation and set of inputs. The driver analyses a clone of the compilation with its own
    // options, but code fixes and the inventory ask with the workspace's compilation, which an editor keeps when only
    // an additional file (the external annotations) or .editorconfig changed: the options are part of the key.
    private static PrivacyModel Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        Models.GetValue(compilation, _ => new ModelsOfCompilation()).Get(compilation, options, cancellationToken);

    public ConfiguredSinks ConfiguredSinksFor(SyntaxTree tree) => ConfiguredSinks.From(_options.GetOptions(tree), _configuredSinks);

    /// <summary>The names SP9001 looks for in a file, as its options say; null where discovery is off.</summary>
    public NamePatterns? NamePatternsFor(SyntaxTree tree) => NamePatterns.From(_options.GetOptions(tree), _namePatterns);

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

        return _hits.Get(owner, (key, token) => Walk(key, blocks, token), cancellationToken);
    }

    private ImmutableArray<SinkHit> Walk(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        try
        {
            Bodies.Remember(blocks[0].SemanticModel);
            var walker = new FlowWalker(this, owner, summaryOf: null, SummaryLevels - 1, ConfiguredSinksFor(blocks[0].Syntax.SyntaxTree), cancellationToken);
            return IsCandidate(blocks, walker) ? walker.Run(blocks).Hits : ImmutableArray<SinkHit>.Empty;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !ThrowOnInternalError)
        {
            // An analyzer must never fail a user's build or IDE; debug builds (the tests) rethrow to find the bug.
            return ImmutableArray<SinkHit>.Empty;
        }
    }

    /// <summary>
    /// What a call that may run any of <paramref name="implementations"/> does, summarised at the top level, for rules
    /// that ask about a method rather than walk a body. Never throws, like <see cref="Walk"/>: no summary instead.
    /// </summary>
    public MethodSummary? SummaryOf(ImmutableArray<IMethodSymbol> implementations, CancellationToken cancellationToken)
    {
        try
        {
            return implementations.IsEmpty ? null : Summaries.Dispatched(implementations, SummaryLevels - 1, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !ThrowOnInternalError)
        {
            // An analyzer must never fail a user's build or IDE; debug builds (the tests) rethrow to find the bug.
            return null;
        }
    }

    /// <summary>
    /// Whether the body of <paramref name="owner"/> is walked at all: only where personal data can meet a sink in it,
    /// directly or through its helpers. Every other body costs nothing more.
    /// </summary>
    public bool IsCandidate(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken) =>
        IsCandidate(blocks, new FlowWalker(this, owner, summaryOf: null, SummaryLevels - 1, ConfiguredSinksFor(blocks[0].Syntax.SyntaxTree), cancellationToken));

    // By names first (the index), then by the body's own bound operations: both must let it through.
    private bool IsCandidate(ImmutableArray<IOperation> blocks, FlowWalker walker) =>
        Index is not { } index || (index.IsCandidate(blocks) && walker.MayMeet(blocks, index));

    private static bool UsesCandidateIndex(AnalyzerConfigOptionsProvider options) =>
        !(options.GlobalOptions.TryGetValue(CandidateIndexKey, out var value) && string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase));

#if DEBUG
    private const bool ThrowOnInternalError = true;
#else
    private const bool ThrowOnInternalError = false;
#endif

    public bool IsSink(IMethodSymbol method, ConfiguredSinks configured) =>
        !Sinks.Resolve(method).IsEmpty || configured.Resolve(method) is not null;

    /// <summary>The compilation's call graph, built on first use (only rules that walk calls backwards need it).</summary>
    public CallGraph CallGraph(CancellationToken cancellationToken)
    {
        if (_callGraph is null)
        {
            Interlocked.CompareExchange(ref _callGraph, Flow.CallGraph.Build(this, Bodies.SourceTypes, cancellationToken), null);
        }

        return _callGraph;
    }

    /// <summary>The nearest declaration of <paramref name="attributeName"/> around <paramref name="symbol"/>, cached.</summary>
    public ScopedAttribute? Nearest(ISymbol symbol, string attributeName) =>
        _scopes.GetOrAdd((symbol, attributeName), key => DeclarationScope.Nearest(key.Item1, key.Item2));

    /// <summary>The models of one compilation, by the options they were built from; the last few are kept.</summary>
    private sealed class ModelsOfCompilation
    {
        private const int Kept = 4;

        private readonly object _gate = new();
        private readonly System.Collections.Generic.List<(InputKey Key, PrivacyModel Model)> _models = new();

        public PrivacyModel Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var key = InputKey.Of(options, cancellationToken);
            lock (_gate)
            {
                foreach (var (known, model) in _models)
                {
                    if (known.Equals(key))
                    {
                        return model;
                    }
                }
            }

            var created = new PrivacyModel(compilation, options, ExternalAnnotations.Load(compilation, options.AdditionalFiles, cancellationToken));
            lock (_gate)
            {
                foreach (var (known, model) in _models)
                {
                    if (known.Equals(key))
                    {
                        return model;
                    }
                }

                _models.Insert(0, (key, created));
                if (_models.Count > Kept)
                {
                    _models.RemoveAt(_models.Count - 1);
                }

                return created;
            }
        }
    }

    /// <summary>
    /// What a model reads from its options: the .editorconfig options (a provider is immutable; an edit makes a new
    /// one) and the external annotation files, by path and content checksum (an edit makes new text).
    /// </summary>
    private readonly struct InputKey : IEquatable<InputKey>
    {
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly ImmutableArray<(string Path, ImmutableArray<byte> Checksum)> _annotations;

        private InputKey(AnalyzerConfigOptionsProvider options, ImmutableArray<(string, ImmutableArray<byte>)> annotations)
        {
            _options = options;
            _annotations = annotations;
        }

        public static InputKey Of(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var annotations = ImmutableArray.CreateBuilder<(string, ImmutableArray<byte>)>();
            foreach (var file in options.AdditionalFiles)
            {
                if (ExternalAnnotations.IsAnnotationFile(file.Path))
                {
                    annotations.Add((file.Path, file.GetText(cancellationToken)?.GetChecksum() ?? ImmutableArray<byte>.Empty));
                }
            }

            return new InputKey(options.AnalyzerConfigOptionsProvider, annotations.ToImmutable());
        }

        public bool Equals(InputKey other) =>
            ReferenceEquals(_options, other._options)
            && _annotations.Length == other._annotations.Length
            && _annotations.Zip(other._annotations, (a, b) => a.Path == b.Path && a.Checksum.SequenceEqual(b.Checksum)).All(same => same);

        public override bool Equals(object? obj) => obj is InputKey other && Equals(other);

        public override int GetHashCode() => _annotations.Length;
    }
}
