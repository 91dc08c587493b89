using System.Threading.Tasks;
using RedactFix = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer, SafePrivacy.CodeFixes.Rules.RedactValueCodeFixProvider>;
using RedactInException = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PersonalDataInExceptionAnalyzer, SafePrivacy.CodeFixes.Rules.RedactValueCodeFixProvider>;
using Identifier = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PersonalDataLoggedAnalyzer, SafePrivacy.CodeFixes.Rules.UseIdentifierCodeFixProvider>;
using IdentifierInException = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PersonalDataInExceptionAnalyzer, SafePrivacy.CodeFixes.Rules.UseIdentifierCodeFixProvider>;

namespace SafePrivacy.Analyzers.Tests.CodeFixes;

/// <summary>The data-hiding fixes for SP2001–SP2004: Redact.Value, and the type's identifier instead of the data.</summary>
public sealed class SP2001RedactAndIdentifierFixTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task CodeFix_WrapsTheTemplateArgumentInRedact_AndImportsSafePrivacy() => RedactFix.VerifyCodeFixAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", [|user.Email|]);
        }
        {{Model}}
        """,
        $$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Accounts
        {
            public void Register(ILogger logger, User user) => logger.LogInformation("Registered {Email}", Redact.Value(user.Email));
        }
        {{Model}}
        """);

    [Fact]
    public Task CodeFix_WrapsOnlyTheHoleThatCarriesTheData() => RedactFix.VerifyCodeFixAsync(
        $$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                var first = user.Email;
                logger.LogWarning([|$"Registered {first} with theme {user.Theme}"|]);
            }
        }
        {{Model}}
        """,
        $$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                var first = user.Email;
                logger.LogWarning($"Registered {Redact.Value(first)} with theme {user.Theme}");
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task CodeFix_RedactsAnExceptionMessage() => RedactInException.VerifyCodeFixAsync(
        $$"""
        using System;

        public class Accounts
        {
            public void Register(User user) => throw new InvalidOperationException([|"No account for " + user.Email|]);
        }
        {{Model}}
        """,
        $$"""
        using System;
        using SafePrivacy;

        public class Accounts
        {
            public void Register(User user) => throw new InvalidOperationException("No account for " + Redact.Value(user.Email));
        }
        {{Model}}
        """);

    // ASP.NET Core Identity has its own [PersonalData]: importing SafePrivacy would make it ambiguous (CS0104).
    [Fact]
    public Task CodeFix_KeepsSafePrivacyQualified_WhenTheImportWouldMakeANameAmbiguous() => RedactFix.VerifyCodeFixAsync(
        TestModel.IdentitySignIn,
        TestModel.IdentitySignIn.Replace("[|user.Nickname|]", "SafePrivacy.Redact.Value(user.Nickname)", System.StringComparison.Ordinal));

    [Fact]
    public Task FixAll_RedactsEveryValue() => RedactFix.VerifyFixAllAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                logger.LogInformation("Registered {Email}", [|user.Email|]);
                logger.LogInformation("Named {Name}", [|user.DisplayName|]);
            }
        }
        {{Model}}
        """,
        $$"""
        using Microsoft.Extensions.Logging;
        using SafePrivacy;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                logger.LogInformation("Registered {Email}", Redact.Value(user.Email));
                logger.LogInformation("Named {Name}", Redact.Value(user.DisplayName));
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task FixAll_AcrossDocuments() => RedactFix.VerifyFixAllAsync(
        new[]
        {
            """
            public class A
            {
                public void Run(Microsoft.Extensions.Logging.ILogger logger, User user) => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, [|user.Email|]);
            }
            """,
            $$"""
            public class B { public void Run(Microsoft.Extensions.Logging.ILogger logger, User user) => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, [|user.DisplayName|]); }
            {{Model}}
            """,
        },
        new[]
        {
            """
            using SafePrivacy;

            public class A
            {
                public void Run(Microsoft.Extensions.Logging.ILogger logger, User user) => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, Redact.Value(user.Email));
            }
            """,
            $$"""
            using SafePrivacy;

            public class B { public void Run(Microsoft.Extensions.Logging.ILogger logger, User user) => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, Redact.Value(user.DisplayName)); }
            {{Model}}
            """,
        });

    [Fact]
    public Task CodeFix_UsesTheIdentifierInsteadOfTheMemberOrTheWholeObject() => Identifier.VerifyCodeFixAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                logger.LogInformation("Registered {Email}", [|user.Email|]);
                logger.LogInformation("Registered {@User}", [|user|]);
            }
        }
        {{Model}}
        """,
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, User user)
            {
                logger.LogInformation("Registered {Email}", user.Id);
                logger.LogInformation("Registered {@User}", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task FixAll_UsesIdentifiersEverywhere() => Identifier.VerifyFixAllAsync(
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, User user, Post post)
            {
                logger.LogInformation([|$"Registered {user.Email}"|]);
                logger.LogInformation("Wrote {Body}", [|post.Body|]);
            }
        }
        {{Model}}
        """,
        $$"""
        using Microsoft.Extensions.Logging;

        public class Accounts
        {
            public void Register(ILogger logger, User user, Post post)
            {
                logger.LogInformation($"Registered {user.Id}");
                logger.LogInformation("Wrote {Body}", post.Id);
            }
        }
        {{Model}}
        """);

    // A source passed as its own expected output: the identifier fix must offer nothing.
    [Theory]
    [InlineData("""
        public class Accounts
        {
            public void Register(User user) => throw new System.InvalidOperationException([|user.Email|]);
        }
        """)]
    [InlineData("""
        public class Visitor { [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] public string Email { get; set; } = ""; }

        public class Accounts
        {
            public void Register(Visitor visitor) => throw new System.InvalidOperationException([|visitor.Email|]);
        }
        """)]
    public Task NoIdentifierFix_WhenItWouldNotFitOrTheTypeHasNone(string source) =>
        IdentifierInException.VerifyCodeFixAsync(source + "\n" + Model, source + "\n" + Model);

    // IdentityUser's Id is itself [PersonalData] (Identity's own attribute): logging it instead would leak as much.
    [Fact]
    public Task NoIdentifierFix_WhenTheIdentifierIsPersonalDataToo() => Identifier.VerifyCodeFixAsync(
        TestModel.IdentitySignIn, TestModel.IdentitySignIn);
}
