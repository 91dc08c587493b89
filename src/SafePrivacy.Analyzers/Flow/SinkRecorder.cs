using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Records what reaches sinks during one body's walk: hits of real data (what rules report), and, in a summary
/// walk, the parameters whose markers reach a sink (what makes the method a sink for its callers).
/// </summary>
internal sealed class SinkRecorder
{
    private readonly WalkContext _context;
    private readonly Dictionary<(Location, SinkKind, string, bool), SinkHitBuilder> _hits = new();
    private readonly List<SinkHitBuilder> _hitsInOrder = new();
    private readonly Dictionary<(int, SinkKind, string, RenderMode), ParameterSink> _parameterSinks = new();

    public SinkRecorder(WalkContext context) => _context = context;

    public BodyResult Result(Taints returned, ImmutableArray<(int, Taints)> outValues)
    {
        var hits = _hitsInOrder.Select(h => h.Build()).ToImmutableArray();
        var sinks = _parameterSinks.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item3, System.StringComparer.Ordinal).Select(p => p.Value).ToImmutableArray();
        return new BodyResult(hits, returned, sinks, outValues);
    }

    /// <summary>
    /// A call of a sink: each argument the sink keeps is recorded with how it is rendered — a message template's
    /// holes decide whether each template argument is printed or destructured.
    /// </summary>
    public void RecordCall(ResolvedSink sink, IOperation call, IOperation? instance, CallArguments arguments)
    {
        // A sink only with some arguments (SendGrid's showAllRecipients, a Dapper command that writes) is not one here.
        if (!sink.AppliesTo(call))
        {
            return;
        }

        var template = sink.FixedTemplate;
        if (template is null && sink.TemplateOrdinal >= 0)
        {
            template = arguments.OperationForParameter(sink.TemplateOrdinal)?.ConstantValue is { HasValue: true, Value: string text } ? text : null;
        }

        var target = new SinkTarget(sink.Kind, ReceiverDisplay(sink, instance, call), call, ReceiverGroup(sink, instance));
        var holes = MessageTemplate.Parse(template);
        var hole = 0;
        bool NextHoleDestructures() => hole < holes.Length && holes[hole++].Destructure;

        var operations = arguments.Operations;
        var ordered = Enumerable.Range(0, operations.Length)
            .Where(i => operations[i].Parameter is not null)
            .OrderBy(i => operations[i].Parameter!.Ordinal);
        foreach (var i in ordered)
        {
            var argument = operations[i];
            if (sink.ModeOf(argument.Parameter) is not { } mode)
            {
                continue;
            }

            if (mode is RenderMode.TemplateArgument or RenderMode.StructuredArgument)
            {
                // A structured logger prints a collection element by element; string.Format prints its type's name.
                var printed = mode == RenderMode.StructuredArgument ? RenderMode.Elements : RenderMode.Text;
                if (arguments.TryGetElements(i, out var list))
                {
                    foreach (var (element, elementValue) in list)
                    {
                        Record(target, element, elementValue, NextHoleDestructures() ? RenderMode.Serialized : printed);
                    }
                }
                else
                {
                    Record(target, argument.Value, arguments[i], NextHoleDestructures() ? RenderMode.Serialized : printed);
                }
            }
            else
            {
                Record(target, argument.Value, arguments[i], mode == RenderMode.Template ? RenderMode.Text : mode);
            }
        }
    }

    /// <summary>An assignment to a property whose setter is a sink (<c>request.RequestUri = …</c>, <c>mail.To[0] = …</c>).</summary>
    public void RecordSetter(ResolvedSink sink, IPropertyReferenceOperation property, IOperation valueOperation, Taints value, RenderMode mode)
    {
        var display = sink.Receiver is not null && OperationShapes.StripConversions(property.Instance) is IPropertyReferenceOperation receiver
            ? $"{receiver.Property.ContainingType.Name}.{receiver.Property.Name}{(property.Property.IsIndexer ? "[]" : "." + property.Property.Name)}"
            : sink.Display;
        Record(new SinkTarget(sink.Kind, display, property.Parent ?? property, ReceiverGroup(sink, property.Instance)), valueOperation, value, mode);
    }

    /// <summary>A store that happens without a sink call given the value (EF Core's change tracking): what <paramref name="where"/> holds is stored whole.</summary>
    public void RecordStored(string display, IOperation call, IOperation where, Taints value) =>
        Record(new SinkTarget(SinkKind.Storage, display, call, null), where, value, RenderMode.Serialized);

    /// <summary>A value given to a helper whose parameter reaches a sink inside it.</summary>
    public void RecordThroughHelper(ParameterSink parameterSink, Taints value, IOperation where, IMethodSymbol helper, IOperation call)
    {
        var via = Prepend(helper, parameterSink.Via);
        var real = Taints.None;
        foreach (var taint in value.Items)
        {
            if (taint.IsMarker)
            {
                AddParameterSink(taint.MarkerOrdinal!.Value, parameterSink.Kind, parameterSink.Sink, taint.RenderedAsText ? RenderMode.Text : parameterSink.Mode, via, parameterSink.SinkOwner);
            }
            else if (_context.Leaks(taint, parameterSink.Mode) && !ReportedByHelper(helper, parameterSink.Ordinal, taint))
            {
                real = real.Add(taint);
            }
        }

        if (!real.IsEmpty)
        {
            AddHit(parameterSink.Kind, parameterSink.Sink, where.Syntax.GetLocation(), real, via, parameterSink.SinkOwner, fromCallee: false, call, OperationShapes.ValueTypeOf(where));
        }
    }

    // Data a helper's parameter is declared to hold (an annotated parameter; a parameter, or `this`, of a personal
    // type and what that type's members hold) reaches the helper's sink in the helper's own body, and is reported
    // there: its callers are not reported again for the same flow, only for data the declaration does not cover.
    private bool ReportedByHelper(IMethodSymbol helper, int ordinal, Taint taint)
    {
        var classifier = _context.Classifier;
        ITypeSymbol? declaredType;
        if (ordinal < 0)
        {
            declaredType = helper.IsStatic ? null : helper.ContainingType;
        }
        else
        {
            if (ordinal >= helper.Parameters.Length)
            {
                return false;
            }

            var parameter = helper.Parameters[ordinal];
            if (classifier.ClassifyMember(parameter).IsPersonal)
            {
                return true;
            }

            declaredType = parameter.Type;
        }

        if (classifier.ClassifyType(declaredType) is not { IsPersonal: true, Origin: { } origin })
        {
            return false;
        }

        var covered = taint.Origin switch
        {
            ITypeSymbol type => type,
            IFieldSymbol or IPropertySymbol => taint.Origin.ContainingType,
            _ => null,
        };
        for (var current = origin; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, covered?.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sink a called helper's own data reaches: recorded at the call, for rules about everything a scope reaches.</summary>
    public void RecordEffect(SinkHit effect, IMethodSymbol helper, IOperation call) =>
        AddHit(effect.Kind, effect.Sink, call.Syntax.GetLocation(), effect.Data, Prepend(helper, effect.Via), effect.SinkOwner ?? helper, fromCallee: true, call, effect.ValueType);

    /// <summary>
    /// Whether a sink that is one only on some receivers (Console.Out, Exception.Data, a StreamWriter) or into some
    /// destinations (a serialiser writing to a file) is called on one.
    /// </summary>
    public static bool Matches(ResolvedSink sink, IInvocationOperation invocation)
    {
        if (sink.DestinationOrdinal < 0)
        {
            return ReceiverMatches(sink, invocation.Instance);
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == sink.DestinationOrdinal)
            {
                return IsOfReceiverType(sink, argument.Value);
            }
        }

        return false;
    }

    /// <summary>Whether a sink that is one only on some receivers (Console.Out, Exception.Data, a StreamWriter) is called on one.</summary>
    public static bool ReceiverMatches(ResolvedSink sink, IOperation? instance)
    {
        if (!IsOfReceiverType(sink, instance))
        {
            return false;
        }

        if (sink.Receiver is null)
        {
            return true;
        }

        if (OperationShapes.StripConversions(instance) is not IPropertyReferenceOperation property)
        {
            return false;
        }

        foreach (var option in sink.Receiver.Split('|'))
        {
            var dot = option.LastIndexOf('.');
            if (property.Property.Name == option.Substring(dot + 1) && MetadataNames.DerivesFrom(property.Property.ContainingType, option.Substring(0, dot)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOfReceiverType(ResolvedSink sink, IOperation? value)
    {
        if (sink.ReceiverType is not { } receiverTypes)
        {
            return true;
        }

        var type = OperationShapes.StripConversions(value)?.Type;
        foreach (var receiverType in receiverTypes.Split('|'))
        {
            if (MetadataNames.DerivesFrom(type, receiverType))
            {
                return true;
            }
        }

        return false;
    }

    private void Record(SinkTarget target, IOperation where, Taints value, RenderMode mode)
    {
        // What is stored whole is what its type says, wherever the value came from: a Member built from plain
        // strings and added to a DbSet stores a row of personal columns.
        if (target.Kind == SinkKind.Storage && mode == RenderMode.Serialized)
        {
            value = value.Union(_context.TypeTaints(OperationShapes.ValueTypeOf(where)).ReadAt(where));
        }

        var real = Taints.None;
        foreach (var taint in value.Items)
        {
            if (taint.IsMarker)
            {
                AddParameterSink(taint.MarkerOrdinal!.Value, target.Kind, target.Display, taint.RenderedAsText ? RenderMode.Text : mode, ImmutableArray<IMethodSymbol>.Empty, _context.Owner);
            }
            else if (_context.Leaks(taint, mode))
            {
                real = real.Add(taint);
            }
        }

        if (!real.IsEmpty)
        {
            AddHit(target.Kind, target.Display, where.Syntax.GetLocation(), real, ImmutableArray<IMethodSymbol>.Empty, null, fromCallee: false, target.Call, OperationShapes.ValueTypeOf(where), target.Group);
        }
    }

    // A sink reached through a property is named by it: "Console.Error.WriteLine", "MailMessage.CC.Add".
    private static string ReceiverDisplay(ResolvedSink sink, IOperation? instance, IOperation call)
    {
        if (sink.Receiver is null || OperationShapes.StripConversions(instance) is not IPropertyReferenceOperation property || call is not IInvocationOperation invocation)
        {
            return sink.Display;
        }

        var member = invocation.TargetMethod.AssociatedSymbol is IPropertySymbol { IsIndexer: true } ? "[]" : "." + invocation.TargetMethod.Name;
        return $"{property.Property.ContainingType.Name}.{property.Property.Name}{member}";
    }

    private static ISymbol? ReceiverGroup(ResolvedSink sink, IOperation? instance) =>
        sink.Receiver is not null && OperationShapes.StripConversions(instance) is IPropertyReferenceOperation property ? OperationShapes.TrackedSymbol(property.Instance) : null;

    private void AddHit(
        SinkKind kind,
        string sink,
        Location location,
        Taints data,
        ImmutableArray<IMethodSymbol> via,
        ISymbol? sinkOwner,
        bool fromCallee,
        IOperation? call = null,
        ITypeSymbol? valueType = null,
        ISymbol? group = null)
    {
        // One hit per sink call and argument: the same data reaching it by several routes (recursion, loops) is
        // one finding, named by its shortest route.
        var key = (location, kind, sink, fromCallee);
        var inLoop = _context.LoopDepth > 0;
        if (_hits.TryGetValue(key, out var existing))
        {
            existing.Add(data, inLoop);
            existing.PreferShorter(via, sinkOwner);
            return;
        }

        var builder = new SinkHitBuilder(kind, sink, location, via, sinkOwner, fromCallee, call, valueType, group);
        builder.Add(data, inLoop);
        _hits[key] = builder;
        _hitsInOrder.Add(builder);
    }

    private void AddParameterSink(int ordinal, SinkKind kind, string sink, RenderMode mode, ImmutableArray<IMethodSymbol> via, ISymbol sinkOwner)
    {
        var key = (ordinal, kind, sink, mode);
        if (!_parameterSinks.TryGetValue(key, out var existing) || via.Length < existing.Via.Length)
        {
            _parameterSinks[key] = new ParameterSink(ordinal, kind, sink, mode, via, sinkOwner);
        }
    }

    private static ImmutableArray<IMethodSymbol> Prepend(IMethodSymbol method, ImmutableArray<IMethodSymbol> rest) =>
        rest.IsDefaultOrEmpty ? ImmutableArray.Create(method) : rest.Insert(0, method);

    /// <summary>Where a sink call delivers its values: the kind, the name messages use, the call, the receiving object.</summary>
    private readonly record struct SinkTarget(SinkKind Kind, string Display, IOperation Call, ISymbol? Group);

    /// <summary>A hit being collected: the same sink call may be met again in later rounds of a loop.</summary>
    private sealed class SinkHitBuilder
    {
        private readonly SinkKind _kind;
        private readonly string _sink;
        private readonly Location _location;
        private readonly bool _fromCallee;
        private readonly IOperation? _call;
        private readonly ITypeSymbol? _valueType;
        private readonly ISymbol? _group;
        private ImmutableArray<IMethodSymbol> _via;
        private ISymbol? _sinkOwner;
        private Taints _data;
        private bool _inLoop;

        public SinkHitBuilder(SinkKind kind, string sink, Location location, ImmutableArray<IMethodSymbol> via, ISymbol? sinkOwner, bool fromCallee, IOperation? call, ITypeSymbol? valueType, ISymbol? group)
        {
            _kind = kind;
            _sink = sink;
            _location = location;
            _via = via.IsDefault ? ImmutableArray<IMethodSymbol>.Empty : via;
            _sinkOwner = sinkOwner;
            _fromCallee = fromCallee;
            _call = call;
            _valueType = valueType;
            _group = group;
        }

        public void Add(Taints data, bool inLoop)
        {
            _data = _data.Union(data);
            _inLoop |= inLoop;
        }

        public void PreferShorter(ImmutableArray<IMethodSymbol> via, ISymbol? sinkOwner)
        {
            if (!via.IsDefault && via.Length < _via.Length)
            {
                _via = via;
                _sinkOwner = sinkOwner;
            }
        }

        public SinkHit Build() => new(_kind, _sink, _location, _data, _via, _sinkOwner, _fromCallee, _inLoop, _call, _valueType, _group);
    }
}
