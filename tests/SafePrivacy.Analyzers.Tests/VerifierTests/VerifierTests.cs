using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SafePrivacy.Analyzers.Tests.Verifiers;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Tests.VerifierTests.BadFieldAnalyzer, SafePrivacy.Analyzers.Tests.VerifierTests.BadFieldCodeFix>;

namespace SafePrivacy.Analyzers.Tests.VerifierTests;

/// <summary>
/// What the SafePrivacy test setup adds to Microsoft.CodeAnalysis.Testing, each shown failing where it must: a check
/// that could not fail would make every rule test that relies on it worthless.
/// </summary>
public sealed class VerifierTests
{
    [Fact]
    public Task Passes_WhenDiagnosticsMatch() => Verify.VerifyAnalyzerAsync("class C { int [|bad|]; int good; }");

    [Fact]
    public async Task Fails_WithTheSourcesAnnotated_WhenADiagnosticIsUnexpected()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify.VerifyAnalyzerAsync("class C { int bad; }"));

        Assert.Contains("expected \"0\" actual \"1\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("class C { int {|TEST0001:bad|}; }", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenTheMessageDiffers()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify.VerifyAnalyzerAsync(
            "class C { int {|#0:bad|}; }",
            Verify.Diagnostic("TEST0001").WithLocation(0).WithMessage("Field 'bad' is fine")));

        Assert.Contains("Field 'bad' is fine", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Field 'bad' is bad", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenTheSourceDoesNotCompile()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify.VerifyAnalyzerAsync("class C { int good = \"text\"; }"));

        Assert.Contains("do not compile", exception.Message, StringComparison.Ordinal);
        Assert.Contains("CS0029", exception.Message, StringComparison.Ordinal);
    }

    // Expecting the error does not make a broken source acceptable: only AllowCompilerErrors does.
    [Fact]
    public async Task Fails_WhenTheSourceDoesNotCompile_EvenIfTheErrorIsExpected()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify.VerifyAnalyzerAsync(
            "class C { int good = {|CS0029:\"text\"|}; }"));

        Assert.Contains("do not compile", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Passes_WithCompilerErrors_WhenTheTestAllowsThem() => new CSharpAnalyzerVerifier<BadFieldAnalyzer>.Test
    {
        AllowCompilerErrors = true,
        TestCode = "class C { int [|bad|] = \"text\"; void M( }",
    }.RunAsync();

    [Fact]
    public async Task Fails_WhenAnAnalyzerThrows()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => CSharpAnalyzerVerifier<ThrowingAnalyzer>.VerifyAnalyzerAsync("class C { }"));

        Assert.Contains("AD0001", exception.Message, StringComparison.Ordinal);
        Assert.Contains("boom", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenADiagnosticAppearsOnlyInAFullBuild()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CSharpAnalyzerVerifier<CompilationEndAnalyzer.Undeclared>.VerifyAnalyzerAsync("class C { int [|bad|]; }"));

        Assert.Contains("not in the per-document analysis the IDE runs", exception.Message, StringComparison.Ordinal);
    }

    // A rule that needs the whole compilation says so with the CompilationEnd tag; the IDE shows those after a build.
    [Fact]
    public Task Passes_WhenABuildOnlyDiagnosticIsDeclaredCompilationEnd() =>
        CSharpAnalyzerVerifier<CompilationEndAnalyzer.Declared>.VerifyAnalyzerAsync("class C { int [|bad|]; }");

    [Fact]
    public async Task Fails_WhenBareMarkupIsAmbiguous()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => CSharpAnalyzerVerifier<TwoIdAnalyzer>.VerifyAnalyzerAsync("class C { int [|bad|]; }"));

        Assert.Contains("Markup syntax can only omit the diagnostic ID if the first analyzer only supports a single diagnostic", exception.Message, StringComparison.Ordinal);
    }

    // Several descriptors may share an ID: named markup takes the ID, and an expected result checks the arguments.
    [Fact]
    public Task Diagnostic_ChecksTheIdAndArguments_WhenAnIdHasSeveralMessageShapes() => CSharpAnalyzerVerifier<TwoShapeAnalyzer>.VerifyAnalyzerAsync(
        "class C { int {|#0:bad|}; } class D { int {|TEST0003:bad|}; }",
        CSharpAnalyzerVerifier<TwoShapeAnalyzer>.Diagnostic("TEST0003").WithLocation(0).WithArguments("bad", "good"));

    [Fact]
    public async Task Diagnostic_FailsOnTheArguments_WhenAnIdHasSeveralMessageShapes()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => CSharpAnalyzerVerifier<TwoShapeAnalyzer>.VerifyAnalyzerAsync(
            "class C { int {|#0:bad|}; }",
            CSharpAnalyzerVerifier<TwoShapeAnalyzer>.Diagnostic("TEST0003").WithLocation(0).WithArguments("bad", "better")));

        Assert.Contains("Expected diagnostic message arguments to match", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task CodeFix_Passes_WhenTheFixedSourceMatches() => Verify.VerifyCodeFixAsync(
        "class C { int [|bad|]; }",
        "class C { int good; }");

    [Fact]
    public async Task CodeFix_Fails_WhenTheFixedSourceDiffers()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify.VerifyCodeFixAsync(
            "class C { int [|bad|]; }",
            "class C { int best; }"));

        Assert.Contains("content of '/0/Test0.cs' did not match", exception.Message, StringComparison.Ordinal);
        Assert.Contains("class C { int good; }", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task FixAll_FixesEveryDiagnosticInEveryScope() => Verify.VerifyFixAllAsync(
        new[] { "class C { int [|bad|]; } class D { int [|bad|]; }", "class E { int [|bad|]; }" },
        new[] { "class C { int good; } class D { int good; }", "class E { int good; }" });

    [Fact]
    public async Task CodeFix_Fails_WhenTheFixBreaksCompilation()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify.VerifyCodeFixAsync(
            "class C { int [|bad|]; int good; }",
            "class C { int good; int good; }"));

        Assert.Contains("do not compile", exception.Message, StringComparison.Ordinal);
        Assert.Contains("CS0102", exception.Message, StringComparison.Ordinal);
    }

    // The framework would fetch any package named in its ReferenceAssemblies; the references all come from files the
    // build already restored: the BCL's reference assemblies and the real packages of the APIs under test.
    [Fact]
    public void References_AreLocalFilesOfTheRealPackages()
    {
        var framework = TestReferences.Framework;
        Assert.Null(framework.ReferenceAssemblyPackage);
        Assert.Empty(framework.Packages);
        Assert.Empty(framework.Assemblies);

        var names = TestReferences.PackagePaths.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[] { "SafePrivacy", "Serilog", "NLog", "log4net", "Microsoft.EntityFrameworkCore", "OpenTelemetry.Api", "Microsoft.Extensions.Compliance.Abstractions", "Microsoft.Extensions.Compliance.Redaction", "MimeKit", "MailKit", "Microsoft.AspNetCore.Identity", "Microsoft.Extensions.Logging.Abstractions",
            "SendGrid", "Sentry", "Microsoft.ApplicationInsights", "Twilio", "Stripe.net", "Microsoft.Extensions.AI.Abstractions", "OpenAI", "Azure.AI.OpenAI",
            "Dapper", "StackExchange.Redis", "Azure.Storage.Blobs", "AWSSDK.S3", "MongoDB.Driver", "Elastic.Clients.Elasticsearch", "Azure.Storage.Common", "AWSSDK.Core", "MongoDB.Bson" })
        {
            Assert.Contains(expected, names);
        }

        Assert.All(TestReferences.PackagePaths, path => Assert.True(Path.IsPathRooted(path) && File.Exists(path), path));
        Assert.DoesNotContain(names, name => name!.StartsWith("xunit", StringComparison.Ordinal) || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.True(TestReferences.Default.Length > 100 + TestReferences.PackagePaths.Length - TestReferences.Compliance.Length, "The BCL's reference assemblies are missing.");

        // Compliance only where a test asks for it (it switches the flow rules on everywhere).
        Assert.Equal(
            new[] { "Microsoft.Extensions.Compliance.Abstractions", "Microsoft.Extensions.Compliance.Redaction" },
            TestReferences.Compliance.Select(r => Path.GetFileNameWithoutExtension(r.Display)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(TestReferences.Default, r => Path.GetFileName(r.Display ?? "").StartsWith("Microsoft.Extensions.Compliance", StringComparison.Ordinal));
    }
}
