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

    /// <summary>Recorded in the baseline the scan was compared with: reported, but it does not fail the scan.</summary>
    public bool Known { get; init; }

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

/// <summary>
/// How the findings compare with a baseline of <paramref name="Entries"/> entries: known (recorded), new, and entries
/// that no longer match (fixed); or, when <paramref name="Updated"/>, the baseline just written.
/// </summary>
internal sealed record BaselineComparison(string File, int Entries, int Known, int New, int Fixed, bool Updated);

/// <summary>The files a <c>--changed-since</c> scan reports on, relative to SRCROOT.</summary>
internal sealed record ChangedScope(string Reference, ImmutableHashSet<string> Files);

/// <summary>Everything a scan found, ready to render; findings in rule, file and line order.</summary>
internal sealed record ScanReport
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
    public ImmutableHashSet<string> AnalysedFiles { get; init; }

    /// <summary>Set when the scan was compared with a baseline (or wrote one).</summary>
    public BaselineComparison? Baseline { get; init; }

    /// <summary>Set when the report covers only files changed since a git ref.</summary>
    public ChangedScope? ChangedSince { get; init; }

    /// <summary>The findings that fail a scan: all of them, or those a baseline does not know.</summary>
    public ImmutableArray<Finding> NewFindings => Findings.Where(f => !f.Known).ToImmutableArray();

    /// <summary>
    /// The report restricted to the files changed since a ref: findings elsewhere, and findings without a file, are
    /// dropped; so are the other files from what the scan counts as analysed (a baseline entry there is not fixed).
    /// </summary>
    public ScanReport OnlyIn(ChangedScope changed) => this with
    {
        Findings = Findings.Where(f => f.FullPath is not null && changed.Files.Contains(f.SourcePath)).ToImmutableArray(),
        AnalysedFiles = AnalysedFiles.Intersect(changed.Files),
        ChangedSince = changed,
    };

    /// <summary>What was scanned, as the user named it.</summary>
    public string Target { get; }

    /// <summary>The --mode given, or null when each project's own mode applied.</summary>
    public SafePrivacyMode? ModeOption { get; }

    public ImmutableArray<ProjectScan> Projects { get; }

    public ImmutableArray<Finding> Findings { get; init; }

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
            FailOn.Warning => NewFindings.Any(f => f.Severity >= DiagnosticSeverity.Warning),
            _ => NewFindings.Any(f => f.Severity == DiagnosticSeverity.Error),
        };
        return failing ? CliApplication.FindingsFound : CliApplication.Success;
    }

    /// <summary>
    /// "19 findings (2 errors, 17 warnings, 0 info) in 1 project", then what a baseline made of them ("; 18 known from
    /// the baseline, 1 new; 2 baseline entries no longer match (fixed)").
    /// </summary>
    public string Summary()
    {
        var findings = Plural(Findings.Length, "finding");
        var projects = Plural(Projects.Length, "project");
        var summary = $"{findings} ({Count(DiagnosticSeverity.Error)} errors, {Count(DiagnosticSeverity.Warning)} warnings, {Count(DiagnosticSeverity.Info)} info) in {projects}";
        if (ChangedSince is { } changed)
        {
            summary += $", in the {Plural(changed.Files.Count, "file")} changed since {changed.Reference}";
        }

        if (Baseline is { } baseline)
        {
            var fixedEntries = baseline.Fixed == 1 ? "1 baseline entry no longer matches" : $"{baseline.Fixed} baseline entries no longer match";
            summary += baseline.Updated
                ? $"; recorded in the baseline {baseline.File} ({(baseline.Entries == 1 ? "1 entry" : $"{baseline.Entries} entries")} in all)"
                : $"; {baseline.Known} known from the baseline, {baseline.New} new; {fixedEntries} (fixed)";
        }

        return summary;
    }

    /// <summary>"Advisory mode", or with the scope of a partial scan: "Advisory mode, files changed since origin/main".</summary>
    public string ScopeDescription => ChangedSince is { } changed
        ? $"{ModeDescription} mode, files changed since {changed.Reference}"
        : $"{ModeDescription} mode";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>The rules with findings, in ID order, each with its findings.</summary>
    public ImmutableArray<IGrouping<string, Finding>> ByRule() =>
        Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToImmutableArray();
}
