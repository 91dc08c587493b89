using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PrivacySwitchEnabledAnalyzer, SafePrivacy.CodeFixes.Rules.EnableOnlyInDevelopmentCodeFixProvider>;

namespace SafePrivacy.Analyzers.Tests.CodeFixes;

public sealed class SP2006EnableOnlyInDevelopmentFixTests
{
    [Fact]
    public Task CodeFix_PassesTheFieldsEnvironmentToEnableSensitiveDataLogging() => Verify.VerifyCodeFixAsync(
        """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        public class ForumDb : DbContext
        {
            private readonly IHostEnvironment _environment;

            public ForumDb(IHostEnvironment environment) => _environment = environment;

            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                optionsBuilder.UseInMemoryDatabase("forum").[|EnableSensitiveDataLogging()|];
        }

        public static class InMemory
        {
            public static DbContextOptionsBuilder UseInMemoryDatabase(this DbContextOptionsBuilder builder, string name) => builder;
        }
        """,
        """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        public class ForumDb : DbContext
        {
            private readonly IHostEnvironment _environment;

            public ForumDb(IHostEnvironment environment) => _environment = environment;

            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                optionsBuilder.UseInMemoryDatabase("forum").EnableSensitiveDataLogging(_environment.IsDevelopment());
        }

        public static class InMemory
        {
            public static DbContextOptionsBuilder UseInMemoryDatabase(this DbContextOptionsBuilder builder, string name) => builder;
        }
        """);

