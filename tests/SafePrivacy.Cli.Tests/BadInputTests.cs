using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SafePrivacy.Cli.Tests.Infrastructure;

namespace SafePrivacy.Cli.Tests;

/// <summary>
/// What a user gets wrong gets one plain sentence and exit code 2 — never a stack trace; and code that does not
/// compile is still scanned for what binds.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed class BadInputTests
{
    [Fact]
    public async Task MissingPath_IsOneSentence()
    {
        using var folder = new TempFolder();
        var missing = folder.Combine("no-such-thing");

        await AssertUsageError(await Tool.RunAsync("scan", missing), $"The path '{missing}' does not exist.");
    }

    [Fact]
    public async Task EmptyFolder_SaysNoProjectWasFound()
    {
        using var folder = new TempFolder();

        await AssertUsageError(await Tool.RunAsync("inventory", folder.Path), $"No .sln, .slnx or .csproj file was found in '{folder.Path}'.");
    }

    [Fact]
    public async Task UnsupportedFile_NamesWhatIsSupported()
    {
        using var folder = new TempFolder();
        var project = folder.File("Legacy.vbproj", "<Project />");

        await AssertUsageError(await Tool.RunAsync("scan", project), $"'{project}' is not a .sln, .slnx or .csproj file; give one of those, or a folder that holds one.");
    }

    [Fact]
    public async Task FolderWithTwoSolutions_AsksWhichOne()
    {
        using var folder = new TempFolder();
        folder.File("A.sln", string.Empty);
        folder.File("B.slnx", "<Solution />");

        await AssertUsageError(await Tool.RunAsync("scan", folder.Path), $"'{folder.Path}' holds several solutions (A.sln, B.slnx); give the one to load.");
    }

    [Fact]
    public async Task BrokenProjectFile_SaysItCouldNotBeLoaded_AndWhy()
    {
        using var folder = new TempFolder();
        var project = folder.File("Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n</Project>\n");

        var result = await Tool.RunAsync("scan", project);

        await AssertUsageError(result, null);
        Assert.Contains("Could not load", result.Error, StringComparison.Ordinal);
        Assert.Contains("Broken.csproj", result.Error, StringComparison.Ordinal);
        Assert.Contains("PropertyGroup", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedSlnx_SaysItCannotBeRead()
    {
        using var folder = new TempFolder();
        var solution = folder.File("Shop.slnx", "<Solution><Project Path=\"Shop.csproj\"></Solution>");

        var result = await Tool.RunAsync("scan", solution);

        await AssertUsageError(result, null);
        Assert.StartsWith($"safeprivacy: Could not read '{solution}': ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputIntoAMissingFolder_FailsBeforeLoading()
    {
        using var folder = new TempFolder();
        var output = folder.Combine(Path.Combine("missing", "report.sarif"));

        var result = await Tool.RunAsync("scan", Repository.Sample("Forum.Compliant"), "--format", "sarif", "--output", output);

        await AssertUsageError(result, $"The folder for --output '{output}' does not exist.");
        Assert.DoesNotContain("Loading", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "publish" }, "Unknown command 'publish'; use 'safeprivacy scan' or 'safeprivacy inventory' (see 'safeprivacy --help').")]
    [InlineData(new[] { "scan", "--format", "xml" }, "'xml' is not a valid --format; use text|json|sarif|markdown.")]
    [InlineData(new[] { "inventory", "--format", "sarif" }, "'sarif' is not a valid --format; use markdown|json|html|fides.")]
    [InlineData(new[] { "scan", "--fail-on", "sometimes" }, "'sometimes' is not a valid --fail-on; use error|warning|none.")]
    [InlineData(new[] { "scan", "--mode", "strict" }, "'strict' is not a valid --mode; use advisory|enforce.")]
    [InlineData(new[] { "inventory", "--mode", "enforce" }, "Unknown option '--mode' for 'inventory'; it takes --format, --output, --data-subject, --no-restore.")]
    [InlineData(new[] { "scan", "--output" }, "Option '--output' needs a value.")]
    [InlineData(new[] { "scan", "a", "b" }, "Give one path only; got 'a' and 'b'.")]
    public async Task BadArguments_AreOneSentence(string[] args, string message) =>
        await AssertUsageError(await Tool.RunAsync(args), message);

    [Fact]
    public async Task Help_ListsBothCommands_AndTheExitCodes()
    {
        var result = await Tool.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("safeprivacy scan [PATH] [options]", result.Output, StringComparison.Ordinal);
        Assert.Contains("safeprivacy inventory [PATH] [options]", result.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectThatDoesNotCompile_IsRestored_ScannedForWhatBinds_AndSaysSo()
    {
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.ProjectFile());
        folder.File("Attributes.cs", ScratchProject.Attributes);
        folder.File("Signup.cs", ScratchProject.Signup);
        folder.File("Broken.cs", "namespace Shop { public static class Broken { public static int Count() => \"not a number\"; public static void Run() => Missing.Helper(); } }");

        var result = await Tool.RunAsync("scan", folder.Path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Restoring", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Output);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal(("SP2001", "Signup.cs", 10), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32()));
        Assert.Equal(2, json.RootElement.GetProperty("projects")[0].GetProperty("compilerErrors").GetInt32());
        Assert.Contains("Shop has 2 compiler errors; the findings cover the code that binds", json.RootElement.GetProperty("notices")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnrestoredProject_WithNoRestore_SaysToRunDotnetRestore()
    {
        using var folder = new TempFolder();
        var project = folder.File("Shop.csproj", ScratchProject.ProjectFile());
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);

        var result = await Tool.RunAsync("scan", project, "--no-restore");

        await AssertUsageError(result, $"Shop.csproj has not been restored; run 'dotnet restore {project}' first, or scan without --no-restore.");
        Assert.False(File.Exists(Path.Combine(folder.Path, "obj", "project.assets.json")));
    }

    [Fact]
    public async Task ProjectChangedAfterItsRestore_IsRestoredAgain_Once()
    {
        using var folder = new TempFolder();
        var project = folder.File("Shop.csproj", ScratchProject.ProjectFile());
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        var first = await Tool.RunAsync("scan", project);
        Assert.True(first.ExitCode == 0, first.ToString());

        // As after adding a package reference: the old assets would bind to the old package set.
        File.SetLastWriteTimeUtc(project, DateTime.UtcNow.AddMinutes(1));
        var withoutRestore = await Tool.RunAsync("scan", project, "--no-restore");
        Assert.True(withoutRestore.ExitCode == 0, withoutRestore.ToString());
        Assert.Contains("Shop.csproj changed after its last restore", withoutRestore.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Restoring", withoutRestore.Error, StringComparison.Ordinal);

        File.SetLastWriteTimeUtc(project, DateTime.UtcNow);
        var restored = await Tool.RunAsync("scan", project);
        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Contains("Restoring", restored.Error, StringComparison.Ordinal);

        // Nothing changed for NuGet, so it left the assets as they were; the next scan does not restore again.
        var next = await Tool.RunAsync("scan", project);
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.DoesNotContain("Restoring", next.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingBaseline_SaysHowToCreateIt()
    {
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.ProjectFile());
        var baseline = folder.Combine("baseline.json");

        await AssertUsageError(await Tool.RunAsync("scan", folder.Path, "--baseline", baseline), $"The baseline '{baseline}' does not exist; create it with --update-baseline.");
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("[]", "is not a safeprivacy baseline (it needs \"version\" and \"findings\"); write one with --update-baseline.")]
    [InlineData("{ \"version\": 2, \"findings\": [] }", "has format version 2; this safeprivacy reads version 1, so write it again with --update-baseline.")]
    [InlineData("{ \"version\": 1, \"findings\": [ { \"ruleId\": \"SP2001\" } ] }", "Entry 1 of the baseline")]
    public async Task UnreadableBaseline_IsRejectedBeforeAnythingLoads(string content, string expected)
    {
        // An unreadable baseline is never overwritten either: --update-baseline stops the same way.
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.ProjectFile());
        var baseline = folder.File("baseline.json", content);

        foreach (var update in new[] { false, true })
        {
            var result = await Tool.RunAsync(update ? new[] { "scan", folder.Path, "--baseline", baseline, "--update-baseline" } : new[] { "scan", folder.Path, "--baseline", baseline });
            await AssertUsageError(result, message: null);
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
            Assert.Equal(content, File.ReadAllText(baseline));
        }
    }

    [Fact]
    public async Task ChangedSince_OutsideAGitRepository_SaysSo()
    {
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.ProjectFile());

        await AssertUsageError(
            await Tool.RunAsync("scan", folder.Path, "--changed-since", "main"),
            $"'{folder.Path}' is not inside a git repository; --changed-since compares with a git ref, so scan a clone.");
    }

    [Theory]
    [InlineData("no-such-branch")]
    [InlineData("-p")]
    public async Task ChangedSince_WithARefGitDoesNotKnow_NamesIt(string reference)
    {
        using var repository = new TempFolder();
        await Git.InitAsync(repository.Path);
        repository.File("Shop.csproj", ScratchProject.ProjectFile());
        await Git.CommitAllAsync(repository.Path, "The shop");

        var result = await Tool.RunAsync("scan", repository.Path, "--changed-since", reference);

        await AssertUsageError(result, reference.StartsWith('-')
            ? $"--changed-since needs a git ref such as origin/main or a commit, not '{reference}'."
            : $"--changed-since: git knows no commit '{reference}' in {repository.Path}; check the name, or fetch it first (a shallow clone may not have it).");
    }

    /// <summary>Exit 2, nothing on stdout, one line on stderr (the message, if given), and no stack trace.</summary>
    private static Task AssertUsageError(CliResult result, string? message)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        var messages = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("safeprivacy: ", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(messages);
        if (message is not null)
        {
            Assert.Equal("safeprivacy: " + message, line.TrimEnd('\r'));
        }

        return Task.CompletedTask;
    }
}
