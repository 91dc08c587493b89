using System.Collections.Immutable;
using static SafePrivacy.Analyzers.Sinks.RenderMode;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>
/// Every sink SafePrivacy knows out of the box, by metadata name, so no package reference is needed to recognise
/// them. Projects add their own with <c>[LogSink]</c>, <c>[StorageSink]</c>, <c>[ExternalTransfer]</c> or the
/// <c>safe_privacy.*_sinks</c> options.
/// </summary>
internal static class SinkCatalogue
{
    private const string LogLevels = "Log|LogTrace|LogDebug|LogInformation|LogWarning|LogError|LogCritical";
    private const string SerilogLevels = "Write|Verbose|Debug|Information|Warning|Error|Fatal";
    private const string NLogLevels = "Log|Trace|Debug|Info|Warn|Error|Fatal|ConditionalDebug|ConditionalTrace";
    private const string Log4NetLevels = "Debug|Info|Warn|Error|Fatal|DebugFormat|InfoFormat|WarnFormat|ErrorFormat|FatalFormat";

    private static readonly ImmutableArray<(string, RenderMode)> MelMessage = P(("message", Template), ("args", StructuredArgument));
    private static readonly ImmutableArray<(string, RenderMode)> SerilogMessage = P(
        ("messageTemplate", Template), ("propertyValue", StructuredArgument), ("propertyValue0", StructuredArgument),
        ("propertyValue1", StructuredArgument), ("propertyValue2", StructuredArgument), ("propertyValues", StructuredArgument));
    private static readonly ImmutableArray<(string, RenderMode)> NLogMessage = P(
        ("message", Template), ("value", Elements), ("args", StructuredArgument), ("argument", StructuredArgument),
        ("argument1", StructuredArgument), ("argument2", StructuredArgument), ("argument3", StructuredArgument),
        ("arg1", StructuredArgument), ("arg2", StructuredArgument), ("arg3", StructuredArgument));
    private static readonly ImmutableArray<(string, RenderMode)> CompositeFormat = P(
        ("value", Text), ("message", Text), ("format", Template), ("buffer", Text), ("arg", TemplateArgument),
        ("arg0", TemplateArgument), ("arg1", TemplateArgument), ("arg2", TemplateArgument), ("arg3", TemplateArgument),
        ("args", TemplateArgument), ("detailMessage", Text), ("detailMessageFormat", Template), ("data", Text));
    private static readonly ImmutableArray<(string, RenderMode)> TagValue = P(("value", Text));

