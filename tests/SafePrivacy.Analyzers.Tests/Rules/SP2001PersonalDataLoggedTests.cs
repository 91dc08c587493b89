using System.Threading.Tasks;
using SafePrivacy.Analyzers.Rules;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

/// <summary>SP2001 for every log sink it claims: a positive case, the compliant form, and a near miss.</summary>
public sealed class SP2001PersonalDataLoggedTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task Diagnostic_WhenValuePassesThroughThreeLocalsAndAnInterpolatedStringIntoLogWarning() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                var first = user.Email;
                var second = first;
                string third;
                third = second.Trim();
                logger.LogWarning({|#0:$"Registered {third}"|});
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is written to a log by ILogger.LogWarning with no [LawfulBasis] in scope; declare the basis on 'Accounts.Register' or its type, or log an identifier instead"));

    [Fact]
    public Task NoDiagnostic_WhenTheSameValuePassesThroughRedactValue() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                var first = user.Email;
                var second = Redact.Value(first);
                var third = second;
                logger.LogWarning($"Registered {third}");
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_WhenAHelperReturnsPersonalDataThatIsLogged() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            private static string Describe(User u) => $"{u.Email}";

            public void Register(ILogger logger, User user)
            {
                logger.LogInformation({|#0:Describe(user)|});
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is written to a log by ILogger.LogInformation with no [LawfulBasis] in scope; declare the basis on 'Accounts.Register' or its type, or log an identifier instead"));

    [Fact]
    public Task NoDiagnostic_WhenSinksReceiveNonPersonalValues() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, Serilog.ILogger serilog, NLog.Logger nlog, User user)
            {
                var id = user.Id;
                logger.LogInformation("Registered {UserId} with theme {Theme}", id, user.Theme);
                logger.LogWarning($"Registered {user.Id}");
                serilog.Information("Registered {UserId}", user.Id);
                Serilog.Log.Warning("Registered {@User}", new { user.Id, user.Theme });
                nlog.Info("Registered {UserId}", user.Id);
                Console.WriteLine("Registered " + user.Id);
                Debug.WriteLine($"Email length {user.Email.Length}");
                Trace.TraceInformation("Registered {0}", user.Email.Contains('@'));
                logger.LogInformation("Registered {User}", user);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForMicrosoftExtensionsLoggingMethodsAndScopes() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger<Accounts> logger, User user, Exception error)
            {
                logger.LogInformation("Registered {Email}", [|user.Email|]);
                logger.LogError(error, "Failed for {Name} ({UserId})", [|user.DisplayName|], user.Id);
                logger.Log(LogLevel.Debug, [|"Registered " + user.Email|]);
                logger.LogCritical(new EventId(7), "Locked {Email}", [|user.Email|]);
                using var scope = logger.BeginScope("Registering {Email}", [|user.Email|]);
                using var state = logger.BeginScope([|new Dictionary<string, object> { ["Email"] = user.Email }|]);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForLoggerMessageMethodsAndDefinedDelegates() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using Microsoft.Extensions.Logging;

        public static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Registered {email}")]
            public static partial void Registered(ILogger logger, string email);

            public static partial void Registered(ILogger logger, string email) { }

            public static readonly Action<ILogger, string, Exception?> SignedIn =
                LoggerMessage.Define<string>(LogLevel.Information, new EventId(2), "Signed in {Email}");
        }

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                Log.Registered(logger, [|user.Email|]);
                Log.SignedIn(logger, [|user.Email|], null);
                Log.Registered(logger, user.Id.ToString());
                Log.SignedIn(logger, user.Theme, null);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task DestructuredHole_LogsTheWholeObject_WhilePlainHoleUsesToString() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, User user, UserRecord record)
            {
                logger.LogInformation("Registered {@User}", [|user|]);
                logger.LogInformation("Registered {User}", user);
                logger.LogInformation("Registered {Record}", [|record|]);
                logger.LogInformation("Registered {Id} and {@User}", user.Id, [|user|]);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForSerilogInstanceStaticAndContext() => Verify.VerifyAnalyzerAsync($$"""
        using Serilog;
        using Serilog.Context;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                logger.Information("Registered {Email}", [|user.Email|]);
                logger.Warning("Registered {Id} {Name}", user.Id, [|user.DisplayName|]);
                Log.Error("Registered {@User}", [|user|]);
                Log.Information("Registered {User}", user);
                var enriched = logger.ForContext("Email", [|user.Email|]);
                using var pushed = LogContext.PushProperty("Email", [|user.Email|]);
                Log.Information("Registered {Id}", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForNLog() => Verify.VerifyAnalyzerAsync($$"""
        using NLog;

        public class Accounts
        {
            private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

            public void Register(ILogger logger, User user)
            {
                Logger.Info("Registered {Email}", [|user.Email|]);
                logger.Warn([|$"Registered {user.DisplayName}"|]);
                logger.Log(LogLevel.Error, "Registered {Email} {Id}", [|user.Email|], user.Id);
                Logger.Info("Registered {Id}", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForLog4Net() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Globalization;
        using log4net;

        public class Accounts
        {
            private static readonly ILog Log = LogManager.GetLogger(typeof(Accounts));

            public void Register(User user, Exception error)
            {
                Log.Info([|user.Email|]);
                Log.InfoFormat("Registered {0}", [|user.Email|]);
                Log.WarnFormat("Registered {0} as {1}", user.Id, [|user.DisplayName|]);
                Log.DebugFormat(CultureInfo.InvariantCulture, "Registered {0}", [|user.Email|]);
                Log.Error([|"Failed for " + user.Email|], error);
                Log.Info(user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForConsoleDebugTraceAndTraceSource_ButNotOtherWriters() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Diagnostics;
        using System.IO;

        public class Accounts
        {
            public void Register(User user, TraceSource source, StringWriter buffer)
            {
                Console.WriteLine([|user.Email|]);
                Console.Write("Registered {0}", [|user.Email|]);
                Console.Out.WriteLine([|user.DisplayName|]);
                Console.Error.WriteLine([|"Failed " + user.Email|]);
                Debug.WriteLine([|user.Email|]);
                Debug.Assert(user.Id > 0, [|$"Bad user {user.Email}"|]);
                Trace.TraceWarning("Registered {0}", [|user.Email|]);
                source.TraceEvent(TraceEventType.Information, 1, "Registered {0}", [|user.Email|]);
                buffer.WriteLine(user.Email);
                Console.WriteLine(user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForProjectWrappersMarkedLogSink() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        public static class Audit
        {
            [LogSink]
            public static void Write(string action, object details) { }

            public static void Note(string action, [LogSink] string details, string category) { }
        }

        public class Accounts
        {
            public void Register(User user)
            {
                Audit.Write("register", [|user|]);
                Audit.Note("register", [|user.Email|], user.Email);
                Audit.Write("register", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForWrappersListedInEditorConfig() =>
        new Verify.Test
        {
            TestState =
            {
                AnalyzerConfigFiles = { Verify.Test.EditorConfig("safe_privacy.log_sinks = Telemetry.Audit.Write, Telemetry.Audit.Note:details") },
                Sources =
                {
                    $$"""
                    namespace Telemetry
                    {
                        public static class Audit
                        {
                            public static void Write(string text) { }
                            public static void Note(string action, string details) { }
                        }
                    }

                    public class Accounts
                    {
                        public void Register(User user)
                        {
                            Telemetry.Audit.Write([|user.Email|]);
                            Telemetry.Audit.Note(user.Email, [|user.DisplayName|]);
                        }
                    }
                    {{Model}}
                    """,
                },
            },
        }.RunAsync();

    [Fact]
    public Task NoDiagnostic_WhenBasisDeclaredOnMethodTypeOrAssembly() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        [assembly: LawfulBasis(LawfulBasis.Contract, Purpose = "Provide accounts")]

        public class Accounts
        {
            public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", user.Email);
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_WhenBasisDeclaredOnContainingType() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        [LawfulBasis(LawfulBasis.Contract, Purpose = "Provide accounts")]
        public class Accounts
        {
            public class Nested
            {
                public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", user.Email);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_OnlyWhereNoBasisIsInScope() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Accounts
        {
            [LawfulBasis(LawfulBasis.Contract, Purpose = "Register members")]
            public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", user.Email);

            public void Close(ILogger logger, User user) => logger.LogInformation("Closed {Email}", [|user.Email|]);
        }
        {{Model}}
        """);

    // Suppression is the compiler's, for every rule: a justified [SuppressMessage] or a commented pragma silences it.
    [Fact]
    public Task NoDiagnostic_WhereSuppressedWithAReason() => Verify.VerifyAnalyzerAsync($$"""
        using System.Diagnostics.CodeAnalysis;
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            [SuppressMessage("SafePrivacy", "SP2001", Justification = "Break-glass diagnostics, off in production")]
            public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", user.Email);

            public void Close(ILogger logger, User user)
            {
        #pragma warning disable SP2001 // Support asked for the address; removed after the incident
                logger.LogInformation("Closed {Email}", user.Email);
        #pragma warning restore SP2001
                logger.LogInformation("Closed {Email}", [|user.Email|]);
            }
        }
        {{Model}}
        """);

    // A leak in generated code is still a leak, whether the file says it is generated or is named so.
    [Fact]
    public Task Diagnostic_InGeneratedCode() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                """
                // <auto-generated/>
                using Microsoft.Extensions.Logging;

                public partial class Accounts
                {
                    public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", [|user.Email|]);
                }
                """,
                ("/0/Accounts.g.cs", """
                    using Microsoft.Extensions.Logging;

                    public partial class Accounts
                    {
                        public void Close(ILogger logger, User user) => logger.LogInformation("Closed {Email}", [|user.Email|]);
                    }
                    """),
                Model,
            },
        },
    }.RunAsync();

    [Fact]
    public Task Diagnostic_InTopLevelStatements_NamesThemAsWritten() => new Verify.Test
    {
        TestState =
        {
            OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
            Sources =
            {
                $$"""
                using Microsoft.Extensions.Logging;

                ILogger log = null!;
                var user = new User();
                log.LogInformation("{Email}", {|#0:user.Email|});
                {{TestModel.Users}}
                """,
            },
        },
        ExpectedDiagnostics =
        {
            Verify.Diagnostic("SP2001").WithLocation(0).WithMessage(
                "'User.Email' (contact details) is written to a log by ILogger.LogInformation with no [LawfulBasis] in scope; "
                + "declare the basis on 'Program (top-level statements)' or its type, or log an identifier instead"),
        },
    }.RunAsync();
}
