namespace SafePrivacy.Analyzers.Sinks;

/// <summary>Where a value ends up. Each kind has its own rules; the engine finds them all in one pass.</summary>
internal enum SinkKind
{
    /// <summary>A log: logging frameworks, console, debug and trace output.</summary>
    Log,

    /// <summary>The message or data of an exception being constructed.</summary>
    Exception,

    /// <summary>Tracing and metrics: activity tags, events and baggage, metric tags.</summary>
    Telemetry,

    /// <summary>A database, file, cache, session or cookie.</summary>
    Storage,

    /// <summary>Another party: an HTTP request body, an external transfer.</summary>
    Transfer,

    /// <summary>A URL: query strings end up in server, proxy and browser logs.</summary>
    Url,

    /// <summary>A content-moderation classifier.</summary>
    Classifier,

    /// <summary>The visible recipients (To, CC) of an email.</summary>
    EmailRecipient,
}

/// <summary>How a sink turns the value it is given into what it keeps.</summary>
internal enum RenderMode
{
    /// <summary>The value is printed with ToString: an object leaks only if its ToString prints personal data.</summary>
    Text,

    /// <summary>A message template or format string: the text itself; its holes are filled by template arguments.</summary>
    Template,

    /// <summary>
    /// A value for a template hole: printed with ToString, or destructured (every member captured) when its hole
    /// is written <c>{@Name}</c>.
    /// </summary>
    TemplateArgument,

    /// <summary>
    /// A value for a structured logger's template hole (Microsoft.Extensions.Logging, Serilog, NLog): printed as
    /// <see cref="Elements"/>, or destructured when its hole is written <c>{@Name}</c>.
    /// </summary>
    StructuredArgument,

    /// <summary>
    /// The value is printed with ToString, a collection element by element: what structured loggers do with a
    /// property value (a <c>List&lt;string&gt;</c> of emails is logged as the emails, not as its type's name).
    /// </summary>
    Elements,

    /// <summary>The value is serialised or stored whole: every member of an object is kept.</summary>
    Serialized,
}
