using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SafePrivacy.Cli.Commands;
using SafePrivacy.Cli.Tests.Infrastructure;

namespace SafePrivacy.Cli.Tests;

/// <summary>
/// The scan of the forum written with mistakes finds exactly the findings its source marks, and every report format
/// carries all of them: each format is parsed back and compared with the markers.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed partial class ScanFormatTests
{
    private readonly SampleFixture _samples;

    public ScanFormatTests(SampleFixture samples) => _samples = samples;

    private static HashSet<(string File, int Line, string Id)> Expected => Markers.Expected("Forum.Mistakes");

    [Fact]
    public void Scan_FindsExactlyTheMarkedFindings()
    {
        var actual = _samples.MistakesScan.Findings.Select(f => (Path.GetFileName(f.Path), f.Line, f.RuleId)).ToHashSet();

        AssertSameFindings(actual);
        Assert.Equal(Expected.Count, _samples.MistakesScan.Findings.Length);
    }

    [Fact]
    public void Scan_HonoursTheProjectsEditorConfig()
    {
        // SP1004 is an error by default; the sample's .editorconfig makes it a warning, so the sample still builds.
        var retention = _samples.MistakesScan.Findings.Where(f => f.RuleId == "SP1004").ToList();

        Assert.Equal(2, retention.Count);
        Assert.All(retention, f => Assert.Equal(DiagnosticSeverity.Warning, f.Severity));
        Assert.Equal(SafePrivacyMode.Advisory, Assert.Single(_samples.MistakesScan.Projects).Mode);
    }

    [Fact]
    public void Scan_OfTheCompliantForum_FindsNothing()
    {
        Assert.Empty(_samples.CompliantScan.Findings);
        Assert.Equal(0, Assert.Single(_samples.CompliantScan.Projects).CompilerErrors);
        Assert.Contains("No SafePrivacy findings in 1 project.", Render.Text(_samples.CompliantScan), StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCode_FollowsFailOn()
    {
        // Advisory findings are warnings: they fail the scan only when asked to.
        Assert.Equal(0, _samples.MistakesScan.ExitCode(FailOn.Error));
        Assert.Equal(1, _samples.MistakesScan.ExitCode(FailOn.Warning));
        Assert.Equal(0, _samples.MistakesScan.ExitCode(FailOn.None));
        Assert.Equal(0, _samples.CompliantScan.ExitCode(FailOn.Warning));
    }

    [Fact]
    public void Paths_AreRelativeToTheScannedRoot()
    {
        Assert.All(_samples.MistakesScan.Findings, f =>
        {
            Assert.False(Path.IsPathRooted(f.Path), f.Path);
            Assert.True(File.Exists(Path.Combine(Repository.Sample("Forum.Mistakes"), f.Path)), f.Path);
        });
    }

    [Fact]
    public void Text_GroupsByRuleThenFile_AndCarriesEveryFinding()
    {
        var text = Render.Text(_samples.MistakesScan);
        var parsed = new HashSet<(string, int, string)>();
        string? rule = null;
        string? file = null;
        foreach (var line in text.Split('\n'))
        {
            if (TextRule().Match(line) is { Success: true } ruleMatch)
            {
                rule = ruleMatch.Groups[1].Value;
                file = null;
            }
            else if (TextFile().Match(line) is { Success: true } fileMatch)
            {
                file = fileMatch.Groups[1].Value;
            }
            else if (TextFinding().Match(line) is { Success: true } finding)
            {
                Assert.NotNull(rule);
                Assert.NotNull(file);
                parsed.Add((Path.GetFileName(file!), int.Parse(finding.Groups[1].Value), rule!));
            }
        }

        AssertSameFindings(parsed);
        Assert.Contains("23 findings (0 errors, 23 warnings, 0 info) in 1 project.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_SummaryTableCountsEachRule()
    {
        var rows = TableRow().Matches(Render.Text(_samples.MistakesScan))
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
        var expected = Expected.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(expected.OrderBy(p => p.Key), rows.OrderBy(p => p.Key));
    }

    [Fact]
    public void Json_ParsesBackToEveryFinding()
    {
        using var json = JsonDocument.Parse(Render.Json(_samples.MistakesScan));
        var root = json.RootElement;
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        var parsed = findings.Select(f => (Path.GetFileName(f.GetProperty("file").GetString()!), f.GetProperty("line").GetInt32(), f.GetProperty("ruleId").GetString()!)).ToHashSet();

        AssertSameFindings(parsed);
        Assert.Equal(findings.Count, root.GetProperty("summary").GetProperty("total").GetInt32());
        Assert.Equal(findings.Count, root.GetProperty("summary").GetProperty("warnings").GetInt32());
        Assert.Equal("Advisory", root.GetProperty("mode").GetString());
        Assert.All(findings, f => Assert.EndsWith($"docs/rules/{f.GetProperty("ruleId").GetString()}.md", f.GetProperty("helpUri").GetString(), StringComparison.Ordinal));
        Assert.Equal("Forum.Mistakes.csproj", Assert.Single(root.GetProperty("projects").EnumerateArray().ToList()).GetProperty("path").GetString());
    }

    [Fact]
    public void Markdown_HasATablePerRuleAndFile_WithEveryFinding()
    {
        var markdown = Render.Markdown(_samples.MistakesScan);
        var parsed = new HashSet<(string, int, string)>();
        string? rule = null;
        string? file = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (MarkdownRule().Match(line) is { Success: true } ruleMatch)
            {
                rule = ruleMatch.Groups[1].Value;
            }
            else if (MarkdownFile().Match(line) is { Success: true } fileMatch)
            {
                file = fileMatch.Groups[1].Value;
            }
            else if (MarkdownFinding().Match(line) is { Success: true } finding)
            {
                parsed.Add((Path.GetFileName(file!), int.Parse(finding.Groups[1].Value), rule!));
            }
        }

        AssertSameFindings(parsed);
        Assert.Contains("[SP5001](https://github.com/safeprivacy/safeprivacy/blob/main/docs/rules/SP5001.md)", markdown, StringComparison.Ordinal);
    }

    private static void AssertSameFindings(IReadOnlySet<(string File, int Line, string Id)> actual)
    {
        var missing = Expected.Except(actual).ToList();
        var unexpected = actual.Except(Expected).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0, $"Missing: {Markers.Describe(missing)}\nUnexpected: {Markers.Describe(unexpected)}");
    }

    [GeneratedRegex(@"^(SP\d{4})  ")]
    private static partial Regex TextRule();

    [GeneratedRegex(@"^  (\S.*)$")]
    private static partial Regex TextFile();

    [GeneratedRegex(@"^    (\d+):(\d+)  (error|warning|info)  \S")]
    private static partial Regex TextFinding();

    [GeneratedRegex(@"│ (SP\d{4}) .*│\s+(\d+) │")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^## (SP\d{4}): ")]
    private static partial Regex MarkdownRule();

    [GeneratedRegex(@"^### `(.+)`$")]
    private static partial Regex MarkdownFile();

    [GeneratedRegex(@"^\| (\d+):(\d+) \| (error|warning|info) \| .+ \|$")]
    private static partial Regex MarkdownFinding();
}
