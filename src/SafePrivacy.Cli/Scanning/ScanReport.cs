using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Cli.Commands;
using SafePrivacy.Cli.Loading;

namespace SafePrivacy.Cli.Scanning;

/// <summary>
/// One SafePrivacy diagnostic, with the severity the project and mode give it, its path relative to the scanned root
/// (<see cref="Path"/>, for people) and to SRCROOT (<see cref="SourcePath"/>, for SARIF and baselines), and its
/// <see cref="Fingerprint"/>.
/// </summary>
internal sealed record Finding(
    string RuleId,
    string Title,
    DiagnosticSeverity Severity,
    string Message,
    string Path,
    string SourcePath,
    string? FullPath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Project)
{
    public string HelpUri => Rules.HelpUri(RuleId);

    /// <summary>Stable across unrelated edits (see <see cref="Fingerprints"/>); empty until the scan assigns it.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>'error', 'warning' or 'info', as compilers print them.</summary>
    public string Level => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

/// <summary>What the scan found about one project besides its findings.</summary>
internal sealed record ProjectScan(string Name, string Path, SafePrivacyMode Mode, int CompilerErrors);

/// <summary>A problem with the scan itself, not the code: an analyzer that failed, a project that does not compile.</summary>
internal sealed record ScanNotice(string Level, string Message);

/// <summary>Everything a scan found, ready to render; findings in rule, file and line order.</summary>
internal sealed class ScanReport
{
    public ScanReport(
        LoadTarget target,
        SafePrivacyMode? modeOption,
        ImmutableArray<ProjectScan> projects,
        ImmutableArray<Finding> findings,
        ImmutableArray<ScanNotice> notices,
        ImmutableHashSet<string> analysedFiles)
    {
        Root = target.Root;
        SourceRoot = target.SourceRoot;
        Target = target.Display;
        ModeOption = modeOption;
        Projects = projects;
        Findings = findings;
        Notices = notices;
        AnalysedFiles = analysedFiles;
    }

    /// <summary>The folder paths are relative to.</summary>
    public string Root { get; }

    /// <summary>SRCROOT: the enclosing git repository's root, else <see cref="Root"/>.</summary>
    public string SourceRoot { get; }

    /// <summary>Every source and additional file the scan analysed, relative to <see cref="SourceRoot"/>.</summary>
    public ImmutableHashSet<string> AnalysedFiles { get; }

    /// <summary>What was scanned, as the user named it.</summary>
    public string Target { get; }

    /// <summary>The --mode given, or null when each project's own mode applied.</summary>
    public SafePrivacyMode? ModeOption { get; }

    public ImmutableArray<ProjectScan> Projects { get; }

    public ImmutableArray<Finding> Findings { get; }

    public ImmutableArray<ScanNotice> Notices { get; }

    public int Count(DiagnosticSeverity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>"Advisory", "Enforce", or "per project" when projects differ.</summary>
    public string ModeDescription
    {
        get
        {
            var modes = Projects.Select(p => p.Mode).Distinct().ToList();
            return modes.Count == 1 ? modes[0].ToString() : "per project";
        }
    }

    /// <summary>
    /// 0 when no finding reaches --fail-on, 1 when one does; 2 when an analyzer failed, whatever --fail-on says: the
    /// scan did not cover the code, and a build server must not take that for a pass.
    /// </summary>
    public int ExitCode(FailOn failOn)
    {
        if (Notices.Any(n => n.Level == "error"))
        {
            return CliApplication.UsageError;
        }

        var failing = failOn switch
        {
            FailOn.None => false,
            FailOn.Warning => Findings.Any(f => f.Severity >= DiagnosticSeverity.Warning),
            _ => Findings.Any(f => f.Severity == DiagnosticSeverity.Error),
        };
        return failing ? CliApplication.FindingsFound : CliApplication.Success;
    }

    /// <summary>"19 findings (2 errors, 17 warnings, 0 info) in 1 project".</summary>
    public string Summary()
    {
        var findings = Findings.Length == 1 ? "1 finding" : $"{Findings.Length} findings";
        var projects = Projects.Length == 1 ? "1 project" : $"{Projects.Length} projects";
        return $"{findings} ({Count(DiagnosticSeverity.Error)} errors, {Count(DiagnosticSeverity.Warning)} warnings, {Count(DiagnosticSeverity.Info)} info) in {projects}";
    }

    /// <summary>The rules with findings, in ID order, each with its findings.</summary>
    public ImmutableArray<IGrouping<string, Finding>> ByRule() =>
        Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToImmutableArray();
}
