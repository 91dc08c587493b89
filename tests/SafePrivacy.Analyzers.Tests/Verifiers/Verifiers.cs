using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>The Microsoft.CodeAnalysis.Testing shape for analyzer tests: switching to it later changes a using alias.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(new TAnalyzer()) { Sources = { source } };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>The Microsoft.CodeAnalysis.Testing shape for code fix tests.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        CSharpAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

    public static Task VerifyCodeFixAsync(string source, string fixedSource, int? iterations = null) =>
        new CodeFixTest(new TCodeFix(), new TAnalyzer()) { Sources = { source }, FixedSources = { fixedSource }, NumberOfFixIterations = iterations }.RunAsync();

    /// <summary>Fix All in every scope (document, project, solution) must give <paramref name="fixedSource"/>.</summary>
    public static async Task VerifyFixAllAsync(string source, string fixedSource)
    {
        foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
        {
            await new CodeFixTest(new TCodeFix(), new TAnalyzer()) { Sources = { source }, FixedSources = { fixedSource }, FixAllScope = scope }.RunAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Fix All across two documents of the project, in the project and solution scopes.</summary>
    public static async Task VerifyFixAllAsync(string[] sources, string[] fixedSources)
    {
        foreach (var scope in new[] { FixAllScope.Project, FixAllScope.Solution })
        {
            var test = new CodeFixTest(new TCodeFix(), new TAnalyzer()) { FixAllScope = scope };
            test.Sources.AddRange(sources);
            test.FixedSources.AddRange(fixedSources);
            await test.RunAsync().ConfigureAwait(false);
        }
    }
}
