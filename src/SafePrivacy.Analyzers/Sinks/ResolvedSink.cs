using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>A method known to be a sink: what kind, how messages name it, and how each parameter renders its value.</summary>
internal sealed class ResolvedSink
{
    public ResolvedSink(
        SinkKind kind,
        string display,
        ImmutableArray<RenderMode?> modes,
        string? receiver = null,
        string? template = null,
        string? receiverType = null,
        int destinationOrdinal = -1,
        SinkCondition condition = SinkCondition.Always)
    {
        DestinationOrdinal = destinationOrdinal;
        Condition = condition;
        Kind = kind;
        Display = display;
        Modes = modes;
        Receiver = receiver;
        ReceiverType = receiverType;
        FixedTemplate = template;
        TemplateOrdinal = modes.IndexOf(RenderMode.Template);
    }

    public SinkKind Kind { get; }

    /// <summary>How messages name the sink: "ILogger.LogInformation", "new InvalidOperationException".</summary>
    public string Display { get; }

    /// <summary>The render mode of each parameter, by ordinal; null where the parameter is not a sink.</summary>
    public ImmutableArray<RenderMode?> Modes { get; }

    /// <summary>The ordinal of the message template or format parameter, or -1.</summary>
    public int TemplateOrdinal { get; }

    /// <summary>A template fixed by the declaration (<c>[LoggerMessage(Message = ...)]</c>) rather than passed.</summary>
    public string? FixedTemplate { get; }

    /// <summary>When set, the call is a sink only on this receiver ("System.Console.Out|System.Console.Error").</summary>
    public string? Receiver { get; }

    /// <summary>
    /// When set, the call is a sink only on an instance of one of these types ("A|B") or types derived from them —
    /// or, with a <see cref="DestinationOrdinal"/>, only where that argument is.
    /// </summary>
    public string? ReceiverType { get; }

    /// <summary>The parameter whose argument <see cref="ReceiverType"/> applies to (a serialiser's stream), or -1 for the instance.</summary>
    public int DestinationOrdinal { get; }

    /// <summary>When the call is a sink only with some arguments.</summary>
    public SinkCondition Condition { get; }

    /// <summary>Whether this call, with its arguments, is the sink (always, unless a condition says otherwise).</summary>
    public bool AppliesTo(IOperation call) => Condition == SinkCondition.Always || SinkConditions.Hold(Condition, call);

    public RenderMode? ModeOf(IParameterSymbol? parameter) =>
        parameter is not null && parameter.Ordinal < Modes.Length ? Modes[parameter.Ordinal] : null;
}
