using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// A code fix test: the sources are verified as an analyzer test, then fixed one diagnostic at a time (or with
/// Fix All), and the result must equal the fixed sources, compile, and carry exactly the fixed sources' markup.
/// </summary>
public class CodeFixTest : AnalyzerTest
{
    public CodeFixTest(CodeFixProvider codeFix, params DiagnosticAnalyzer[] analyzers)
        : base(analyzers)
    {
        CodeFix = codeFix;
    }

    public CodeFixProvider CodeFix { get; }

    /// <summary>The expected sources after fixing, with markup for diagnostics that remain.</summary>
    public List<string> FixedSources { get; } = new();

    /// <summary>Diagnostics expected in the fixed sources besides those in their markup.</summary>
    public List<DiagnosticResult> FixedExpectedDiagnostics { get; } = new();

    /// <summary>Choose the fix with this equivalence key; by default the first one offered.</summary>
    public string? CodeActionEquivalenceKey { get; set; }

    /// <summary>
    /// When set, apply exactly this many rounds of fixes: for fixes that deliberately leave their diagnostic in place
    /// (a placeholder to fill in). By default fixes are applied until none is offered.
    /// </summary>
    public int? NumberOfFixIterations { get; set; }

    /// <summary>When set, fix with the provider's Fix All in this scope instead of one diagnostic at a time.</summary>
    public FixAllScope? FixAllScope { get; set; }

    public override async Task RunAsync()
    {
        await base.RunAsync().ConfigureAwait(false);

        var (sources, _) = ParseSources(Sources, ExpectedDiagnostics);
        var (fixedSources, fixedExpected) = ParseSources(FixedSources, FixedExpectedDiagnostics);
        var project = CreateProject(sources);
        project = FixAllScope is { } scope
            ? await FixAllAsync(project, scope).ConfigureAwait(false)
            : await FixOneAtATimeAsync(project, sources).ConfigureAwait(false);

        var documents = TestProject.SourceDocuments(project).ToList();
        for (var i = 0; i < fixedSources.Count; i++)
        {
            var actual = (await documents[i].GetTextAsync().ConfigureAwait(false)).ToString();
            if (actual != fixedSources[i])
            {
                throw new VerificationException(
                    $"After the fix, {documents[i].Name} is not the expected source.\nExpected:\n{fixedSources[i]}\nActual:\n{actual}\nFirst difference at offset {FirstDifference(fixedSources[i], actual)}.");
            }
        }

        await VerifyProjectAsync(project, fixedSources, fixedExpected, "the fixed source").ConfigureAwait(false);
    }

    private async Task<Project> FixOneAtATimeAsync(Project project, IReadOnlyList<string> sources)
    {
        if (NumberOfFixIterations is { } rounds)
        {
            for (var round = 0; round < rounds; round++)
            {
                var (action, _) = await FirstActionAsync(project).ConfigureAwait(false);
                if (action is null)
                {
                    throw new VerificationException($"Round {round + 1} of {rounds}: no fix was offered.");
                }

                project = await ApplyAsync(action, project).ConfigureAwait(false);
            }

            return project;
        }

        // Each round fixes one diagnostic; a fix that never converges would loop, so the rounds are bounded.
        var limit = (await FixableDiagnosticsAsync(project).ConfigureAwait(false)).Length + 1;
        for (var round = 0; round < limit; round++)
        {
            var (action, _) = await FirstActionAsync(project).ConfigureAwait(false);
            if (action is null)
            {
                return project;
            }

            project = await ApplyAsync(action, project).ConfigureAwait(false);
        }

        if ((await FirstActionAsync(project).ConfigureAwait(false)).Action is not null)
        {
            throw new VerificationException($"The fix did not converge after {limit} rounds: it keeps offering itself.\n" + AnnotatedSources(sources, await FixableDiagnosticsAsync(project).ConfigureAwait(false)));
        }

        return project;
    }

    private async Task<Project> FixAllAsync(Project project, FixAllScope scope)
    {
        var (action, diagnostic) = await FirstActionAsync(project).ConfigureAwait(false);
        if (action is null || diagnostic is null)
        {
            throw new VerificationException("No fix was offered for any diagnostic, so Fix All has nothing to start from.");
        }

        var provider = CodeFix.GetFixAllProvider()
            ?? throw new VerificationException($"{CodeFix.GetType().Name} offers no Fix All provider.");
        if (!provider.GetSupportedFixAllScopes().Contains(scope))
        {
            throw new VerificationException($"{CodeFix.GetType().Name}'s Fix All does not support the {scope} scope.");
        }

        var document = project.GetDocument(diagnostic.Location.SourceTree)!;
        var context = new FixAllContext(
            document,
            CodeFix,
            scope,
            action.EquivalenceKey,
            CodeFix.FixableDiagnosticIds,
            new ProjectDiagnosticProvider(Analyzers),
            CancellationToken.None);
        var fixAll = await provider.GetFixAsync(context).ConfigureAwait(false)
            ?? throw new VerificationException("Fix All produced no change.");
        return await ApplyAsync(fixAll, project).ConfigureAwait(false);
    }

    private async Task<ImmutableArray<Diagnostic>> FixableDiagnosticsAsync(Project project) =>
        (await AnalyzerRunner.AnalyzeAsync(project, Analyzers).ConfigureAwait(false))
            .Where(d => CodeFix.FixableDiagnosticIds.Contains(d.Id))
            .ToImmutableArray();

    private async Task<(CodeAction? Action, Diagnostic? Diagnostic)> FirstActionAsync(Project project)
    {
        foreach (var diagnostic in await FixableDiagnosticsAsync(project).ConfigureAwait(false))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await CodeFix.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            var chosen = CodeActionEquivalenceKey is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
            if (chosen is not null)
            {
                return (chosen, diagnostic);
            }
        }

        return (null, null);
    }

    private static async Task<Project> ApplyAsync(CodeAction action, Project project)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
        var change = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
            ?? throw new VerificationException($"The code action '{action.Title}' changes nothing.");
        return change.ChangedSolution.GetProject(project.Id)!;
    }

    private static int FirstDifference(string expected, string actual)
    {
        var length = Math.Min(expected.Length, actual.Length);
        for (var i = 0; i < length; i++)
        {
            if (expected[i] != actual[i])
            {
                return i;
            }
        }

        return length;
    }

    /// <summary>Gives Fix All the analyzers' diagnostics for a document or project, computed fresh.</summary>
    private sealed class ProjectDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

        public ProjectDiagnosticProvider(ImmutableArray<DiagnosticAnalyzer> analyzers) => _analyzers = analyzers;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return (await AnalyzerRunner.AnalyzeAsync(document.Project, _analyzers, cancellationToken).ConfigureAwait(false))
                .Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await AnalyzerRunner.AnalyzeAsync(project, _analyzers, cancellationToken).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await AnalyzerRunner.AnalyzeAsync(project, _analyzers, cancellationToken).ConfigureAwait(false))
                .Where(d => !d.Location.IsInSource);
    }
}