    [Fact]
    public Task CodeFix_KeepsAConfiguredValueAndImportsTheExtensionInAProgram() => new Verify.Test
    {
        TestState =
        {
            OutputKind = OutputKind.ConsoleApplication,
            Sources =
            {
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.EntityFrameworkCore;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                var verbose = args.Length > 0;
                builder.Services.AddDbContext<ForumDb>(o => o.[|EnableSensitiveDataLogging(verbose)|]);
                builder.Build().Run();

                public class ForumDb : DbContext
                {
                    public ForumDb(DbContextOptions<ForumDb> options) : base(options) { }
                }
                """,
            },
        },
        FixedState =
        {
            Sources =
            {
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.EntityFrameworkCore;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                var verbose = args.Length > 0;
                builder.Services.AddDbContext<ForumDb>(o => o.EnableSensitiveDataLogging(builder.Environment.IsDevelopment() && verbose));
                builder.Build().Run();

                public class ForumDb : DbContext
                {
                    public ForumDb(DbContextOptions<ForumDb> options) : base(options) { }
                }
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task CodeFix_WrapsEachSwitchStatementInADevelopmentCheck() => Verify.VerifyCodeFixAsync(
        """
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.IdentityModel.Logging;

        public class Startup
        {
            public void Configure(IWebHostEnvironment env)
            {
                // Token validation errors are hard to read without these.
                [|IdentityModelEventSource.ShowPII = true|];
                [|IdentityModelEventSource.LogCompleteSecurityArtifact = true|]; // for jwt.ms
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        public class Startup
        {
            public void Configure(IWebHostEnvironment env)
            {
                // Token validation errors are hard to read without these.
                if (env.IsDevelopment())
                {
                    IdentityModelEventSource.ShowPII = true;
                }
                if (env.IsDevelopment())
                {
                    IdentityModelEventSource.LogCompleteSecurityArtifact = true; // for jwt.ms
                }
            }
        }
        """);

    [Fact]
    public Task CodeFix_GivesAnExpressionLambdaABodyThatChecksTheEnvironment() => Verify.VerifyCodeFixAsync(
        """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        public static class RequestLogging
        {
            public static void Register(IServiceCollection services, IHostEnvironment environment)
            {
                services.AddHttpLogging(o => [|o.LoggingFields = HttpLoggingFields.All|]);
                services.AddHttpLogging(o =>
                {
                    o.RequestBodyLogLimit = 4096;
                    [|o.LoggingFields |= HttpLoggingFields.RequestBody|];
                });
            }
        }
        """,
        """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        public static class RequestLogging
        {
            public static void Register(IServiceCollection services, IHostEnvironment environment)
            {
                services.AddHttpLogging(o =>
                {
                    if (environment.IsDevelopment())
                    {
                        o.LoggingFields = HttpLoggingFields.All;
                    }
                });
                services.AddHttpLogging(o =>
                {
                    o.RequestBodyLogLimit = 4096;
                    if (environment.IsDevelopment())
                    {
                        o.LoggingFields |= HttpLoggingFields.RequestBody;
                    }
                });
            }
        }
        """);

    [Fact]
    public Task CodeFix_SetsABoolSwitchThatIsNoStatementToTheCheck() => Verify.VerifyCodeFixAsync(
        """
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        using Sentry;

        public static class ErrorReporting
        {
            public static SentryOptions Options(IHostEnvironment environment) => new SentryOptions { [|SendDefaultPii = true|] };

            public static IWebHostBuilder Host(IWebHostBuilder host) =>
                host.UseSentry((context, o) => [|o.SendDefaultPii = true|]);
        }
        """,
        """
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        using Sentry;

        public static class ErrorReporting
        {
            public static SentryOptions Options(IHostEnvironment environment) => new SentryOptions { SendDefaultPii = environment.IsDevelopment() };

            public static IWebHostBuilder Host(IWebHostBuilder host) =>
                host.UseSentry((context, o) => o.SendDefaultPii = context.HostingEnvironment.IsDevelopment());
        }
        """);

    [Fact]
    public Task NoCodeFix_WithoutAnEnvironmentInScope() => VerifyNoCodeFix(
        """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.IdentityModel.Logging;

        public class ForumDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            {
                optionsBuilder.[|EnableSensitiveDataLogging()|];
                [|IdentityModelEventSource.ShowPII = true|];
            }
        }
        """);

    // Guarding these would also skip the endpoint's mapping, the options call on the left, or read an instance field
    // from a static lambda.
    [Fact]
    public Task NoCodeFix_WhereGuardingWouldSkipOtherWork() => VerifyNoCodeFix(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        public class Endpoints
        {
            private readonly IHostEnvironment _environment;

            public Endpoints(IHostEnvironment environment) => _environment = environment;

            public void Map(IEndpointRouteBuilder app, IServiceCollection services)
            {
                app.MapPost("/posts", (string body) => body).[|WithHttpLogging(HttpLoggingFields.RequestBody)|];
                [|Options().LoggingFields = HttpLoggingFields.All|];
                services.AddHttpLogging(static o => [|o.LoggingFields = HttpLoggingFields.All|]);
            }

            private static HttpLoggingOptions Options() => new();
        }
        """);

    [Fact]
    public Task CodeFix_ReadsTheEnvironmentABuilderInterfaceHolds() => Verify.VerifyCodeFixAsync(
        """
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        public static class Authentication
        {
            public static void AddAuthentication(this IHostApplicationBuilder builder)
            {
                [|IdentityModelEventSource.ShowPII = true|];
            }
        }
        """,
        """
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        public static class Authentication
        {
            public static void AddAuthentication(this IHostApplicationBuilder builder)
            {
                if (builder.Environment.IsDevelopment())
                {
                    IdentityModelEventSource.ShowPII = true;
                }
            }
        }
        """);

    // An instance field is in scope in a static member and in a nested type's methods, but there is no instance to read.
    [Fact]
    public Task NoCodeFix_WhereAnEnvironmentFieldHasNoInstance() => VerifyNoCodeFix(
        """
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        public class Authentication
        {
            private readonly IHostEnvironment _environment;

            public Authentication(IHostEnvironment environment) => _environment = environment;

            public static void Configure() => [|IdentityModelEventSource.ShowPII = true|];

            public class Tokens
            {
                public void Configure()
                {
                    [|IdentityModelEventSource.LogCompleteSecurityArtifact = true|];
                }
            }
        }
        """);

    // The switch is still reported; the fix is not offered (the fixed source is the source).
    private static Task VerifyNoCodeFix([StringSyntax("C#-test")] string source) => Verify.VerifyCodeFixAsync(source, source);
}
