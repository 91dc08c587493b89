using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Tests.VerifierTests;

// Small analyzers that exercise the verifier itself, independent of any SafePrivacy rule. They run only inside
// the tests, never in a compiler, and some are deliberately wrong — so the analyzer-authoring rules do not apply.
#pragma warning disable RS1036, RS1037, RS1038, RS1041, RS2008

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BadFieldAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("TEST0001", "Bad field", "Field '{0}' is bad", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(
            c =>
            {
                if (c.Symbol.Name == "bad")
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, c.Symbol.Locations[0], c.Symbol.Name));
                }
            },
            SymbolKind.Field);
    }
}

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class BadFieldCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TEST0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Rename to good",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(token, SyntaxFactory.Identifier("good").WithTriviaFrom(token)))),
                equivalenceKey: "RenameToGood"),
            context.Diagnostics);
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(BadFieldAnalyzer.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.NamedType);
    }
}

/// <summary>Reports only at compilation end without saying so: invisible in the IDE while typing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BuildOnlyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(BadFieldAnalyzer.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var bad = new System.Collections.Concurrent.ConcurrentBag<ISymbol>();
            start.RegisterSymbolAction(c => { if (c.Symbol.Name == "bad") { bad.Add(c.Symbol); } }, SymbolKind.Field);
            start.RegisterCompilationEndAction(c =>
            {
                foreach (var symbol in bad)
                {
                    c.ReportDiagnostic(Diagnostic.Create(BadFieldAnalyzer.Rule, symbol.Locations[0], symbol.Name));
                }
            });
        });
    }
}

/// <summary>Reports two IDs, so bare <c>[|...|]</c> markup is ambiguous.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TwoIdAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Other = new("TEST0002", "Other", "Other", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(BadFieldAnalyzer.Rule, Other);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
    }
}
