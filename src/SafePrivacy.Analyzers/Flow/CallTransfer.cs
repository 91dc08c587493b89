using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// What a call does to the personal data it is given: what its result carries, what it leaves in its receiver and
/// out arguments, and — through a helper's summary — which of its parameters reach sinks inside it.
/// </summary>
internal sealed class CallTransfer
{
    private readonly WalkContext _context;
    private readonly SinkRecorder _recorder;

    public CallTransfer(WalkContext context, SinkRecorder recorder)
    {
        _context = context;
        _recorder = recorder;
    }

    /// <summary>What calling <paramref name="method"/> returns, its effects on <paramref name="state"/> applied.</summary>
    public Taints Result(IMethodSymbol method, IOperation call, IOperation? instance, Taints receiver, CallArguments arguments, SinkKind? directSink, FlowState state)
    {
        var argumentUnion = arguments.Union();
        switch (_context.Model.Summaries.TransformOf(method))
        {
            case DataTransform.Redacts:
                return Taints.None;
            case DataTransform.Pseudonymises:
                return receiver.Union(argumentUnion).WithoutMarkers()
                    .Select(t => t.WithClass(DataClass.PseudonymousIdentifier).AsText(_context.StringType));
        }

        var type = call.Type;
        // What a new object holds is decided by the creation (its arguments and initializer), not by its type.
        var result = method.MethodKind == MethodKind.Constructor ? Taints.None : _context.TypeTaints(type);
        var returned = _context.Classifier.ClassifyReturn(method);
        if (!returned.IsEmpty)
        {
            result = result.Add(Taint.Data(method, returned, type));
        }

        if (_context.CalleeSummary(method, givenData: !receiver.IsEmpty || !argumentUnion.IsEmpty) is { } summary)
        {
            return result.Union(ApplySummary(summary, method, call, instance, receiver, arguments, directSink, state)).ReadAt(call);
        }

        result = result.ReadAt(call);

        if (KnownCalls.IsParameterlessToString(method))
        {
            return result.Union(_context.AsText(receiver));
        }

        if (KnownCalls.IsSerializer(method))
        {
            return result.Union(receiver.Union(argumentUnion).Select(t => t.AsText(_context.StringType)));
        }

        var combined = receiver.Union(argumentUnion);
        if (!KnownCalls.IsBoolean(type) && !KnownCalls.IsCountOrIndex(method) && !IsJudgement(method, type))
        {
            var produced = method.MethodKind == MethodKind.Constructor ? method.ContainingType : type;
            var inputs = _context.Model.LibraryFlow.ResultOf(method);
            var carried = Carried(inputs, receiver, arguments);
            result = result.Union(
                type?.SpecialType == SpecialType.System_String ? _context.AsText(KnownCalls.IsElementJoin(method) ? carried.AsJoinedElements() : carried)
                : inputs.IsHeld ? carried.Select(t => t.HeldBy(produced))
                : carried.Retyped(produced));
        }

        // Builders and collections accumulate what is added to them, through a fluent chain too (sb.Append(a).Append(b)).
        if (instance is not null && KnownCalls.IsAccumulating(method) && KnownCalls.AccumulatorOf(instance) is { } accumulator)
        {
            state.Add(accumulator, KnownCalls.IsStringBuilder(instance.Type) ? _context.AsText(argumentUnion) : argumentUnion);
        }

        foreach (var argument in arguments.Operations)
        {
            if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } parameter
                && OperationShapes.TrackedSymbol(argument.Value) is { } target
                && !KnownCalls.ReturnsNumberOrFlag(parameter.Type))
            {
                state.Add(target, Carried(LibraryFlow.OutArgumentOf(method, parameter), receiver, arguments).Retyped(argument.Value.Type));
            }
        }

        return result;
    }

    // The inputs of a library call its result (or an out argument) is made of.
    private static Taints Carried(LibraryFlow.Inputs inputs, Taints receiver, CallArguments arguments)
    {
        if (inputs.IsEmpty)
        {
            return Taints.None;
        }

        var carried = inputs.Receiver ? receiver : Taints.None;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (inputs.Includes(arguments.Operations[i].Parameter))
            {
                carried = carried.Union(arguments[i]);
            }
        }

        return carried;
    }

    /// <summary>What reading a property with a getter in source gives beyond the member itself: what the getter returns.</summary>
    public Taints GetterResult(IMethodSymbol getter, Taints receiver)
    {
        if (_context.CalleeSummary(getter, givenData: !receiver.IsEmpty) is not { } summary)
        {
            return Taints.None;
        }

        var result = summary.ReturnTaints;
        foreach (var (ordinal, asText) in summary.ReturnFromParameters)
        {
            if (ordinal == -1)
            {
                result = result.Union(asText ? _context.AsText(receiver) : receiver);
            }
        }

        return result;
    }

    /// <summary>A value assigned to a property whose setter has a body: the setter is a sink where its value parameter reaches one.</summary>
    public void AssignThroughSetter(IMethodSymbol setter, Taints value, IOperation valueOperation, IOperation assignment)
    {
        if (_context.CalleeSummary(setter, givenData: !value.IsEmpty) is not { } summary)
        {
            return;
        }

        var valueOrdinal = setter.Parameters.Length - 1;
        foreach (var parameterSink in summary.ParameterSinks)
        {
            if (parameterSink.Ordinal == valueOrdinal)
            {
                _recorder.RecordThroughHelper(parameterSink, value, valueOperation, setter.OriginalDefinition, assignment);
            }
        }
    }

    private Taints ApplySummary(MethodSummary summary, IMethodSymbol method, IOperation call, IOperation? instance, Taints receiver, CallArguments arguments, SinkKind? directSink, FlowState state)
    {
        var definition = method.OriginalDefinition;
        Taints ValueOf(int ordinal) => ordinal == -1 ? receiver : arguments.ForParameter(ordinal);
        IOperation WhereOf(int ordinal) => ordinal == -1 ? instance ?? call : arguments.OperationForParameter(ordinal) ?? call;

        var result = summary.ReturnTaints;
        foreach (var (ordinal, asText) in summary.ReturnFromParameters)
        {
            var value = ValueOf(ordinal);
            result = result.Union(asText ? _context.AsText(value) : value);
        }

        // A call that is itself a sink of a kind (a custom exception's constructor) is reported as that sink, not
        // again for the same kind through its body.
        foreach (var parameterSink in summary.ParameterSinks)
        {
            if (parameterSink.Kind != directSink)
            {
                _recorder.RecordThroughHelper(parameterSink, ValueOf(parameterSink.Ordinal), WhereOf(parameterSink.Ordinal), definition, call);
            }
        }

        foreach (var effect in summary.Effects)
        {
            _recorder.RecordEffect(effect, definition, call);
        }

        // What the helper leaves in the caller's variables: `TryGetMail(user, out var mail)` makes `mail` the email.
        foreach (var (ordinal, value) in summary.OutValues)
        {
            if (OperationShapes.TrackedSymbol(arguments.OperationForParameter(ordinal)) is { } target)
            {
                var resolved = value.WithoutMarkers();
                foreach (var marker in value.Items)
                {
                    if (marker.MarkerOrdinal is { } from)
                    {
                        resolved = resolved.Union(marker.RenderedAsText ? _context.AsText(ValueOf(from)) : ValueOf(from));
                    }
                }

                state.Add(target, resolved.Retyped(arguments.OperationForParameter(ordinal)?.Type));
            }
        }

        return result;
    }

    // What a call computes about its inputs rather than from them: a number (a score, a count, a hash code), or
    // anything a classifier returns — its judgement is new data, carrying only what its return annotation declares.
    private bool IsJudgement(IMethodSymbol method, ITypeSymbol? type)
    {
        if (KnownCalls.ReturnsNumberOrFlag(type))
        {
            return true;
        }

        foreach (var sink in _context.ResolveSinks(method))
        {
            if (sink.Kind == SinkKind.Classifier)
            {
                return true;
            }
        }

        return false;
    }
}
