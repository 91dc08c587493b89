using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using SafePrivacy.Analyzers.Tests.Conventions;
using SafePrivacy.Analyzers.Tests.Verifiers;

namespace SafePrivacy.Analyzers.Tests.Robustness;

/// <summary>
/// A code fix never breaks the build: every fix any provider offers, for every diagnostic the rule tests' sources
/// produce, applied on its own, adds no compiler error.
/// </summary>
public sealed class CodeFixSafetyTests
{
    private static readonly ImmutableArray<CodeFixProvider> Fixers = Assembly.Load(new AssemblyName("SafePrivacy.CodeFixes"))
        .GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [Fact]
    public async Task EveryOfferedFix_KeepsTheCodeCompiling()
    {
        var applied = 0;
        var appliedBy = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var broken = new ConcurrentBag<(string Origin, string Report)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(RobustnessCorpus.TestSnippets, parallel, async (source, cancellationToken) =>
        {
            foreach (var outcome in await ApplyEveryFixAsync(source, cancellationToken))
            {
                Interlocked.Increment(ref applied);
                appliedBy.AddOrUpdate(outcome.Fixer, 1, (_, count) => count + 1);
                if (outcome.NewErrors.Count > 0)
                {
                    broken.Add((source.Origin, $"{source.Origin}: '{outcome.Fix}' for {outcome.Diagnostic} adds:\n  "
                        + string.Join("\n  ", outcome.NewErrors) + "\n--- fixed source ---\n" + outcome.FixedText + "\n--- end ---"));
                }
            }
        });

        // Every fixer must have been applied somewhere, or this test would prove nothing about it.
        Assert.Empty(Fixers.Select(f => f.GetType().Name).Except(appliedBy.Keys));
        var reports = broken.OrderBy(b => b.Origin, StringComparer.Ordinal).Select(b => b.Report).ToList();
        Assert.True(reports.Count == 0, $"{reports.Count} of {applied} fixes break compilation; the first ones:\n\n" + string.Join("\n\n", reports.Take(3)));
    }

    private static async Task<List<FixOutcome>> ApplyEveryFixAsync(CorpusSource source, CancellationToken cancellationToken)
    {
        var project = TestProject.Create(new[] { source.Text }, Array.Empty<(string, string)>(), null, LanguageVersion.Latest, OutputKind.DynamicallyLinkedLibrary);
        var before = Errors(await project.GetCompilationAsync(cancellationToken));
        var diagnostics = await AnalyzerRunner.AnalyzeAsync(project, AnalyzerConventionTests.Analyzers, cancellationToken);
        var outcomes = new List<FixOutcome>();
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken));
                foreach (var action in actions)
                {
                    var described = $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition}";
                    var fixedProject = await ApplyAsync(action, project, cancellationToken);
                    var after = Errors(await fixedProject.GetCompilationAsync(cancellationToken));
                    var added = after.Except(before).OrderBy(e => e, StringComparer.Ordinal).ToList();
                    var fixedText = (await fixedProject.GetDocument(document.Id)!.GetTextAsync(cancellationToken)).ToString();
                    outcomes.Add(new FixOutcome(fixer.GetType().Name, action.Title, described, added, fixedText));
                }
            }
        }

        return outcomes;
    }

    private static async Task<Project> ApplyAsync(CodeAction action, Project project, CancellationToken cancellationToken)
    {
        foreach (var operation in await action.GetOperationsAsync(cancellationToken))
        {
            if (operation is ApplyChangesOperation apply)
            {
                return apply.ChangedSolution.GetProject(project.Id)!;
            }
        }

        return project;
    }

    // Errors compared by ID and message: a fix moves code, so positions cannot identify "the same" error.
    private static HashSet<string> Errors(Compilation? compilation) =>
        (compilation?.GetDiagnostics() ?? ImmutableArray<Diagnostic>.Empty)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}")
            .ToHashSet(StringComparer.Ordinal);

    private sealed record FixOutcome(string Fixer, string Fix, string Diagnostic, List<string> NewErrors, string FixedText);
}
