using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SafePrivacy.Cli.Tests.Infrastructure;

namespace SafePrivacy.Cli.Tests;

/// <summary>
/// Baselines for adopting SafePrivacy on existing code: recorded findings are known and pass, new ones fail, and the
/// match survives edits that move lines or add files; entries that match nothing any more are counted as fixed.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed class BaselineTests
{
    [Fact]
    public async Task UpdateBaseline_RecordsTheFindings_SoTheNextScanPasses()
    {
        using var folder = Shop();
        var baseline = folder.Combine("safeprivacy.baseline.json");

        var update = await Tool.RunAsync("scan", folder.Path, "--mode", "enforce", "--baseline", baseline, "--update-baseline");
        var entry = Assert.Single(Entries(baseline));
        var scan = await Tool.RunAsync("scan", folder.Path, "--mode", "enforce", "--baseline", baseline, "--format", "json");

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains($"Wrote the baseline {baseline}: 1 findings of this scan, 1 entries in all.", update.Error, StringComparison.Ordinal);
        Assert.Equal(("SP2001", "Signup.cs"), (entry.GetProperty("ruleId").GetString(), entry.GetProperty("file").GetString()));
        Assert.True(scan.ExitCode == 0, scan.ToString());
        using var json = JsonDocument.Parse(scan.Output);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal(("error", "known"), (finding.GetProperty("severity").GetString(), finding.GetProperty("baseline").GetString()));
        Assert.Equal(entry.GetProperty("fingerprint").GetString(), finding.GetProperty("fingerprint").GetString());
        Assert.Equal((1, 0, 0), Counts(json));
    }

    [Fact]
    public async Task Baseline_FailsOnlyOnNewFindings_AfterLinesMovedAndAFileWasAdded()
    {
        using var folder = Shop();
        var baseline = folder.Combine("baseline.json");
        await UpdateAsync(folder, baseline);
        folder.File("Signup.cs", "// A comment and a blank line push the known finding down.\n\n" + ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        folder.File("Orders.cs", ScratchProject.Logging("Orders"));

        var text = await Tool.RunAsync("scan", folder.Path, "--mode", "enforce", "--baseline", baseline);
        var json = await Tool.RunAsync("scan", folder.Path, "--mode", "enforce", "--baseline", baseline, "--format", "json");

        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Contains("    19:84  error (known)  'Customer.Email'", text.Output, StringComparison.Ordinal);
        Assert.Contains("    5:79  error  'Customer.Email'", text.Output, StringComparison.Ordinal);
        Assert.Contains("2 findings (2 errors, 0 warnings, 0 info) in 1 project; 1 known from the baseline, 1 new; 0 baseline entries no longer match (fixed).", text.Output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json.Output);
        Assert.Equal(
            new[] { ("Orders.cs", "new"), ("Signup.cs", "known") },
            report.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("baseline").GetString()!)).OrderBy(f => f.Item1));
    }

    [Fact]
    public async Task Baseline_CountsTheEntriesThatNoLongerMatch_AsFixed()
    {
        using var folder = Shop();
        folder.File("Orders.cs", ScratchProject.Logging("Orders"));
        var baseline = folder.Combine("baseline.json");
        await UpdateAsync(folder, baseline);
        File.Delete(folder.Combine("Orders.cs"));

        var result = await Tool.RunAsync("scan", folder.Path, "--mode", "enforce", "--baseline", baseline, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal((1, 0, 1), Counts(json));
    }

    [Fact]
    public async Task Baseline_OfTheWholeRepository_MatchesAScanOfOneFolder_AndKeepsTheRestWhenUpdated()
    {
        // Entries are relative to SRCROOT, so a baseline written from the top works for a job that scans src/App;
        // entries for src/Admin are neither "fixed" by that scan nor dropped when it updates the baseline.
        using var repository = new TempFolder();
        await Git.InitAsync(repository.Path);
        foreach (var name in new[] { "App", "Admin" })
        {
            repository.File($"src/{name}/{name}.csproj", ScratchProject.ProjectFile());
            repository.File($"src/{name}/Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        }

        var baseline = repository.Combine("baseline.json");
        var whole = await Tool.RunAsync("scan", repository.Path, "--baseline", baseline, "--update-baseline");
        repository.File("src/App/Orders.cs", ScratchProject.Logging("Orders"));
        var app = await Tool.RunAsync("scan", repository.Combine("src/App"), "--fail-on", "warning", "--baseline", baseline, "--format", "json");
        var appUpdate = await Tool.RunAsync("scan", repository.Combine("src/App"), "--baseline", baseline, "--update-baseline");

        Assert.True(whole.ExitCode == 0, whole.ToString());
        Assert.True(app.ExitCode == 1, app.ToString());
        using var json = JsonDocument.Parse(app.Output);
        Assert.Equal((1, 1, 0), Counts(json));
        Assert.True(appUpdate.ExitCode == 0, appUpdate.ToString());
        Assert.Equal(
            new[] { "src/Admin/Signup.cs", "src/App/Orders.cs", "src/App/Signup.cs" },
            Entries(baseline).Select(e => e.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task Baseline_IsWrittenTheSameAfterUnrelatedEdits()
    {
        // No line numbers or dates in the file: refreshing it after edits elsewhere leaves nothing to review.
        using var folder = Shop();
        var baseline = folder.Combine("baseline.json");
        await UpdateAsync(folder, baseline);
        var before = File.ReadAllText(baseline);
        folder.File("Signup.cs", "\n\n\n" + ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        await UpdateAsync(folder, baseline);

        Assert.Equal(before, File.ReadAllText(baseline));
    }

    [Fact]
    public async Task SarifAndMarkdown_MarkEachFindingNewOrKnown()
    {
        using var folder = Shop();
        var baseline = folder.Combine("baseline.json");
        await UpdateAsync(folder, baseline);
        folder.File("Orders.cs", ScratchProject.Logging("Orders"));

        var result = await Tool.RunAsync("scan", folder.Path, "--baseline", baseline, "--format", "sarif");

        Assert.True(result.ExitCode == 0, result.ToString());
        var errors = (await SarifTests.Schema.Value).Validate(result.Output);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        using var sarif = JsonDocument.Parse(result.Output);
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(
            new[] { ("Orders.cs", "new"), ("Signup.cs", "unchanged") },
            run.GetProperty("results").EnumerateArray()
                .Select(r => (r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!, r.GetProperty("baselineState").GetString()!))
                .OrderBy(r => r.Item1));
        Assert.Equal(0, run.GetProperty("properties").GetProperty("baselineFixed").GetInt32());

        var markdown = await Tool.RunAsync("scan", folder.Path, "--baseline", baseline, "--format", "markdown");
        Assert.Contains("| Rule | Title | Findings | New |", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| 2 | 1 |\n", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| 5:79 | warning | **new** | 'Customer.Email'", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| 17:84 | warning | known | 'Customer.Email'", markdown.Output, StringComparison.Ordinal);
    }

    private static TempFolder Shop()
    {
        var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.ProjectFile());
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        return folder;
    }

    private static async Task UpdateAsync(TempFolder folder, string baseline)
    {
        var result = await Tool.RunAsync("scan", folder.Path, "--baseline", baseline, "--update-baseline");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static List<JsonElement> Entries(string baseline)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(baseline));
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static (int Known, int New, int Fixed) Counts(JsonDocument report)
    {
        var baseline = report.RootElement.GetProperty("baseline");
        return (baseline.GetProperty("known").GetInt32(), baseline.GetProperty("new").GetInt32(), baseline.GetProperty("fixed").GetInt32());
    }
}
