using System.Collections.Immutable;

namespace SafePrivacy.Analyzers.Switches;

/// <summary>
/// The framework switches SP2006 knows, by metadata name: each makes a framework log, or send to a vendor, the
/// personal data of every request or every command at once. The analyzer never references these packages.
/// </summary>
internal static class PrivacySwitchCatalogue
{
    private const string SetInDevelopment = "set it only under an IsDevelopment() check, or remove it";

    private const string HttpLoggingFields = "Microsoft.AspNetCore.HttpLogging.HttpLoggingFields";

    private const string HttpLoggingExposes = "ASP.NET Core's HTTP logging write {0} to the log";

    private const string HttpLoggingFix = "leave RequestBody and ResponseBody out of the logging fields, or add them only under an IsDevelopment() check";

    private const string EndpointFix = "leave RequestBody and ResponseBody out of the endpoint's logging fields";

    private static readonly ImmutableArray<(string, string)> Bodies = ImmutableArray.Create(
        ("RequestBody", "every request body"),
        ("ResponseBody", "every response body"));

    public static readonly ImmutableArray<PrivacySwitch> Entries = ImmutableArray.Create(
        // EF Core: parameter values of every command and property values in its messages (both builders have the method).
        EnableSensitiveDataLogging("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder"),
        EnableSensitiveDataLogging("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1"),

        // Microsoft.IdentityModel (JWT bearer, OpenID Connect): static switches for the whole process.
        new PrivacySwitch(
            "Microsoft.IdentityModel.Logging.IdentityModelEventSource",
            "ShowPII",
            null,
            SwitchValue.Boolean,
            "IdentityModelEventSource.ShowPII",
            "Microsoft.IdentityModel put the personal data of tokens and requests (claims, names, addresses) into its log and exception messages",
            SetInDevelopment),
        new PrivacySwitch(
            "Microsoft.IdentityModel.Logging.IdentityModelEventSource",
            "LogCompleteSecurityArtifact",
            null,
            SwitchValue.Boolean,
            "IdentityModelEventSource.LogCompleteSecurityArtifact",
            "Microsoft.IdentityModel log whole security tokens, signatures included, which anyone who reads the log can replay as credentials",
            SetInDevelopment),

        // Sentry: personal data attached to every event sent to the vendor.
        new PrivacySwitch(
            "Sentry.SentryOptions",
            "SendDefaultPii",
            null,
            SwitchValue.Boolean,
            "SentryOptions.SendDefaultPii",
            "Sentry send the user's IP address, identity, cookies and request headers with every event",
            SetInDevelopment),
        new PrivacySwitch(
            "Sentry.AspNetCore.SentryAspNetCoreOptions",
            "MaxRequestBodySize",
            null,
            SwitchValue.Enum,
            "SentryAspNetCoreOptions.MaxRequestBodySize",
            "Sentry send request bodies with its events",
            "leave it at RequestSize.None, or set it only under an IsDevelopment() check",
            "Sentry.Extensibility.RequestSize",
            ImmutableArray.Create(("None", string.Empty))),

        // ASP.NET Core HTTP logging: bodies, in the options, per request (an interceptor) or per endpoint.
        new PrivacySwitch("Microsoft.AspNetCore.HttpLogging.HttpLoggingOptions", "LoggingFields", null, SwitchValue.Flags, "HttpLoggingOptions.LoggingFields", HttpLoggingExposes, HttpLoggingFix, HttpLoggingFields, Bodies),
        new PrivacySwitch("Microsoft.AspNetCore.HttpLogging.HttpLoggingInterceptorContext", "LoggingFields", null, SwitchValue.Flags, "HttpLoggingInterceptorContext.LoggingFields", HttpLoggingExposes, HttpLoggingFix, HttpLoggingFields, Bodies),
        new PrivacySwitch("Microsoft.AspNetCore.HttpLogging.HttpLoggingInterceptorContext", "Enable", "fields", SwitchValue.Flags, "HttpLoggingInterceptorContext.Enable", HttpLoggingExposes, HttpLoggingFix, HttpLoggingFields, Bodies),
        new PrivacySwitch("Microsoft.AspNetCore.Builder.HttpLoggingEndpointConventionBuilderExtensions", "WithHttpLogging", "loggingFields", SwitchValue.Flags, "WithHttpLogging", HttpLoggingExposes, EndpointFix, HttpLoggingFields, Bodies),
        new PrivacySwitch("Microsoft.AspNetCore.HttpLogging.HttpLoggingAttribute", ".ctor", "loggingFields", SwitchValue.Flags, "[HttpLogging]", HttpLoggingExposes, EndpointFix, HttpLoggingFields, Bodies),

        // W3C logging: the fields beyond its defaults that carry credentials and identities into its files.
        new PrivacySwitch(
            "Microsoft.AspNetCore.HttpLogging.W3CLoggerOptions",
            "LoggingFields",
            null,
            SwitchValue.Flags,
            "W3CLoggerOptions.LoggingFields",
            "ASP.NET Core's W3C logging write {0} to its log files",
            "leave Cookie and UserName out of the logging fields, or add them only under an IsDevelopment() check",
            "Microsoft.AspNetCore.HttpLogging.W3CLoggingFields",
            ImmutableArray.Create(("Cookie", "every request's cookies (session and authentication cookies too)"), ("UserName", "the signed-in user's name on every request"))));

    private static PrivacySwitch EnableSensitiveDataLogging(string builder) => new(
        builder,
        "EnableSensitiveDataLogging",
        "sensitiveDataLoggingEnabled",
        SwitchValue.Boolean,
        "DbContextOptionsBuilder.EnableSensitiveDataLogging",
        "EF Core write the parameter values of every command, and the property values of the entities it reports on, to the log",
        "pass IsDevelopment() as its argument, or remove it");
}
