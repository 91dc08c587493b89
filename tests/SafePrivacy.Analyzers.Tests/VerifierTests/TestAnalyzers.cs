using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Tests.VerifierTests;

// Small analyzers that exercise the test setup itself, independent of any SafePrivacy rule. They run only inside
// the tests, never in a compiler, and some are deliberately wrong — so the analyzer-authoring rules do not apply.
#pragma warning disable RS1036, RS1037, RS1038, RS1041, RS2008

/// <summary>Reports every field named <c>bad</c>, from a symbol action: visible live as well as in a build.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BadFieldAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("TEST0001", "Bad field", "Field '{0}' is bad", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ReportBadFields(context, Rule);
    }

    /// <summary>Reports <paramref name="rule"/> on each field named <c>bad</c>, with the name and then <paramref name="more"/> as arguments.</summary>
    public static void ReportBadFields(AnalysisContext context, DiagnosticDescriptor rule, params object[] more) =>
        context.RegisterSymbolAction(
            c =>
            {
                if (c.Symbol.Name == "bad")
                {
                    c.ReportDiagnostic(Diagnostic.Create(rule, c.Symbol.Locations[0], new object[] { c.Symbol.Name }.Concat(more).ToArray()));
                }
            },
            SymbolKind.Field);
}

/// <summary>Renames <c>bad</c> to <c>good</c>, which breaks the build where the type already has a <c>good</c>.</summary>
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

/// <summary>
/// Reports only at compilation end, so only a build shows the finding; with <see cref="Declared"/> its descriptor
/// says so (the <c>CompilationEnd</c> tag), as a rule that needs the whole compilation must.
/// </summary>
public abstract class CompilationEndAnalyzer : DiagnosticAnalyzer
{
    protected CompilationEndAnalyzer(DiagnosticDescriptor rule) => SupportedDiagnostics = ImmutableArray.Create(rule);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var bad = new ConcurrentBag<ISymbol>();
            start.RegisterSymbolAction(c => { if (c.Symbol.Name == "bad") { bad.Add(c.Symbol); } }, SymbolKind.Field);
            start.RegisterCompilationEndAction(c =>
            {
                foreach (var symbol in bad)
                {
                    c.ReportDiagnostic(Diagnostic.Create(SupportedDiagnostics[0], symbol.Locations[0], symbol.Name));
                }
            });
        });
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Undeclared : CompilationEndAnalyzer
    {
        public Undeclared()
            : base(BadFieldAnalyzer.Rule)
        {
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Declared : CompilationEndAnalyzer
    {
        public Declared()
            : base(new DiagnosticDescriptor("TEST0001", "Bad field", "Field '{0}' is bad", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd))
        {
        }
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

/// <summary>One ID with two message shapes, as several SafePrivacy rules have; reports the second shape.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TwoShapeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Short = new("TEST0003", "Bad field", "Field '{0}' is bad", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor Long = new("TEST0003", "Bad field", "Field '{0}' is bad; rename it to '{1}'", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Short, Long);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        BadFieldAnalyzer.ReportBadFields(context, Long, "good");
    }
}
