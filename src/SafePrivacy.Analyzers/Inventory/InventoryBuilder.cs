using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Inventory;

/// <summary>
/// Walks every body once: what personal data it reads, which sinks that data reaches (the engine's hits, the same
/// ones the rules report on), and which lawful basis covers it — the nearest one, as the rules decide.
/// </summary>
internal sealed class InventoryBuilder
{
    private readonly PrivacyModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly DataItems _items;
    private readonly Dictionary<ISymbol, ActivityDraft> _activities = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, UndeclaredDraft> _undeclared = new(SymbolEqualityComparer.Default);

    private readonly IReadOnlyList<SourceBody> _bodies;

    public InventoryBuilder(AnalysedBodies analysed, CancellationToken cancellationToken)
    {
        _model = analysed.Model;
        _bodies = analysed.Bodies;
        _cancellationToken = cancellationToken;
        _items = new DataItems(_model.Classifier);
    }

    public InventoryModel Build(string assemblyName)
    {
        FindActivities(_model.Compilation);
        foreach (var body in _bodies)
        {
            Record(body);
        }

        var activities = _activities.Values
            .OrderBy(a => a.Scope is IAssemblySymbol ? 0 : 1)
            .ThenBy(a => a.DeclaredAt?.Path, StringComparer.Ordinal)
            .ThenBy(a => a.DeclaredAt?.Line)
            .ThenBy(a => a.DeclaredAt?.Column)
            .Select(a => a.ToActivity(_model))
            .ToImmutableArray();
        var undeclared = _undeclared.Values
            .Select(u => u.ToProcessing())
            .OrderBy(u => u.Sinks.FirstOrDefault()?.Location?.Path, StringComparer.Ordinal)
            .ThenBy(u => u.Sinks.FirstOrDefault()?.Location?.Line)
            .ToImmutableArray();
        return new InventoryModel(assemblyName, usesSafePrivacy: true, activities, undeclared);
    }

