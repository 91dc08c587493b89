using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Cli.Commands;
using SafePrivacy.Cli.Loading;
using SafePrivacy.Cli.Terminal;

namespace SafePrivacy.Cli.Scanning;

/// <summary>
/// Runs the SafePrivacy analyzers over each loaded project with that project's own options — its .editorconfig
/// severities, its additional files, its SafePrivacyMode — exactly as a build would, and collects what they report.
/// </summary>
internal static class Scanner
{

    public static async Task<ScanReport> ScanAsync(LoadedProjects loaded, SafePrivacyMode? modeOption, IStatus status, CancellationToken cancellationToken)
    {
        var findings = new List<(Finding, string)>();
        var projects = new List<ProjectScan>();
        var notices = new List<ScanNotice>();
        var files = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < loaded.Projects.Length; i++)
        {
            var project = loaded.Projects[i];
            status.Step($"Analysing {project.Name}", i + 1, loaded.Projects.Length);
            var result = await AnalyseAsync(project, modeOption, loaded.Target, cancellationToken).ConfigureAwait(false);
            findings.AddRange(result.Findings);
            projects.Add(result.Project);
            notices.AddRange(result.Notices);
            files.UnionWith(project.Documents.Concat(project.AdditionalDocuments).Select(d => d.FilePath).OfType<string>().Select(RelativeTo(loaded.Target.SourceRoot)));
        }

        return new ScanReport(
            loaded.Target,
            modeOption,
            projects.ToImmutableArray(),
            Fingerprints.Assign(Order(findings)),
            notices.Distinct().ToImmutableArray(),
            files.ToImmutableHashSet(StringComparer.Ordinal));
    }

    private static async Task<(List<(Finding, string)> Findings, ProjectScan Project, ImmutableArray<ScanNotice> Notices)> AnalyseAsync(
        Project project, SafePrivacyMode? modeOption, LoadTarget target, CancellationToken cancellationToken)
    {
        var mode = modeOption ?? ProjectMode(project);
        if (mode == SafePrivacyMode.Enforce)
        {
            project = EnforceConfig.Apply(project);
        }

        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"'{project.Name}' produced no compilation; check that it is a C# project that builds with 'dotnet build'.");
        var failures = new ConcurrentQueue<ScanNotice>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            // With a handler the driver reports a failing analyzer here instead of as an AD0001 diagnostic.
            (exception, analyzer, _) => failures.Enqueue(new ScanNotice("error", $"{analyzer.GetType().Name} failed in {project.Name}: {exception.Message}")),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);

        // One pass yields both: compiler errors tell whether the findings cover all the code or only what binds.
        var diagnostics = await compilation.WithAnalyzers(Rules.Analyzers, options).GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var findings = new List<(Finding, string)>();
        foreach (var diagnostic in diagnostics.Where(d => Rules.IsSafePrivacy(d.Id) && d.Severity != DiagnosticSeverity.Hidden))
        {
            var finding = ToFinding(diagnostic, target, project.Name);
            findings.Add((finding, await LineTextAsync(diagnostic, project, cancellationToken).ConfigureAwait(false) ?? finding.Message));
        }

        var compilerErrors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && !Rules.IsSafePrivacy(d.Id));
        var notices = failures.ToList();
        if (compilerErrors > 0)
        {
            notices.Add(new ScanNotice(
                "warning",
                $"{project.Name} has {compilerErrors} compiler error{(compilerErrors == 1 ? string.Empty : "s")}; the findings cover the code that binds, so fix the build for a complete scan."));
        }

        var projectPath = project.FilePath is { } path ? RelativePath(target.Root, path) : project.Name;
        return (findings, new ProjectScan(project.Name, projectPath, mode, compilerErrors), notices.ToImmutableArray());
    }

    /// <summary>The project's SafePrivacyMode, which the package's props hand the analyzers as a build property.</summary>
    private static SafePrivacyMode ProjectMode(Project project)
    {
        if (!project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.SafePrivacyMode", out var value)
            || string.IsNullOrWhiteSpace(value))
        {
            return SafePrivacyMode.Advisory;
        }

        return Enum.TryParse<SafePrivacyMode>(value.Trim(), ignoreCase: true, out var mode)
            ? mode
            : throw new UsageException($"{project.Name} sets SafePrivacyMode to '{value}'; set it to Advisory (the default) or Enforce.");
    }

    // The severity is the compiler's: the project's .editorconfig and, in Enforce mode, the package's global config.
    private static Finding ToFinding(Diagnostic diagnostic, LoadTarget target, string project)
    {
        var span = diagnostic.Location.GetLineSpan();
        var fullPath = string.IsNullOrEmpty(span.Path) ? null : span.Path;
        return new Finding(
            diagnostic.Id,
            Rules.Title(diagnostic.Id),
            diagnostic.Severity,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            fullPath is null ? string.Empty : RelativePath(target.Root, fullPath),
            fullPath is null ? string.Empty : RelativePath(target.SourceRoot, fullPath),
            fullPath,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            project);
    }

    /// <summary>The text of the diagnostic's first line in the source or additional file it is in, if it has one.</summary>
    private static async Task<string?> LineTextAsync(Diagnostic diagnostic, Project project, CancellationToken cancellationToken)
    {
        var location = diagnostic.Location;
        var text = location.SourceTree is { } tree
            ? await tree.GetTextAsync(cancellationToken).ConfigureAwait(false)
            : location.Kind == LocationKind.ExternalFile && project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == location.GetLineSpan().Path) is { } file
                ? await file.GetTextAsync(cancellationToken).ConfigureAwait(false)
                : null;
        var line = location.GetLineSpan().StartLinePosition.Line;
        return text is not null && line >= 0 && line < text.Lines.Count ? text.Lines[line].ToString() : null;
    }

    // A file compiled into several projects (shared sources, several target frameworks) is reported once.
    private static List<(Finding Finding, string LineText)> Order(IEnumerable<(Finding Finding, string LineText)> findings) => findings
        .GroupBy(f => (f.Finding.RuleId, f.Finding.FullPath, f.Finding.Line, f.Finding.Column, f.Finding.Message))
        .Select(g => g.First())
        .OrderBy(f => f.Finding.RuleId, StringComparer.Ordinal)
        .ThenBy(f => f.Finding.Path, StringComparer.Ordinal)
        .ThenBy(f => f.Finding.Line)
        .ThenBy(f => f.Finding.Column)
        .ThenBy(f => f.Finding.Message, StringComparer.Ordinal)
        .ToList();

    private static Func<string, string> RelativeTo(string root) => path => RelativePath(root, path);

    /// <summary>A path relative to the scanned root, with forward slashes, as SARIF and reports show it.</summary>
    public static string RelativePath(string root, string path) =>
        System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
}
