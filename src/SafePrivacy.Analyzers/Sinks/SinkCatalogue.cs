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

    // Before Entries: static fields are initialised in the order they are written.
    private static readonly ImmutableArray<(string, RenderMode)> SentryValues = P(
        ("message", Serialized), ("exception", Serialized), ("ex", Serialized), ("evt", Serialized), ("feedback", Serialized), ("contactEmail", Serialized),
        ("name", Serialized), ("data", Serialized), ("dataPair", Serialized), ("breadcrumb", Serialized), ("value", Serialized),
        ("values", Serialized), ("tags", Serialized), ("arg", Serialized));
    private static readonly ImmutableArray<(string, RenderMode)> TwilioValues = P(
        ("options", Serialized), ("to", Serialized), ("body", Serialized), ("author", Serialized), ("twiml", Serialized), ("customMessage", Serialized), ("contentVariables", Serialized));
    private static readonly ImmutableArray<(string, RenderMode)> RedisValues = P(
        ("key", Text), ("value", Serialized), ("values", Serialized), ("hashField", Text), ("hashFields", Serialized), ("field", Text), ("member", Serialized));
    private static readonly ImmutableArray<(string, RenderMode)> BlobContent = P(("content", Serialized), ("blobName", Text), ("metadata", Serialized), ("options", Serialized));
    private static readonly ImmutableArray<(string, RenderMode)> MongoDocuments = P(
        ("document", Serialized), ("documents", Serialized), ("replacement", Serialized), ("update", Serialized), ("requests", Serialized));

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

        // The visible recipients of an email: System.Net.Mail (still in the BCL, no longer recommended for new code).
        new SinkEntry(SinkKind.EmailRecipient, "System.Net.Mail.MailAddressCollection", "Add", P(("addresses", Text)), Receiver: Recipients),
        new SinkEntry(SinkKind.EmailRecipient, "System.Collections.ObjectModel.Collection`1", "Add|Insert", P(("item", Text)), SinkMatch.Derived, Receiver: Recipients),
        new SinkEntry(SinkKind.EmailRecipient, "System.Net.Mail.MailMessage", ".ctor", P(("to", Text))),

        // MimeKit/MailKit: a MimeMessage's To and Cc lists, and the recipients it is constructed with.
        // The address objects (MailboxAddress, EmailAddress) are what the message keeps, whatever they print.
        new SinkEntry(SinkKind.EmailRecipient, "MimeKit.InternetAddressList", "Add|AddRange|Insert", P(("address", Serialized), ("addresses", Serialized)), Receiver: MimeRecipients),
        new SinkEntry(SinkKind.EmailRecipient, "MimeKit.MimeMessage", ".ctor", P(("to", Serialized))),

        // SendGrid: To and Cc of one personalisation (everyone in it sees the others); MailHelper's one message to
        // many shares a personalisation only when told to show all recipients.
        new SinkEntry(SinkKind.EmailRecipient, "SendGrid.Helpers.Mail.SendGridMessage", "AddTo|AddTos|AddCc|AddCcs", P(("email", Serialized), ("emails", Serialized))),
        new SinkEntry(SinkKind.EmailRecipient, "SendGrid.Helpers.Mail.Personalization", "set_Tos|set_Ccs", P(("value", Serialized))),
        new SinkEntry(SinkKind.EmailRecipient, "SendGrid.Helpers.Mail.MailHelper", "CreateSingleEmailToMultipleRecipients", P(("tos", Serialized)), Condition: SinkCondition.ShowsAllRecipients),

        // Vendor SDKs serialise what they are given into their requests, so every value they take is sent whole.
        // Sentry: messages, exceptions, events, feedback, breadcrumbs, the user, tags and extras all go to Sentry.
        new SinkEntry(SinkKind.Transfer, "Sentry.SentrySdk", "CaptureMessage|CaptureException|CaptureEvent|CaptureFeedback|AddBreadcrumb|SetTag|ConfigureScope", SentryValues, Party: Sentry),
        new SinkEntry(SinkKind.Transfer, "Sentry.HubExtensions", "CaptureMessage|CaptureException|CaptureFeedback|AddBreadcrumb", SentryValues, DisplayType: "IHub", Party: Sentry),
        new SinkEntry(SinkKind.Transfer, "Sentry.SentryClientExtensions", "CaptureMessage|CaptureException|CaptureFeedback", SentryValues, DisplayType: "ISentryClient", Party: Sentry),
        new SinkEntry(SinkKind.Transfer, "Sentry.ISentryClient", "CaptureEvent|CaptureFeedback", SentryValues, SinkMatch.Implementation, Party: Sentry, AnyReceiver: true),
        new SinkEntry(SinkKind.Transfer, "Sentry.IHub", "CaptureEvent|CaptureFeedback", SentryValues, SinkMatch.Implementation, Party: Sentry, AnyReceiver: true),
        new SinkEntry(SinkKind.Transfer, "Sentry.Scope", "SetTag|SetExtra|AddBreadcrumb|set_User|set_TransactionName", SentryValues, Party: Sentry),
        new SinkEntry(SinkKind.Transfer, "Sentry.SentryEvent", "SetTag|SetExtra|set_User", SentryValues, Party: Sentry),
        new SinkEntry(SinkKind.Transfer, "Sentry.SentryUser", "set_Id|set_Username|set_Email|set_IpAddress|set_Other", SentryValues, Receiver: "Sentry.Scope.User|Sentry.SentryEvent.User", Party: Sentry),
        new SinkEntry(SinkKind.Transfer, "Sentry.HasTagsExtensions", "SetTags", SentryValues, DisplayType: "IHasTags", Party: Sentry),
        new SinkEntry(SinkKind.Transfer, "Sentry.HasExtraExtensions", "SetExtras", SentryValues, DisplayType: "IHasExtra", Party: Sentry),
        new SinkEntry(SinkKind.Transfer, "Sentry.EventLikeExtensions", "AddBreadcrumb", SentryValues, DisplayType: "Scope", Party: Sentry),

        // Application Insights: telemetry, and a transfer to Microsoft as its processor.
        new SinkEntry(SinkKind.Telemetry, "Microsoft.ApplicationInsights.TelemetryClient", "TrackEvent|TrackTrace|TrackException|TrackPageView|TrackMetric|TrackAvailability|TrackDependency|TrackRequest|Track", P(("eventName", Serialized), ("message", Serialized), ("exception", Serialized), ("properties", Serialized), ("telemetry", Serialized), ("request", Serialized), ("name", Serialized), ("data", Serialized)), Party: ApplicationInsights),
        new SinkEntry(SinkKind.Telemetry, "Microsoft.ApplicationInsights.Extensibility.Implementation.UserContext", "set_Id|set_AuthenticatedUserId|set_AccountId", P(("value", Serialized)), Receiver: "Microsoft.ApplicationInsights.DataContracts.TelemetryContext.User", Party: ApplicationInsights),

        // Twilio: the phone number and the text of an SMS, a call, a verification, a conversation message.
        new SinkEntry(SinkKind.Transfer, "Twilio.Rest.Api.V2010.Account.MessageResource", TwilioCreate, TwilioValues, Party: Twilio),
        new SinkEntry(SinkKind.Transfer, "Twilio.Rest.Api.V2010.Account.CallResource", TwilioCreate, TwilioValues, Party: Twilio),
        new SinkEntry(SinkKind.Transfer, "Twilio.Rest.Verify.V2.Service.VerificationResource", TwilioCreate, TwilioValues, Party: Twilio),
        new SinkEntry(SinkKind.Transfer, "Twilio.Rest.Conversations.V1.Conversation.MessageResource", TwilioCreate, TwilioValues, Party: Twilio),

        // Stripe: what a customer is created or updated with (names, emails, phone numbers, addresses).
        new SinkEntry(SinkKind.Transfer, "Stripe.CustomerService", "Create|CreateAsync|Update|UpdateAsync", P(("options", Serialized)), SinkMatch.Derived, Party: "Stripe"),

        // LLM and moderation APIs: everything in the prompt or the input goes to the model's provider, who analyses it.
        new SinkEntry(SinkKind.Transfer, "Microsoft.Extensions.AI.IChatClient", "GetResponseAsync|GetStreamingResponseAsync", P(("messages", Serialized)), SinkMatch.Implementation, Party: ChatModelProvider, AnalysesContent: true, AnyReceiver: true),
        new SinkEntry(SinkKind.Transfer, "Microsoft.Extensions.AI.ChatClientExtensions", "GetResponseAsync|GetStreamingResponseAsync", P(("chatMessage", Serialized)), DisplayType: "IChatClient", Party: ChatModelProvider, AnalysesContent: true),
        new SinkEntry(SinkKind.Transfer, "OpenAI.Chat.ChatClient", "CompleteChat|CompleteChatAsync|CompleteChatStreaming|CompleteChatStreamingAsync", P(("messages", Serialized), ("content", Serialized)), SinkMatch.Derived, Party: OpenAI, AnalysesContent: true),
        new SinkEntry(SinkKind.Transfer, "OpenAI.Responses.ResponsesClient", "CreateResponse|CreateResponseAsync|CreateResponseStreaming|CreateResponseStreamingAsync", P(("options", Serialized), ("inputItems", Serialized), ("userInputText", Serialized), ("content", Serialized)), SinkMatch.Derived, Party: OpenAI, AnalysesContent: true),
        new SinkEntry(SinkKind.Transfer, "OpenAI.Moderations.ModerationClient", "ClassifyText|ClassifyTextAsync|ClassifyInputs|ClassifyInputsAsync", P(("input", Serialized), ("inputs", Serialized), ("inputParts", Serialized), ("content", Serialized)), SinkMatch.Derived, Party: OpenAI, AnalysesContent: true),
        new SinkEntry(SinkKind.Transfer, "OpenAI.Embeddings.EmbeddingClient", "GenerateEmbedding|GenerateEmbeddingAsync|GenerateEmbeddings|GenerateEmbeddingsAsync", P(("input", Serialized), ("inputs", Serialized), ("content", Serialized)), SinkMatch.Derived, Party: OpenAI, AnalysesContent: true),

        // Stores beyond EF Core. Dapper: a command's parameters are what it writes, unless its text is a plain read.
        new SinkEntry(SinkKind.Storage, "Dapper.SqlMapper", DapperCommands, P(("param", Serialized), ("command", Serialized)), DisplayType: "IDbConnection", Condition: SinkCondition.WritesRows),

        // StackExchange.Redis: keys, values, hash fields, list and set members.
        new SinkEntry(SinkKind.Storage, "StackExchange.Redis.IDatabase", RedisWrites, RedisValues, SinkMatch.Implementation),
        new SinkEntry(SinkKind.Storage, "StackExchange.Redis.IDatabaseAsync", RedisWritesAsync, RedisValues, SinkMatch.Implementation, DisplayType: "IDatabase"),

        // HybridCache: entries always expire (its default options), so only the basis and retention rules apply.
        new SinkEntry(SinkKind.Storage, "Microsoft.Extensions.Caching.Hybrid.HybridCache", "GetOrCreateAsync|SetAsync", P(("key", Text), ("value", Serialized), ("state", Serialized), ("factory", Serialized)), SinkMatch.Derived),

        // Blob and object stores.
        new SinkEntry(SinkKind.Storage, "Azure.Storage.Blobs.BlobClient", "Upload|UploadAsync", BlobContent),
        new SinkEntry(SinkKind.Storage, "Azure.Storage.Blobs.Specialized.BlockBlobClient", "Upload|UploadAsync", BlobContent),
        new SinkEntry(SinkKind.Storage, "Azure.Storage.Blobs.BlobContainerClient", "UploadBlob|UploadBlobAsync", BlobContent),
        new SinkEntry(SinkKind.Storage, "Amazon.S3.IAmazonS3", "PutObject|PutObjectAsync", P(("request", Serialized)), SinkMatch.Implementation, AnyReceiver: true),
        new SinkEntry(SinkKind.Storage, "Amazon.S3.Transfer.ITransferUtility", "Upload|UploadAsync|UploadWithResponseAsync", P(("stream", Serialized), ("request", Serialized)), SinkMatch.Implementation, DisplayType: "TransferUtility", AnyReceiver: true),

        // Document stores and search indexes.
        new SinkEntry(SinkKind.Storage, "MongoDB.Driver.IMongoCollection`1", MongoWrites, MongoDocuments, SinkMatch.Implementation, DisplayType: "IMongoCollection"),
        new SinkEntry(SinkKind.Storage, "MongoDB.Driver.IMongoCollectionExtensions", MongoWrites, MongoDocuments, DisplayType: "IMongoCollection"),
        new SinkEntry(SinkKind.Storage, "Elastic.Clients.Elasticsearch.ElasticsearchClient", "Index|IndexAsync|Create|CreateAsync", P(("document", Serialized), ("request", Serialized)), SinkMatch.Derived),
        new SinkEntry(SinkKind.Storage, "Elastic.Clients.Elasticsearch.IndexManyExtensions", "IndexMany|IndexManyAsync", P(("objects", Serialized)), DisplayType: "ElasticsearchClient"));

    private const string EfWrites = "Add|AddAsync|AddRange|AddRangeAsync|Update|UpdateRange|Attach|AttachRange";
    private const string Recipients = "System.Net.Mail.MailMessage.To|System.Net.Mail.MailMessage.CC";
    private const string MimeRecipients = "MimeKit.MimeMessage.To|MimeKit.MimeMessage.Cc";

    private const string Sentry = "Sentry";
    private const string ApplicationInsights = "Application Insights";
    private const string Twilio = "Twilio";
    private const string ChatModelProvider = "the chat model's provider";
    private const string OpenAI = "OpenAI or Azure OpenAI";

    private const string TwilioCreate = "Create|CreateAsync|CreateWithHeaders|CreateWithHeadersAsync";
    private const string DapperCommands =
        "Execute|ExecuteAsync|ExecuteScalar|ExecuteScalarAsync|ExecuteReader|ExecuteReaderAsync|Query|QueryAsync|QueryFirst|QueryFirstAsync"
        + "|QueryFirstOrDefault|QueryFirstOrDefaultAsync|QuerySingle|QuerySingleAsync|QuerySingleOrDefault|QuerySingleOrDefaultAsync"
        + "|QueryMultiple|QueryMultipleAsync|QueryUnbufferedAsync";
    private const string RedisWrites = "StringSet|StringSetAndGet|StringAppend|HashSet|HashFieldSetAndSetExpiry|ListRightPush|ListLeftPush|SetAdd|SortedSetAdd";
    private const string RedisWritesAsync =
        "StringSetAsync|StringSetAndGetAsync|StringAppendAsync|HashSetAsync|HashFieldSetAndSetExpiryAsync|ListRightPushAsync|ListLeftPushAsync|SetAddAsync|SortedSetAddAsync";
    private const string MongoWrites =
        "InsertOne|InsertOneAsync|InsertMany|InsertManyAsync|ReplaceOne|ReplaceOneAsync|FindOneAndReplace|FindOneAndReplaceAsync"
        + "|UpdateOne|UpdateOneAsync|UpdateMany|UpdateManyAsync|FindOneAndUpdate|FindOneAndUpdateAsync|BulkWrite|BulkWriteAsync";


    private static ImmutableArray<(string, RenderMode)> CacheEntry() => P(("key", Text), ("value", Serialized));

    private static ImmutableArray<(string, RenderMode)> MetricTags() =>
        P(("tag", Serialized), ("tag1", Serialized), ("tag2", Serialized), ("tag3", Serialized), ("tags", Serialized), ("tagList", Serialized));

    private static ImmutableArray<(string, RenderMode)> P(params (string, RenderMode)[] parameters) => ImmutableArray.Create(parameters);
}