    // Every scope that declares a basis is an activity, even one whose members process nothing yet.
    private void FindActivities(Compilation compilation)
    {
        AddActivity(compilation.Assembly);
        foreach (var type in DeclaredTypes.In(compilation.Assembly.GlobalNamespace).Where(t => t.Locations.Any(l => l.IsInSource)))
        {
            AddActivity(type);
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsImplicitlyDeclared: false } or IPropertySymbol)
                {
                    AddActivity(member);
                }
            }
        }
    }

    private void AddActivity(ISymbol scope)
    {
        if (AttributeNames.Find(scope, AttributeNames.LawfulBasis) is { } attribute)
        {
            Activity(new ScopedAttribute(attribute, scope));
        }
    }

    private ActivityDraft Activity(ScopedAttribute basis)
    {
        if (!_activities.TryGetValue(basis.DeclaredOn, out var draft))
        {
            draft = new ActivityDraft(basis);
            _activities.Add(basis.DeclaredOn, draft);
        }

        return draft;
    }

    private ActivityDraft? ActivityOf(ISymbol? member) =>
        member is not null && _model.Nearest(member, AttributeNames.LawfulBasis) is { } basis ? Activity(basis) : null;

    private void Record(SourceBody body)
    {
        var owner = body.Owner;
        var hits = _model.Analyze(owner, body.Blocks, _cancellationToken)
            .Where(h => !h.FromCallee) // the callee's own data is recorded with the callee's body
            .Select(h => (Hit: h, Flow: ToFlow(owner, h)))
            .ToList();
        var reads = _items.ReadBy(body.Blocks);
        if (ActivityOf(owner) is { } activity)
        {
            activity.Add(owner, reads, hits);
            return;
        }

        // With no basis of its own, a call into a helper that declares one is covered by the helper's (as the rules
        // decide); anything else is processing without a declaration.
        foreach (var (hit, flow) in hits)
        {
            if (ActivityOf(hit.SinkOwner) is { } helper)
            {
                helper.Add(owner, ImmutableArray<DataItem>.Empty, new[] { (hit, flow) });
            }
            else
            {
                Undeclared(owner).Add(flow);
            }
        }
    }

    private UndeclaredDraft Undeclared(ISymbol owner)
    {
        if (!_undeclared.TryGetValue(owner, out var draft))
        {
            draft = new UndeclaredDraft(DeclarationReader.ScopeName(owner), DataItems.DocumentationId(owner));
            _undeclared.Add(owner, draft);
        }

        return draft;
    }

    private SinkFlow ToFlow(ISymbol owner, SinkHit hit)
    {
        var retention = hit.Kind == SinkKind.Storage && RetentionScope.For(_model, owner, hit) is { } scoped
            ? DeclarationReader.Retention(scoped)
            : null;
        return new SinkFlow(
            Map(hit.Kind),
            hit.Sink,
            DeclarationReader.ScopeName(owner),
            Spots.Of(hit.Location),
            _items.Of(hit.Data),
            hit.Via.IsDefault ? ImmutableArray<string>.Empty : hit.Via.Select(SymbolNames.ForMessage).ToImmutableArray(),
            retention,
            RecipientScope.ReachesAnotherParty(hit, _model),
            ThirdParties.Of(hit)?.Name);
    }

    /// <summary>The public name of an engine sink kind; a kind added to the engine without one fails its test, not silently.</summary>
    internal static InventorySinkKind Map(SinkKind kind) => kind switch
    {
        SinkKind.Log => InventorySinkKind.Log,
        SinkKind.Exception => InventorySinkKind.Exception,
        SinkKind.Telemetry => InventorySinkKind.Telemetry,
        SinkKind.Storage => InventorySinkKind.Storage,
        SinkKind.Transfer => InventorySinkKind.Transfer,
        SinkKind.Url => InventorySinkKind.Url,
        SinkKind.Classifier => InventorySinkKind.Classifier,
        SinkKind.EmailRecipient => InventorySinkKind.Email,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A sink kind with no inventory name."),
    };

    /// <summary>An activity while the bodies it covers are being found.</summary>
    private sealed class ActivityDraft
    {
        private readonly ScopedAttribute _basis;
        private readonly List<string> _members = new();
        private readonly List<ISymbol> _owners = new();
        private readonly HashSet<DataItem> _data = new();
        private readonly List<SinkFlow> _sinks = new();
        private readonly List<ISymbol> _sinkOwners = new();

        public ActivityDraft(ScopedAttribute basis)
        {
            _basis = basis;
            DeclaredAt = Spots.Of(AttributeArguments.AttributeLocation(basis.Attribute, CancellationToken.None));
        }

        public ISymbol Scope => _basis.DeclaredOn;

        public SourceSpot? DeclaredAt { get; }

        public void Add(ISymbol owner, ImmutableArray<DataItem> reads, IEnumerable<(SinkHit Hit, SinkFlow Flow)> hits)
        {
            var processes = !reads.IsEmpty;
            _data.UnionWith(reads);
            foreach (var (hit, flow) in hits)
            {
                processes = true;
                _data.UnionWith(flow.Data);
                _sinks.Add(flow);
                if (hit.SinkOwner is { } sinkOwner)
                {
                    _sinkOwners.Add(sinkOwner);
                }
            }

            var name = DeclarationReader.ScopeName(owner);
            if (processes && !_members.Contains(name))
            {
                _members.Add(name);
                _owners.Add(owner);
            }
        }

        public ProcessingActivity ToActivity(PrivacyModel model)
        {
            var scopes = new[] { Scope }.Concat(_owners).Concat(_sinkOwners).ToList();
            return new ProcessingActivity(
                DeclarationReader.ScopeName(Scope),
                Scope is IAssemblySymbol assembly ? "A:" + assembly.Name : DataItems.DocumentationId(Scope),
                Scope switch { IAssemblySymbol => ActivityScope.Assembly, ITypeSymbol => ActivityScope.Type, _ => ActivityScope.Member },
                DeclaredAt,
                DeclarationReader.Basis(_basis),
                Scope is not IAssemblySymbol && ModerationScope.EnclosingPipeline(Scope) is not null,
                _members.ToImmutableArray(),
                _data.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Kinds).ToImmutableArray(),
                Distinct(scopes.Select(s => model.Nearest(s, AttributeNames.SpecialCategoryCondition)), DeclarationReader.SpecialCategoryCondition),
                Distinct(scopes.Select(s => model.Nearest(s, AttributeNames.CriminalOffenceCondition)), DeclarationReader.CriminalOffenceCondition),
                Retention(model),
                scopes.SelectMany(DeclarationReader.RecipientsInScope).Distinct().ToImmutableArray(),
                Spots.InSourceOrder(_sinks));
        }

        private ImmutableArray<RetentionDeclaration> Retention(PrivacyModel model)
        {
            var own = model.Nearest(Scope, AttributeNames.Retention) is { } scoped ? new[] { DeclarationReader.Retention(scoped) } : Array.Empty<RetentionDeclaration>();
            return own.Concat(_sinks.Select(s => s.Retention).OfType<RetentionDeclaration>()).Distinct().ToImmutableArray();
        }

        private static ImmutableArray<T> Distinct<T>(IEnumerable<ScopedAttribute?> found, Func<ScopedAttribute, T> read) =>
            found.OfType<ScopedAttribute>().Select(read).Distinct().ToImmutableArray();
    }

    /// <summary>A member's processing with no basis, while its bodies are being found.</summary>
    private sealed class UndeclaredDraft
    {
        private readonly string _member;
        private readonly string _documentationId;
        private readonly List<SinkFlow> _sinks = new();

        public UndeclaredDraft(string member, string documentationId)
        {
            _member = member;
            _documentationId = documentationId;
        }

        public void Add(SinkFlow flow) => _sinks.Add(flow);

        public UndeclaredProcessing ToProcessing() => new(
            _member,
            _documentationId,
            _sinks.SelectMany(s => s.Data).Distinct().OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Kinds).ToImmutableArray(),
            Spots.InSourceOrder(_sinks));
    }
}