    public static readonly ImmutableArray<SinkEntry> Entries = ImmutableArray.Create(
        // Microsoft.Extensions.Logging
        new SinkEntry(SinkKind.Log, "Microsoft.Extensions.Logging.LoggerExtensions", LogLevels, MelMessage, DisplayType: "ILogger"),
        new SinkEntry(SinkKind.Log, "Microsoft.Extensions.Logging.LoggerExtensions", "BeginScope", P(("messageFormat", Template), ("args", StructuredArgument)), DisplayType: "ILogger"),
        new SinkEntry(SinkKind.Log, "Microsoft.Extensions.Logging.ILogger", "Log", P(("state", Serialized)), SinkMatch.Implementation),
        new SinkEntry(SinkKind.Log, "Microsoft.Extensions.Logging.ILogger", "BeginScope", P(("state", Serialized)), SinkMatch.Implementation),

        // Serilog: the logger interface and the static Log facade; enrichment that attaches a value to every event.
        new SinkEntry(SinkKind.Log, "Serilog.ILogger", SerilogLevels, SerilogMessage, SinkMatch.Implementation),
        new SinkEntry(SinkKind.Log, "Serilog.Log", SerilogLevels, SerilogMessage),
        new SinkEntry(SinkKind.Log, "Serilog.ILogger", "ForContext", P(("value", Elements)), SinkMatch.Implementation),
        new SinkEntry(SinkKind.Log, "Serilog.Log", "ForContext", P(("value", Elements))),
        new SinkEntry(SinkKind.Log, "Serilog.Context.LogContext", "PushProperty", P(("value", Elements))),

        // NLog
        new SinkEntry(SinkKind.Log, "NLog.ILoggerBase", NLogLevels, NLogMessage, SinkMatch.Implementation, DisplayType: "Logger"),
        new SinkEntry(SinkKind.Log, "NLog.ILogger", NLogLevels, NLogMessage, SinkMatch.Implementation, DisplayType: "Logger"),
        new SinkEntry(SinkKind.Log, "NLog.Logger", NLogLevels, NLogMessage),
        new SinkEntry(SinkKind.Log, "NLog.Logger", "WithProperty", P(("propertyValue", Elements))),
        new SinkEntry(SinkKind.Log, "NLog.ScopeContext", "PushProperty|PushProperties|PushNestedState|PushNestedStateProperties", P(("value", Elements), ("nestedState", Elements), ("properties", Elements))),

        // log4net
        new SinkEntry(SinkKind.Log, "log4net.ILog", Log4NetLevels, P(("message", Text), ("format", Template), ("args", TemplateArgument), ("arg0", TemplateArgument), ("arg1", TemplateArgument), ("arg2", TemplateArgument)), SinkMatch.Implementation),

        // Console, debug and trace output
        new SinkEntry(SinkKind.Log, "System.Console", "Write|WriteLine", CompositeFormat),
        new SinkEntry(SinkKind.Log, "System.IO.TextWriter", "Write|WriteLine|WriteAsync|WriteLineAsync", CompositeFormat, SinkMatch.Derived, DisplayType: "Console.Out", Receiver: "System.Console.Out|System.Console.Error"),
        new SinkEntry(SinkKind.Log, "System.Diagnostics.Debug", "Write|WriteLine|WriteIf|WriteLineIf|Print|Assert|Fail", CompositeFormat),
        new SinkEntry(SinkKind.Log, "System.Diagnostics.Trace", "Write|WriteLine|WriteIf|WriteLineIf|TraceInformation|TraceWarning|TraceError|Fail|Assert", CompositeFormat),
        new SinkEntry(SinkKind.Log, "System.Diagnostics.TraceSource", "TraceEvent|TraceInformation|TraceData|TraceTransfer", CompositeFormat),

        // Exceptions: every exception's message, and the Data dictionary that travels with it.
        new SinkEntry(SinkKind.Exception, "System.Exception", ".ctor", P(("message", Text)), SinkMatch.Derived),
        new SinkEntry(SinkKind.Exception, "System.Collections.IDictionary", "Add|set_Item", P(("value", Text)), SinkMatch.Implementation, DisplayType: "Exception.Data", Receiver: "System.Exception.Data"),

        // Telemetry: System.Diagnostics tracing and metrics, and the OpenTelemetry API.
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Activity", "SetTag|AddTag|SetBaggage|AddBaggage", TagValue),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Activity", "SetStatus", P(("description", Text))),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Activity", "set_DisplayName", TagValue),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Activity", "AddEvent", P(("e", Serialized))),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Activity", "AddException", P(("tags", Serialized))),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.ActivitySource", "StartActivity|CreateActivity", P(("name", Text), ("tags", Serialized))),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Metrics.Counter`1", "Add", MetricTags()),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Metrics.UpDownCounter`1", "Add", MetricTags()),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Metrics.Histogram`1", "Record", MetricTags()),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Metrics.Gauge`1", "Record", MetricTags()),
        new SinkEntry(SinkKind.Telemetry, "System.Diagnostics.Metrics.Measurement`1", ".ctor", P(("tags", Serialized))),
        new SinkEntry(SinkKind.Telemetry, "OpenTelemetry.Trace.TelemetrySpan", "SetAttribute|AddEvent|UpdateName|SetStatus", P(("value", Text), ("values", Serialized), ("name", Text), ("attributes", Serialized))),
        new SinkEntry(SinkKind.Telemetry, "OpenTelemetry.Baggage", "SetBaggage", P(("value", Text), ("baggageItems", Serialized))),

        // Storage: EF Core (the entity's type decides what is stored), files, caches, session, cookies.
        new SinkEntry(SinkKind.Storage, "Microsoft.EntityFrameworkCore.DbSet`1", EfWrites, P(("entity", Serialized), ("entities", Serialized)), SinkMatch.Derived),
        new SinkEntry(SinkKind.Storage, "Microsoft.EntityFrameworkCore.DbContext", EfWrites, P(("entity", Serialized), ("entities", Serialized)), SinkMatch.Derived),
        // EF Core writes without Add: ExecuteUpdate's setters (the property set decides what is written), and values
        // copied onto a tracked entry. Tracked entities changed before SaveChanges, and entry states, are Flow/EntityTracking's.
        new SinkEntry(SinkKind.Storage, "Microsoft.EntityFrameworkCore.Query.SetPropertyCalls`1", "SetProperty", P(("propertyExpression", Serialized), ("valueExpression", Serialized)), DisplayType: "ExecuteUpdate"),
        new SinkEntry(SinkKind.Storage, "Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder`1", "SetProperty", P(("propertyExpression", Serialized), ("valueExpression", Serialized)), DisplayType: "ExecuteUpdate"),
        new SinkEntry(SinkKind.Storage, "Microsoft.EntityFrameworkCore.ChangeTracking.PropertyValues", "SetValues", P(("obj", Serialized), ("propertyValues", Serialized), ("values", Serialized)), SinkMatch.Derived, DisplayType: "CurrentValues"),

        // Serialisers writing into a file (a FileStream from File.Create/OpenWrite, a StreamWriter): every member is stored.
        new SinkEntry(SinkKind.Storage, "System.Text.Json.JsonSerializer", "Serialize|SerializeAsync", P(("value", Serialized)), ReceiverType: "System.IO.FileStream", Destination: "utf8Json"),
        new SinkEntry(SinkKind.Storage, "System.Xml.Serialization.XmlSerializer", "Serialize", P(("o", Serialized)), ReceiverType: "System.IO.FileStream|System.IO.StreamWriter", Destination: "stream|textWriter"),
        new SinkEntry(SinkKind.Storage, "Newtonsoft.Json.JsonSerializer", "Serialize", P(("value", Serialized)), SinkMatch.Derived, ReceiverType: "System.IO.StreamWriter", Destination: "textWriter"),

        new SinkEntry(SinkKind.Storage, "System.IO.File", "WriteAllText|WriteAllTextAsync|WriteAllLines|WriteAllLinesAsync|WriteAllBytes|WriteAllBytesAsync|AppendAllText|AppendAllTextAsync|AppendAllLines|AppendAllLinesAsync|AppendAllBytes|AppendAllBytesAsync", P(("contents", Serialized), ("bytes", Serialized))),
        new SinkEntry(SinkKind.Storage, "System.IO.TextWriter", "Write|WriteLine|WriteAsync|WriteLineAsync", CompositeFormat, SinkMatch.Derived, DisplayType: "StreamWriter", ReceiverType: "System.IO.StreamWriter"),
        new SinkEntry(SinkKind.Storage, "System.IO.Stream", "Write|WriteAsync", P(("buffer", Serialized)), SinkMatch.Derived, DisplayType: "FileStream", ReceiverType: "System.IO.FileStream"),
        new SinkEntry(SinkKind.Storage, "Microsoft.Extensions.Caching.Distributed.IDistributedCache", "Set|SetAsync", CacheEntry(), SinkMatch.Implementation),
        new SinkEntry(SinkKind.Storage, "Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions", "Set|SetAsync|SetString|SetStringAsync", CacheEntry(), DisplayType: "IDistributedCache"),
        new SinkEntry(SinkKind.Storage, "Microsoft.Extensions.Caching.Memory.CacheExtensions", "Set|GetOrCreate|GetOrCreateAsync", P(("key", Text), ("value", Serialized), ("factory", Serialized)), DisplayType: "IMemoryCache"),
        new SinkEntry(SinkKind.Storage, "Microsoft.Extensions.Caching.Memory.ICacheEntry", "set_Value", P(("value", Serialized)), SinkMatch.Implementation),
        new SinkEntry(SinkKind.Storage, "Microsoft.Extensions.Caching.Memory.IMemoryCache", "CreateEntry", P(("key", Text)), SinkMatch.Implementation),
        new SinkEntry(SinkKind.Storage, "Microsoft.AspNetCore.Http.ISession", "Set", P(("value", Serialized)), SinkMatch.Implementation),
        new SinkEntry(SinkKind.Storage, "Microsoft.AspNetCore.Http.SessionExtensions", "SetString|SetInt32", P(("value", Text)), DisplayType: "ISession"),
        new SinkEntry(SinkKind.Storage, "Microsoft.AspNetCore.Http.IResponseCookies", "Append", P(("value", Text), ("keyValuePairs", Serialized)), SinkMatch.Implementation, DisplayType: "Response.Cookies"),

        // Another party: HTTP request bodies.
        new SinkEntry(SinkKind.Transfer, "System.Net.Http.HttpClient", "PostAsync|PutAsync|PatchAsync|SendAsync|Send", P(("content", Serialized), ("request", Serialized)), SinkMatch.Derived),
        new SinkEntry(SinkKind.Transfer, "System.Net.Http.Json.HttpClientJsonExtensions", "PostAsJsonAsync|PutAsJsonAsync|PatchAsJsonAsync", P(("value", Serialized)), DisplayType: "HttpClient"),

        // URLs: request URIs of every verb, query strings being built.
        new SinkEntry(SinkKind.Url, "System.Net.Http.HttpClient", "GetAsync|GetStringAsync|GetStreamAsync|GetByteArrayAsync|DeleteAsync|PostAsync|PutAsync|PatchAsync", P(("requestUri", Text)), SinkMatch.Derived),
        new SinkEntry(SinkKind.Url, "System.Net.Http.Json.HttpClientJsonExtensions", "GetFromJsonAsync|GetFromJsonAsAsyncEnumerable|DeleteFromJsonAsync|PostAsJsonAsync|PutAsJsonAsync|PatchAsJsonAsync", P(("requestUri", Text)), DisplayType: "HttpClient"),
        new SinkEntry(SinkKind.Url, "System.Net.Http.HttpRequestMessage", ".ctor", P(("requestUri", Text))),
        new SinkEntry(SinkKind.Url, "System.Net.Http.HttpRequestMessage", "set_RequestUri", P(("value", Text))),
        new SinkEntry(SinkKind.Url, "System.UriBuilder", "set_Query|set_Path|set_Fragment", P(("value", Text))),
        new SinkEntry(SinkKind.Url, "Microsoft.AspNetCore.WebUtilities.QueryHelpers", "AddQueryString", P(("value", Text), ("queryString", Serialized))),

        // The visible recipients of an email.
        new SinkEntry(SinkKind.EmailRecipient, "System.Net.Mail.MailAddressCollection", "Add", P(("addresses", Text)), Receiver: Recipients),
        new SinkEntry(SinkKind.EmailRecipient, "System.Collections.ObjectModel.Collection`1", "Add|Insert", P(("item", Text)), SinkMatch.Derived, Receiver: Recipients),
        new SinkEntry(SinkKind.EmailRecipient, "System.Net.Mail.MailMessage", ".ctor", P(("to", Text))));

    private const string EfWrites = "Add|AddAsync|AddRange|AddRangeAsync|Update|UpdateRange|Attach|AttachRange";
    private const string Recipients = "System.Net.Mail.MailMessage.To|System.Net.Mail.MailMessage.CC";

    private static ImmutableArray<(string, RenderMode)> CacheEntry() => P(("key", Text), ("value", Serialized));

    private static ImmutableArray<(string, RenderMode)> MetricTags() =>
        P(("tag", Serialized), ("tag1", Serialized), ("tag2", Serialized), ("tag3", Serialized), ("tags", Serialized), ("tagList", Serialized));

    private static ImmutableArray<(string, RenderMode)> P(params (string, RenderMode)[] parameters) => ImmutableArray.Create(parameters);
}
