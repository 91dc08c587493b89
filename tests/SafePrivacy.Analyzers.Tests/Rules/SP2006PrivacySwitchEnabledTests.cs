using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafePrivacy.Analyzers.Switches;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PrivacySwitchEnabledAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP2006PrivacySwitchEnabledTests
{
    private const string SensitiveDataLogging =
        "'DbContextOptionsBuilder.EnableSensitiveDataLogging' is switched on outside a development-only check and makes EF Core write the "
        + "parameter values of every command, and the property values of the entities it reports on, to the log; pass IsDevelopment() as its argument, or remove it";

    // EF Core

    [Fact]
    public Task Diagnostic_WhenSensitiveDataLoggingIsEnabledInOnConfiguring() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.EntityFrameworkCore;

        public class ForumDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                optionsBuilder.{|#0:EnableSensitiveDataLogging()|};
        }
        """,
        Verify.Diagnostic("SP2006").WithLocation(0).WithMessage(SensitiveDataLogging));

    [Fact]
    public Task Diagnostic_OnTheGenericBuilderWithTrueAtTheEndOfAChainAndInARegistration() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        public class ForumDb : DbContext
        {
            public ForumDb(DbContextOptions<ForumDb> options) : base(options) { }
        }

        public static class Store
        {
            public static DbContextOptions<ForumDb> Options() =>
                new DbContextOptionsBuilder<ForumDb>().EnableDetailedErrors().[|EnableSensitiveDataLogging(sensitiveDataLoggingEnabled: true)|].Options;

            public static void Register(IServiceCollection services) =>
                services.AddDbContext<ForumDb>(options => options.EnableDetailedErrors()?.[|EnableSensitiveDataLogging(true)|]);
        }
        """);

    [Fact]
    public Task Diagnostic_WhenTheArgumentIsAConfigurationValue() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;

        public class ForumDb : DbContext
        {
            private readonly IConfiguration _configuration;

            public ForumDb(IConfiguration configuration) => _configuration = configuration;

            // A setting can be true in production: only a development check or false is off.
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                optionsBuilder.[|EnableSensitiveDataLogging(_configuration.GetValue<bool>("Db:SensitiveLogging"))|];
        }
        """);

    [Fact]
    public Task NoDiagnostic_WhenSensitiveDataLoggingIsOffOrFollowsTheEnvironment() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        public class ForumDb : DbContext
        {
            public ForumDb(DbContextOptions<ForumDb> options) : base(options) { }
        }

        public static class Store
        {
            public static void Off(DbContextOptionsBuilder builder) => builder.EnableSensitiveDataLogging(false).EnableDetailedErrors();

            public static void Register(IServiceCollection services, IHostEnvironment environment)
            {
                services.AddDbContext<ForumDb>(o => o.EnableSensitiveDataLogging(environment.IsDevelopment()));
                services.AddDbContext<ForumDb>(o => o.EnableSensitiveDataLogging(environment.IsEnvironment("development") && !environment.IsProduction()));
                services.AddDbContext<ForumDb>(o => o.EnableSensitiveDataLogging(environment.IsDevelopment() ? true : false));
                services.AddDbContext<ForumDb>(o =>
                {
                    if (environment.IsDevelopment())
                    {
                        o.EnableSensitiveDataLogging();
                    }
                });
            }

            public static void RegisterWhenDeveloping(IServiceCollection services, IHostEnvironment environment)
            {
                var developing = environment.IsDevelopment();
                if (!developing)
                {
                    return;
                }

                services.AddDbContext<ForumDb>(o => o.EnableSensitiveDataLogging());
            }
        }
        """);

    [Fact]
    public Task Diagnostic_WhenTheCheckIsNotDevelopmentOnly() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        public static class Store
        {
            public static void Configure(DbContextOptionsBuilder o, IHostEnvironment environment, bool verbose)
            {
                if (!environment.IsProduction())
                {
                    o.[|EnableSensitiveDataLogging()|];
                }

                if (environment.IsDevelopment())
                {
                    Console.WriteLine("developing");
                }
                else
                {
                    o.[|EnableSensitiveDataLogging()|];
                }

                if (environment.IsDevelopment() || verbose)
                {
                    o.[|EnableSensitiveDataLogging()|];
                }

                o.[|EnableSensitiveDataLogging(environment.IsStaging())|];
                o.[|EnableSensitiveDataLogging(environment.IsDevelopment() ? true : verbose)|];

                // The early return guards what follows it, not what comes before.
                o.[|EnableSensitiveDataLogging()|];
                if (!environment.IsDevelopment())
                {
                    return;
                }
            }
        }
        """);

    [Fact]
    public Task NoDiagnostic_InTheMethodsAspNetCoreCallsOnlyInDevelopment() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        public class ForumDb : DbContext
        {
            public ForumDb(DbContextOptions<ForumDb> options) : base(options) { }
        }

        public class Startup
        {
            public void ConfigureDevelopmentServices(IServiceCollection services) =>
                services.AddDbContext<ForumDb>(o => o.EnableSensitiveDataLogging());

            public void ConfigureServices(IServiceCollection services) =>
                services.AddDbContext<ForumDb>(o => o.[|EnableSensitiveDataLogging()|]);
        }

        public class StartupDevelopment
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddDbContext<ForumDb>(o => o.EnableSensitiveDataLogging());
        }
        """);

    [Fact]
    public Task NoDiagnostic_ForAProjectsOwnMethodOfTheSameName() => Verify.VerifyAnalyzerAsync("""
        public class AuditOptions
        {
            public bool ShowPII { get; set; }

            public bool SendDefaultPii { get; set; }

            public AuditOptions EnableSensitiveDataLogging(bool enabled = true) => this;
        }

        public static class Audit
        {
            public static AuditOptions Configure() => new AuditOptions { ShowPII = true, SendDefaultPii = true }.EnableSensitiveDataLogging();
        }
        """);

    // Microsoft.IdentityModel

    [Fact]
    public Task Diagnostic_WhenIdentityModelShowsPiiOrLogsWholeTokens() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.IdentityModel.Logging;

        public static class Authentication
        {
            public static void Configure()
            {
                {|#0:IdentityModelEventSource.ShowPII = true|};
                {|#1:IdentityModelEventSource.LogCompleteSecurityArtifact = true|};
            }
        }
        """,
        Verify.Diagnostic("SP2006").WithLocation(0).WithMessage(
            "'IdentityModelEventSource.ShowPII' is switched on outside a development-only check and makes Microsoft.IdentityModel put the personal data of "
            + "tokens and requests (claims, names, addresses) into its log and exception messages; set it only under an IsDevelopment() check, or remove it"),
        Verify.Diagnostic("SP2006").WithLocation(1).WithMessage(
            "'IdentityModelEventSource.LogCompleteSecurityArtifact' is switched on outside a development-only check and makes Microsoft.IdentityModel log whole "
            + "security tokens, signatures included, which anyone who reads the log can replay as credentials; set it only under an IsDevelopment() check, or remove it"));

    [Fact]
    public Task NoDiagnostic_WhenIdentityModelSwitchesAreOffOrGuarded() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        public static class Authentication
        {
            public static void Configure(IWebHostEnvironment environment)
            {
                IdentityModelEventSource.ShowPII = false;
                IdentityModelEventSource.LogCompleteSecurityArtifact = environment.IsDevelopment();
                if (environment.IsDevelopment() && Environment.GetEnvironmentVariable("SHOW_PII") == "1")
                    IdentityModelEventSource.ShowPII = true;
                Console.WriteLine(IdentityModelEventSource.ShowPII);
            }

            public static void ConfigureOutsideProduction(IWebHostEnvironment environment)
            {
                if (!environment.IsDevelopment()) throw new InvalidOperationException("development only");
                IdentityModelEventSource.ShowPII = true;
            }
        }
        """);

    // Sentry

    private const string SendDefaultPii =
        "'SentryOptions.SendDefaultPii' is switched on outside a development-only check and makes Sentry send the user's IP address, identity, "
        + "cookies and request headers with every event; set it only under an IsDevelopment() check, or remove it";

    [Fact]
    public Task Diagnostic_WhenSentrySendsDefaultPiiInInitAnInitialiserAndUseSentry() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Hosting;
        using Sentry;

        public static class ErrorReporting
        {
            public static void Start() => SentrySdk.Init(o =>
            {
                o.Dsn = "https://key@sentry.example/1";
                {|#0:o.SendDefaultPii = true|};
            });

            public static SentryOptions Options() => new SentryOptions { Dsn = "https://key@sentry.example/1", {|#1:SendDefaultPii = true|} };

            public static IWebHostBuilder Host(IWebHostBuilder host) => host.UseSentry(o => {|#2:o.SendDefaultPii = true|});
        }
        """,
        Verify.Diagnostic("SP2006").WithLocation(0).WithMessage(SendDefaultPii),
        Verify.Diagnostic("SP2006").WithLocation(1).WithMessage(SendDefaultPii),
        Verify.Diagnostic("SP2006").WithLocation(2).WithMessage(SendDefaultPii));

    [Fact]
    public Task Diagnostic_WhenSentrySendsRequestBodies() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Hosting;
        using Sentry.Extensibility;

        public static class ErrorReporting
        {
            public static IWebHostBuilder Host(IWebHostBuilder host) => host.UseSentry(o =>
            {
                o.MaxRequestBodySize = RequestSize.None;
                {|#0:o.MaxRequestBodySize = RequestSize.Always|};
            });
        }
        """,
        Verify.Diagnostic("SP2006").WithLocation(0).WithMessage(
            "'SentryAspNetCoreOptions.MaxRequestBodySize' is switched on outside a development-only check and makes Sentry send request bodies with its events; "
            + "leave it at RequestSize.None, or set it only under an IsDevelopment() check"));

    [Fact]
    public Task NoDiagnostic_WhenSentryFollowsTheHostingEnvironment() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        using Sentry;

        public static class ErrorReporting
        {
            public static IWebHostBuilder Host(IWebHostBuilder host) =>
                host.UseSentry((context, o) => o.SendDefaultPii = context.HostingEnvironment.IsDevelopment());

            public static SentryOptions Options(IHostEnvironment environment) => new SentryOptions { SendDefaultPii = false, AttachStacktrace = true };

            public static void Start(IHostEnvironment environment) => SentrySdk.Init(o =>
            {
                if (environment.IsDevelopment())
                {
                    o.SendDefaultPii = true;
                }
            });
        }
        """);

    // ASP.NET Core HTTP and W3C logging

    [Fact]
    public Task Diagnostic_WhenHttpLoggingLogsBodies() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        public static class RequestLogging
        {
            public static void Register(IServiceCollection services)
            {
                services.AddHttpLogging(o => {|#0:o.LoggingFields = HttpLoggingFields.All|});
                services.AddHttpLogging(o =>
                {
                    o.RequestBodyLogLimit = 4096;
                    {|#1:o.LoggingFields |= HttpLoggingFields.RequestBody|};
                    {|#2:o.LoggingFields = HttpLoggingFields.Request | HttpLoggingFields.ResponseStatusCode|};
                });
            }
        }
        """,
        Verify.Diagnostic("SP2006").WithLocation(0).WithMessage(
            "'HttpLoggingOptions.LoggingFields' is switched on outside a development-only check and makes ASP.NET Core's HTTP logging write every request body and "
            + "every response body to the log; leave RequestBody and ResponseBody out of the logging fields, or add them only under an IsDevelopment() check"),
        Verify.Diagnostic("SP2006").WithLocation(1).WithMessage(
            "'HttpLoggingOptions.LoggingFields' is switched on outside a development-only check and makes ASP.NET Core's HTTP logging write every request body to "
            + "the log; leave RequestBody and ResponseBody out of the logging fields, or add them only under an IsDevelopment() check"),
        Verify.Diagnostic("SP2006").WithLocation(2));

    [Fact]
    public Task Diagnostic_WhenAnInterceptorOrAnEndpointLogsBodies() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.AspNetCore.Routing;

        public sealed class BodyInterceptor : IHttpLoggingInterceptor
        {
            public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
            {
                logContext.[|Enable(HttpLoggingFields.ResponseBody)|];
                logContext.TryDisable(HttpLoggingFields.RequestBody);
                return default;
            }

            public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
            {
                [|logContext.LoggingFields = HttpLoggingFields.Response|];
                return default;
            }
        }

        public static class Endpoints
        {
            public static void Map(IEndpointRouteBuilder app) =>
                app.MapPost("/posts", (string body) => body).[|WithHttpLogging(HttpLoggingFields.RequestBody | HttpLoggingFields.Duration)|];
        }

        public sealed class PostsEndpoint
        {
            [[|HttpLogging(HttpLoggingFields.All)|]]
            public string Create(string body) => body;

            [HttpLogging(HttpLoggingFields.RequestPropertiesAndHeaders)]
            public string Read() => "";
        }
        """);

    [Fact]
    public Task NoDiagnostic_WhenHttpLoggingLeavesBodiesOutOrOnlyInDevelopment() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        public static class RequestLogging
        {
            public static void Register(WebApplicationBuilder builder, HttpLoggingFields configured)
            {
                builder.Services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponsePropertiesAndHeaders | HttpLoggingFields.Duration);
                builder.Services.AddHttpLogging(o => o.LoggingFields = configured);
                builder.Services.AddHttpLogging(o => o.LoggingFields &= ~HttpLoggingFields.RequestBody);
                builder.Services.AddHttpLogging(o => o.LoggingFields = builder.Environment.IsDevelopment() ? HttpLoggingFields.All : HttpLoggingFields.RequestPath);
                if (builder.Environment.IsDevelopment())
                {
                    builder.Services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.All);
                }
            }
        }
        """);

    [Fact]
    public Task Diagnostic_WhenW3CLoggingWritesCookiesOrUserNames() => Verify.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        public static class AccessLog
        {
            public static void Register(IServiceCollection services)
            {
                services.AddW3CLogging(o => {|#0:o.LoggingFields = W3CLoggingFields.All|});
                services.AddW3CLogging(o => o.LoggingFields = W3CLoggingFields.Request | W3CLoggingFields.Date | W3CLoggingFields.Time);
            }
        }
        """,
        Verify.Diagnostic("SP2006").WithLocation(0).WithMessage(
            "'W3CLoggerOptions.LoggingFields' is switched on outside a development-only check and makes ASP.NET Core's W3C logging write every request's cookies "
            + "(session and authentication cookies too) and the signed-in user's name on every request to its log files; leave Cookie and UserName out of the "
            + "logging fields, or add them only under an IsDevelopment() check"));

    // Top-level statements, as `dotnet new web` writes them.

    [Fact]
    public Task Diagnostic_InAProgramUnlessUnderTheBuildersEnvironment() => new Verify.Test
    {
        TestState =
        {
            OutputKind = OutputKind.ConsoleApplication,
            Sources =
            {
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.HttpLogging;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;
                using Microsoft.IdentityModel.Logging;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHttpLogging(o => [|o.LoggingFields = HttpLoggingFields.All|]);
                if (builder.Environment.IsDevelopment())
                {
                    IdentityModelEventSource.ShowPII = true;
                }

                var app = builder.Build();
                if (!app.Environment.IsDevelopment())
                {
                    app.Run();
                    return;
                }

                IdentityModelEventSource.LogCompleteSecurityArtifact = true;
                app.Run();
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public void RegistersNothing_WhenNoSwitchTypeIsReferenced()
    {
        var compilation = CSharpCompilation.Create("Plain", references: Basic.Reference.Assemblies.Net100.References.All);

        Assert.Null(PrivacySwitchResolver.Create(compilation));
    }
}
