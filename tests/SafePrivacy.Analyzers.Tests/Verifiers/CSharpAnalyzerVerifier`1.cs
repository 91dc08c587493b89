using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// Analyzer tests, the roslyn-analyzers way: <c>using Verify = CSharpAnalyzerVerifier&lt;TheAnalyzer&gt;;</c> then
/// <c>Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SP2001").WithLocation(0).WithArguments(...))</c>.
/// The same <see cref="Test"/> as the code fix tests, with no fix.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <inheritdoc cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}.Diagnostic()"/>
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.Diagnostic();

    /// <inheritdoc cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}.Diagnostic(string)"/>
    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.Diagnostic(diagnosticId);

    /// <inheritdoc cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}.Diagnostic(DiagnosticDescriptor)"/>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected) =>
        CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.VerifyAnalyzerAsync(source, expected);

    /// <summary>An analyzer test to configure further: sources, additional files, .editorconfig, compiler errors allowed.</summary>
    public sealed class Test : CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.Test
    {
    }
}
