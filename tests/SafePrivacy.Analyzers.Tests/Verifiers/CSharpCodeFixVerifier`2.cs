using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// Code fix tests, the roslyn-analyzers way: <c>using Verify = CSharpCodeFixVerifier&lt;TheAnalyzer, TheFix&gt;;</c>
/// then <c>Verify.VerifyCodeFixAsync(before, after)</c>. Every fix test applies the fix one diagnostic at a time
/// and with Fix All in the document, project and solution scopes; each must give the fixed source.
/// </summary>
public static partial class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
{
    /// <summary>The diagnostic the analyzer reports when it reports only one ID.</summary>
    public static DiagnosticResult Diagnostic()
    {
        var ids = new TAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
        return ids.Count == 1
            ? Diagnostic(ids[0])
            : throw new InvalidOperationException($"{typeof(TAnalyzer).Name} reports {string.Join(", ", ids)}: name the one expected.");
    }

    /// <summary>
    /// A diagnostic with this ID and the ID's severity. An ID can have several descriptors (one per message shape),
    /// so the message is checked only where the test states it (<c>WithMessage</c>) or its arguments
    /// (<c>WithArguments</c>). Additional locations are the engine's data for code fixes, checked by the fix tests.
    /// </summary>
    public static DiagnosticResult Diagnostic(string diagnosticId)
    {
        var descriptor = new TAnalyzer().SupportedDiagnostics.FirstOrDefault(d => d.Id == diagnosticId)
            ?? throw new ArgumentException($"{typeof(TAnalyzer).Name} does not report {diagnosticId}.", nameof(diagnosticId));
        return new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
    }

    /// <summary>A diagnostic of this descriptor: its message format is checked, so give the arguments.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
        new DiagnosticResult(descriptor).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// Fixing <paramref name="source"/> gives <paramref name="fixedSource"/>, one diagnostic at a time and with Fix All
    /// in every scope. <c>iterations: 1</c> applies one round only (one fix, or one Fix All), for a fix that
    /// deliberately leaves its diagnostic in place: a placeholder to fill in.
    /// </summary>
    public static Task VerifyCodeFixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, int? iterations = null) =>
        VerifyCodeFixAsync(new[] { source }, new[] { fixedSource }, iterations);

    /// <summary>As <see cref="VerifyCodeFixAsync(string, string, int?)"/>, with diagnostics expected besides the markup's.</summary>
    public static Task VerifyCodeFixAsync([StringSyntax("C#-test")] string source, DiagnosticResult[] expected, [StringSyntax("C#-test")] string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Fix All (and each fix on its own) turns the diagnostics of <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    public static Task VerifyFixAllAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource) =>
        VerifyCodeFixAsync(new[] { source }, new[] { fixedSource }, iterations: null);

    /// <summary>Fix All across the documents of one project: Test0.cs, Test1.cs … in order.</summary>
    public static Task VerifyFixAllAsync(string[] sources, string[] fixedSources) =>
        VerifyCodeFixAsync(sources, fixedSources, iterations: null);

    private static Task VerifyCodeFixAsync(string[] sources, string[] fixedSources, int? iterations)
    {
        var test = new Test();
        if (iterations is { } rounds)
        {
            test.CodeFixTestBehaviors |= rounds == 1
                ? CodeFixTestBehaviors.FixOne
                : throw new ArgumentOutOfRangeException(nameof(iterations), rounds, "A fix that keeps its diagnostic is applied for one round; any more and it would be applied to its own result.");
            test.NumberOfIncrementalIterations = rounds;
            test.NumberOfFixAllIterations = rounds;
        }

        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var fixedSource in fixedSources)
        {
            test.FixedState.Sources.Add(fixedSource);
        }

        return test.RunAsync(CancellationToken.None);
    }
}
