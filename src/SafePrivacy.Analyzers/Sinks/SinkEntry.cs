using System.Collections.Immutable;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>How a catalogue entry's type relates to the method that is called.</summary>
internal enum SinkMatch
{
    /// <summary>The method is declared on the type itself.</summary>
    Declared,

    /// <summary>The method is declared on the type or a type derived from it (exception constructors).</summary>
    Derived,

    /// <summary>The method is declared on the interface or implements one of its members (Serilog's Logger).</summary>
    Implementation,
}

/// <summary>
/// One row of the sink catalogue: methods of a type, by metadata name, and which of their parameters receive
/// the value, by parameter name. Data, not code: matching is done once per method by <see cref="SinkResolver"/>.
/// </summary>
/// <param name="Kind">What kind of sink.</param>
/// <param name="TypeName">The metadata name of the declaring type.</param>
/// <param name="Methods">Method names separated by '|'; <c>.ctor</c> for constructors, <c>set_X</c> for setters.</param>
/// <param name="Parameters">Parameter names with how each is rendered; <c>*</c> for every parameter.</param>
/// <param name="Match">Whether derived types or implementations count.</param>
/// <param name="DisplayType">How the type is named in messages, when not its own name ("ILogger" for LoggerExtensions).</param>
/// <param name="Receiver">The instance must be one of these properties, "Type.Property|…" (Console.Out, Exception.Data).</param>
/// <param name="ReceiverType">
/// The instance's static type must be (or derive from) one of these types, "Type|…" (a StreamWriter, not any
/// TextWriter); with <paramref name="Destination"/>, the type of that argument instead.
/// </param>
/// <param name="Destination">
/// Parameter names, "a|b": the argument where the value goes (a serialiser's stream), which must be of
/// <paramref name="ReceiverType"/>; an overload with none of them is no sink.
/// </param>
/// <param name="Party">The other organisation the data is sent to (a vendor's SDK: "Sentry"), named in messages and the inventory.</param>
/// <param name="AnalysesContent">The party analyses what it is given (an LLM, a moderation API): a classifier inside a moderation pipeline.</param>
/// <param name="Condition">When a call is a sink only with some arguments (SendGrid's showAllRecipients, a Dapper command that writes).</param>
/// <param name="AnyReceiver">
/// The method may be called on receivers of types no name can list: library classes implementing the interface
/// (AmazonS3Client), so the candidate index counts a call of that name on any receiver.
/// </param>
internal sealed record SinkEntry(
    SinkKind Kind,
    string TypeName,
    string Methods,
    ImmutableArray<(string Name, RenderMode Mode)> Parameters,
    SinkMatch Match = SinkMatch.Declared,
    string? DisplayType = null,
    string? Receiver = null,
    string? ReceiverType = null,
    string? Destination = null,
    string? Party = null,
    bool AnalysesContent = false,
    SinkCondition Condition = SinkCondition.Always,
    bool AnyReceiver = false)
{
    public ImmutableHashSet<string> MethodNames { get; } = ImmutableHashSet.Create(Methods.Split('|'));

    public RenderMode? ModeOf(string parameterName)
    {
        foreach (var (name, mode) in Parameters)
        {
            if (name == parameterName || name == "*")
            {
                return mode;
            }
        }

        return null;
    }
}
