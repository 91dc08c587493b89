using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SafePrivacy.Cli.Tests.Infrastructure;

namespace SafePrivacy.Cli.Tests;

/// <summary>
/// <c>--changed-since REF</c> for pull-request jobs: only findings in files changed since the ref — committed, staged,
/// unstaged or new — and, on a branch, only what the branch changed, not what the ref gained since.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed class ChangedSinceTests
{
    [Fact]
    public async Task ChangedSince_ReportsOnlyFindingsInChangedAndNewFiles()
    {
        // The .editorconfig value makes an SP9004 finding without a file: no change can be said to make it.
        using var repository = await ShopRepositoryAsync(editorConfig: "safe_privacy.discovery = off");
        repository.File("Orders.cs", ScratchProject.Logging("Orders").Replace("Orders: ", "Order placed: ", StringComparison.Ordinal));
        repository.File("Returns.cs", ScratchProject.Logging("Returns"));

        var result = await Tool.RunAsync("scan", repository.Path, "--changed-since", "HEAD", "--format", "json");
        var all = await Tool.RunAsync("scan", repository.Path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { "Orders.cs", "Returns.cs" }, Files(result));
        Assert.Equal(new[] { string.Empty, "Orders.cs", "Returns.cs", "Signup.cs" }, Files(all));
        using var json = JsonDocument.Parse(result.Output);
        var changed = json.RootElement.GetProperty("changedSince");
        Assert.Equal("HEAD", changed.GetProperty("ref").GetString());
        Assert.Equal(new[] { "Orders.cs", "Returns.cs" }, changed.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task ChangedSince_OnABranch_ComparesWithWhereItLeftTheRef()
    {
        // main gains a change to Signup.cs after the branch left it; the branch changes Orders.cs. A pull request shows
        // only Orders.cs, and so does the scan.
        using var repository = await ShopRepositoryAsync();
        await Git.RunAsync(repository.Path, "checkout", "-q", "-b", "feature");
        repository.File("Orders.cs", ScratchProject.Logging("Orders").Replace("Orders: ", "Order placed: ", StringComparison.Ordinal));
        await Git.CommitAllAsync(repository.Path, "Reword the order log");
        await Git.RunAsync(repository.Path, "checkout", "-q", "main");
        repository.File("Signup.cs", "// main moves on\n" + ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        await Git.CommitAllAsync(repository.Path, "Comment the signup");
        await Git.RunAsync(repository.Path, "checkout", "-q", "feature");

        var result = await Tool.RunAsync("scan", repository.Path, "--changed-since", "main", "--format", "text");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SafePrivacy scan of " + repository.Path + " (Advisory mode, files changed since main)", result.Output, StringComparison.Ordinal);
        Assert.Contains("  Orders.cs\n", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Signup.cs", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 finding (0 errors, 1 warnings, 0 info) in 1 project, in the 1 file changed since main.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedSince_FailsOnlyOnWhatChanged()
    {
        using var repository = await ShopRepositoryAsync();

        var unchanged = await Tool.RunAsync("scan", repository.Path, "--mode", "enforce", "--changed-since", "HEAD");
        repository.File("Returns.cs", ScratchProject.Logging("Returns"));
        var added = await Tool.RunAsync("scan", repository.Path, "--mode", "enforce", "--changed-since", "HEAD");

        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.True(added.ExitCode == 1, added.ToString());
    }

    private static async Task<TempFolder> ShopRepositoryAsync(string editorConfig = "")
    {
        var repository = new TempFolder();
        await Git.InitAsync(repository.Path);
        repository.File(".gitignore", "bin/\nobj/\n");
        repository.File(".editorconfig", $"root = true\n\n[*.cs]\n{editorConfig}\n");
        repository.File("Shop.csproj", ScratchProject.ProjectFile());
        repository.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        repository.File("Orders.cs", ScratchProject.Logging("Orders"));
        await Git.CommitAllAsync(repository.Path, "The shop");
        return repository;
    }

    private static string[] Files(CliResult result)
    {
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }
}
