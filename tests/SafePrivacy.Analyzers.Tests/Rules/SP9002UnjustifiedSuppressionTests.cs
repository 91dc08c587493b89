using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.UnjustifiedSuppressionAnalyzer, SafePrivacy.CodeFixes.Rules.AddJustificationCodeFixProvider>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP9002UnjustifiedSuppressionTests
{
    [Fact]
    public Task Diagnostic_ForSuppressMessageWithoutAJustification() => Verify.VerifyAnalyzerAsync(
        """
        using System.Diagnostics.CodeAnalysis;

        [assembly: [|SuppressMessage("SafePrivacy", "SP2001")|]]

        public class Accounts
        {
            [{|#0:SuppressMessage("SafePrivacy", "SP2001:Do not log personal data", Justification = "")|}]
            public void A() { }

            [[|SuppressMessage("SafePrivacy", "SP3001", Justification = "TODO")|]]
            public void B() { }

            [[|UnconditionalSuppressMessage("SafePrivacy", "SP4001")|]]
            public void C() { }

            [SuppressMessage("SafePrivacy", "SP2001", Justification = "Break-glass diagnostics, off in production")]
            public void Justified() { }

            [SuppressMessage("Style", "IDE0060")]
            public void OtherTool() { }
        }
        """,
        Verify.Diagnostic("SP9002").WithLocation(0)
            .WithMessage("[SuppressMessage] suppresses SP2001 without a justification; say why the finding does not apply"));

    [Fact]
    public Task Diagnostic_ForPragmasWithoutAComment() => Verify.VerifyAnalyzerAsync(
        """
        public class Accounts
        {
            public void A()
            {
        {|#0:#pragma warning disable SP2001, CS0168|}
                int unused;
        #pragma warning restore SP2001, CS0168
        [|#pragma warning disable SP2003 // TODO|]
        #pragma warning disable SP2004 // Tags go to our own collector, kept 7 days
        #pragma warning disable CS0219
                var x = 1;
            }
        }
        """,
        Verify.Diagnostic("SP9002").WithLocation(0)
            .WithMessage("#pragma warning disable suppresses SP2001 without a justification; say why the finding does not apply"));

    [Fact]
    public Task CodeFix_AddsAPlaceholderThatKeepsTheFindingUntilReplaced() => Verify.VerifyCodeFixAsync(
        """
        using System.Diagnostics.CodeAnalysis;

        public class Accounts
        {
            [[|SuppressMessage("SafePrivacy", "SP2001")|]]
            public void A() { }
        }
        """,
        """
        using System.Diagnostics.CodeAnalysis;

        public class Accounts
        {
            [[|SuppressMessage("SafePrivacy", "SP2001", Justification = "TODO")|]]
            public void A() { }
        }
        """,
        iterations: 1);

    [Fact]
    public Task CodeFix_CommentsThePragma() => Verify.VerifyCodeFixAsync(
        """
        public class Accounts
        {
        [|#pragma warning disable SP2001|]
            public void A() { }
        }
        """,
        """
        public class Accounts
        {
        [|#pragma warning disable SP2001 // TODO|]
            public void A() { }
        }
        """,
        iterations: 1);

    private const string TwoSuppressions = """
        using System.Diagnostics.CodeAnalysis;

        public class Accounts
        {
            [[|SuppressMessage("SafePrivacy", "SP2001", Justification = "")|]]
            public void A() { }

            [[|SuppressMessage("SafePrivacy", "SP3001")|]]
            public void B() { }
        }
        """;

    // One round, as with any placeholder fix: one fix applies to the first suppression, Fix All to every one.
    [Fact]
    public Task FixAll_AddsPlaceholdersEverywhere() => new Verify.Test
    {
        CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne,
        TestCode = TwoSuppressions,
        FixedCode = TwoSuppressions.Replace("Justification = \"\"", "Justification = \"TODO\"", StringComparison.Ordinal),
        BatchFixedCode = TwoSuppressions.Replace("Justification = \"\"", "Justification = \"TODO\"", StringComparison.Ordinal)
            .Replace("\"SP3001\")", "\"SP3001\", Justification = \"TODO\")", StringComparison.Ordinal),
    }.RunAsync();
}
