using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// One analyzer test: sources with diagnostic markup, optional additional files and .editorconfig, and the
/// diagnostics expected. The sources must compile; analysis must not throw; every diagnostic must appear in
/// document analysis too (as users see it while typing).
/// </summary>
public class AnalyzerTest
{
    public AnalyzerTest(params DiagnosticAnalyzer[] analyzers)
    {
        Analyzers = analyzers.ToImmutableArray();
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>Sources with markup. They are Test0.cs, Test1.cs … in order.</summary>
    public List<string> Sources { get; } = new();

    public List<(string Name, string Content)> AdditionalFiles { get; } = new();

    /// <summary>Lines for the <c>[*.cs]</c> section of an .editorconfig beside the sources.</summary>
    public string? EditorConfig { get; set; }

    /// <summary>Diagnostics expected besides those in the markup.</summary>
    public List<DiagnosticResult> ExpectedDiagnostics { get; } = new();

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Skip the check that sources compile: for half-typed code.</summary>
    public bool AllowCompilerErrors { get; set; }

    public virtual async Task RunAsync()
    {
        var (sources, expected) = ParseSources(Sources, ExpectedDiagnostics);
        var project = CreateProject(sources);
        await VerifyProjectAsync(project, sources, expected, "the test source").ConfigureAwait(false);
    }

    internal Project CreateProject(IReadOnlyList<string> sources) =>
        TestProject.Create(sources, AdditionalFiles, EditorConfig, LanguageVersion, OutputKind);

    /// <summary>
    /// Strips the markup from the sources and returns them with every expected diagnostic: those marked in the
    /// sources, and <paramref name="explicitResults"/> with their <c>{|#n:...|}</c> locations resolved.
    /// </summary>
    internal (List<string> Sources, List<DiagnosticResult> Expected) ParseSources(IEnumerable<string> markupSources, IEnumerable<DiagnosticResult> explicitResults)
    {
        var sources = new List<string>();
        var expected = new List<DiagnosticResult>();
        var locations = new Dictionary<int, (string Path, TextSpan Span)>();
        foreach (var markup in markupSources)
        {
            var (source, spans) = Markup.Parse(markup);
            var path = System.IO.Path.GetFileName(TestProject.SourcePath(sources.Count));
            foreach (var span in spans)
            {
                if (span.IsLocation)
                {
                    locations[span.LocationIndex] = (path, span.Span);
                }
                else
                {
                    expected.Add(new DiagnosticResult(span.Id ?? DefaultDiagnosticId()) { Path = path, MarkupSpan = span.Span });
                }
            }

            sources.Add(source);
        }

        foreach (var result in explicitResults)
        {
            if (result.MarkupLocation is not { } index)
            {
                expected.Add(result);
            }
            else if (locations.TryGetValue(index, out var location))
            {
                expected.Add(result with { Path = location.Path, MarkupSpan = location.Span });
            }
            else
            {
                throw new InvalidOperationException($"The expected diagnostic {result} refers to location {{|#{index}:...|}}, which no source marks.");
            }
        }

        return (sources, expected);
    }

    internal async Task VerifyProjectAsync(Project project, IReadOnlyList<string> sources, IReadOnlyList<DiagnosticResult> expected, string what)
    {
        await VerifyCompilesAsync(project, sources, what).ConfigureAwait(false);

        var actual = await AnalyzerRunner.AnalyzeAsync(project, Analyzers).ConfigureAwait(false);
        actual = actual.Where(IsFromAnalyzersUnderTest).ToImmutableArray();
        VerifyDiagnostics(expected, actual, sources, what);

        var live = (await AnalyzerRunner.AnalyzeDocumentsAsync(project, Analyzers).ConfigureAwait(false)).Where(IsFromAnalyzersUnderTest).ToList();
        var missingLive = actual
            .Where(d => !d.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))
            .Where(d => !live.Any(l => l.Id == d.Id && l.Location == d.Location))
            .ToList();
        if (missingLive.Count > 0)
        {
            throw new VerificationException(
                "These diagnostics appear in a full build but not in document analysis, so IDE users would not see them as they type:\n"
                + DiagnosticReport.DescribeAll(missingLive));
        }
    }

    private async Task VerifyCompilesAsync(Project project, IReadOnlyList<string> sources, string what)
    {
        if (AllowCompilerErrors)
        {
            return;
        }

        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new VerificationException(
                $"{Capitalise(what)} does not compile, so the analyzer would see a broken program:\n"
                + DiagnosticReport.DescribeAll(errors) + "\n\n" + AnnotatedSources(sources, errors));
        }
    }

    private static void VerifyDiagnostics(IReadOnlyList<DiagnosticResult> expected, IReadOnlyList<Diagnostic> actual, IReadOnlyList<string> sources, string what)
    {
        var defaultPath = System.IO.Path.GetFileName(TestProject.SourcePath(0));
        var pairs = Matching.Pair(expected, actual, (result, diagnostic) => result.Matches(diagnostic, result.Path ?? defaultPath, System.IO.Path.GetFileName));
        var missing = expected.Where((_, i) => pairs[i] < 0).ToList();
        var unmatched = actual.Where((_, j) => !pairs.Contains(j)).ToList();

        if (missing.Count == 0 && unmatched.Count == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.AppendLine($"The diagnostics in {what} are not the expected ones (expected {expected.Count}, actual {actual.Count}).");
        if (missing.Count > 0)
        {
            report.AppendLine("Missing (expected but not reported):");
            foreach (var result in missing)
            {
                report.AppendLine("  " + result);
            }
        }

        if (unmatched.Count > 0)
        {
            report.AppendLine("Unexpected (reported but not expected):");
            report.AppendLine(DiagnosticReport.DescribeAll(unmatched));
        }

        report.AppendLine("All actual diagnostics:");
        report.AppendLine(DiagnosticReport.DescribeAll(actual));
        report.AppendLine();
        report.Append(AnnotatedSources(sources, actual));
        throw new VerificationException(report.ToString());
    }

    internal static string AnnotatedSources(IReadOnlyList<string> sources, IEnumerable<Diagnostic> diagnostics)
    {
        var report = new StringBuilder();
        for (var i = 0; i < sources.Count; i++)
        {
            var path = TestProject.SourcePath(i);
            var inFile = diagnostics.Where(d => d.Location.IsInSource && d.Location.SourceTree!.FilePath == path);
            report.AppendLine($"{System.IO.Path.GetFileName(path)} annotated with the actual diagnostics:");
            report.AppendLine(DiagnosticReport.Annotate(sources[i], inFile));
        }

        return report.ToString();
    }

    private bool IsFromAnalyzersUnderTest(Diagnostic diagnostic) =>
        Analyzers.Any(a => a.SupportedDiagnostics.Any(d => d.Id == diagnostic.Id));

    private string DefaultDiagnosticId()
    {
        var ids = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().ToList();
        return ids.Count == 1
            ? ids[0]
            : throw new InvalidOperationException(
                $"'[|...|]' needs the analyzers under test to report one ID, but they report {string.Join(", ", ids)}; write {{|ID:...|}} instead.");
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
}
