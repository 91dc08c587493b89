using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using SafePrivacy.Analyzers.Tests.Verifiers;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Tests.VerifierTests.BadFieldAnalyzer, SafePrivacy.Analyzers.Tests.VerifierTests.BadFieldCodeFix>;

namespace SafePrivacy.Analyzers.Tests.VerifierTests;

/// <summary>The verifier is code too: a verifier that cannot fail would make every rule test worthless.</summary>
public sealed class VerifierTests
{
    [Fact]
    public void Markup_ParsesNamedDefaultNestedAndLocationSpans()
    {
        var (source, spans) = Markup.Parse("a[|b{|SP2001:c|}|]d{|#0:e|}");

        Assert.Equal("abcde", source);
        Assert.Collection(
            spans,
            s => Assert.Equal((null, 1, 3), (s.Id, s.Span.Start, s.Span.End)),
            s => Assert.Equal(("SP2001", 2, 3), (s.Id, s.Span.Start, s.Span.End)),
            s => Assert.Equal(("#0", 4, 5, true, 0), (s.Id, s.Span.Start, s.Span.End, s.IsLocation, s.LocationIndex)));
    }

    [Theory]
    [InlineData("class C { [|int x; }", "'[|' opened at line 1, column 11 is never closed")]
    [InlineData("class C {\n int x;|] }", "'|]' at line 2, column 8 closes nothing")]
    [InlineData("class C { {|SP2001:int x;|] }", "'|]' at line 1, column 26 closes the '{|' opened at line 1, column 11")]
    public void Markup_FailsLoudly_WhenUnbalanced(string markup, string expected)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Markup.Parse(markup));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Passes_WhenDiagnosticsMatch() => Verify.VerifyAnalyzerAsync("class C { int [|bad|]; int good; }");

    [Fact]
    public async Task Fails_WithTheMissingDiagnostic_WhenOneIsExpectedButNotReported()
    {
        var exception = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyAnalyzerAsync("class C { int [|good|]; }"));

        Assert.Contains("Missing (expected but not reported):", exception.Message, StringComparison.Ordinal);
        Assert.Contains("TEST0001 in Test0.cs at [14..18)", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unexpected", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WithTheSourceAnnotated_WhenADiagnosticIsUnexpected()
    {
        var exception = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyAnalyzerAsync("class C { int bad; }"));

        Assert.Contains("Unexpected (reported but not expected):", exception.Message, StringComparison.Ordinal);
        Assert.Contains("TEST0001 warning at Test0.cs(1,15)-(1,18): Field 'bad' is bad", exception.Message, StringComparison.Ordinal);
        Assert.Contains("class C { int {|TEST0001:bad|}; }", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenTheMessageDiffers()
    {
        var exception = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyAnalyzerAsync(
            "class C { int {|#0:bad|}; }",
            Verify.Diagnostic("TEST0001").WithLocation(0).WithMessage("Field 'bad' is fine")));

        Assert.Contains("Field 'bad' is fine", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Field 'bad' is bad", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenTheSourceDoesNotCompile()
    {
        var exception = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyAnalyzerAsync("class C { int bad = \"text\"; }"));

        Assert.Contains("does not compile", exception.Message, StringComparison.Ordinal);
        Assert.Contains("CS0029", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenAnAnalyzerThrows()
    {
        var test = new AnalyzerTest(new ThrowingAnalyzer()) { Sources = { "class C { }" } };

        var exception = await Assert.ThrowsAsync<VerificationException>(test.RunAsync);

        Assert.Contains("An analyzer threw", exception.Message, StringComparison.Ordinal);
        Assert.Contains("boom", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenADiagnosticAppearsOnlyInAFullBuild()
    {
        var test = new AnalyzerTest(new BuildOnlyAnalyzer()) { Sources = { "class C { int [|bad|]; }" } };

        var exception = await Assert.ThrowsAsync<VerificationException>(test.RunAsync);

        Assert.Contains("not in document analysis", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenBareMarkupIsAmbiguous()
    {
        var test = new AnalyzerTest(new TwoIdAnalyzer()) { Sources = { "class C { int [|bad|]; }" } };

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(test.RunAsync);

        Assert.Contains("write {|ID:...|} instead", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task CodeFix_Passes_WhenTheFixedSourceMatches() => Verify.VerifyCodeFixAsync(
        "class C { int [|bad|]; }",
        "class C { int good; }");

    [Fact]
    public async Task CodeFix_Fails_WhenTheFixedSourceDiffers()
    {
        var exception = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyCodeFixAsync(
            "class C { int [|bad|]; }",
            "class C { int best; }"));

        Assert.Contains("is not the expected source", exception.Message, StringComparison.Ordinal);
        Assert.Contains("class C { int good; }", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task FixAll_FixesEveryDiagnosticInEveryScope() => Verify.VerifyFixAllAsync(
        "class C { int [|bad|]; } class D { int [|bad|]; }",
        "class C { int good; } class D { int good; }");

    [Fact]
    public async Task CodeFix_Fails_WhenTheFixBreaksCompilation()
    {
        var test = new CodeFixTest(new BadFieldCodeFix(), new BadFieldAnalyzer())
        {
            Sources = { "class C { int [|bad|]; int good; }" },
            FixedSources = { "class C { int good; int good; }" },
        };

        var exception = await Assert.ThrowsAsync<VerificationException>(test.RunAsync);

        Assert.Contains("The fixed source does not compile", exception.Message, StringComparison.Ordinal);
    }
}
