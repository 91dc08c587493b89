using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SafePrivacy.Cli.Tests.Infrastructure;

namespace SafePrivacy.Cli.Tests;

/// <summary>
/// A project's own SafePrivacyMode (set through the package's build files) decides severities as in a build, and
/// --mode overrides it the way -p:SafePrivacyMode does.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed class ModeTests
{
    [Fact]
    public async Task ProjectInEnforceMode_FailsTheScan_UnlessAdvisoryIsAskedFor()
    {
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.WithPackageBuildFiles("<SafePrivacyMode>Enforce</SafePrivacyMode>"));
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);

        var enforced = await Tool.RunAsync("scan", folder.Path, "--format", "json");
        var advisory = await Tool.RunAsync("scan", folder.Path, "--format", "json", "--mode", "advisory");

        Assert.True(enforced.ExitCode == 1, enforced.ToString());
        Assert.Equal(("Enforce", "error"), ModeAndSeverity(enforced));
        Assert.True(advisory.ExitCode == 0, advisory.ToString());
        Assert.Equal(("Advisory", "warning"), ModeAndSeverity(advisory));
    }

    [Theory]
    [InlineData("suggestion", "info")]
    [InlineData("none", null)]
    public async Task ProjectInEnforceMode_KeepsASeverityItsEditorConfigSets(string severity, string? expected)
    {
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.WithPackageBuildFiles("<SafePrivacyMode>Enforce</SafePrivacyMode>"));
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        folder.File(".editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.SP2001.severity = {severity}\n");

        var result = await Tool.RunAsync("scan", folder.Path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, Severities(result).SingleOrDefault());
    }

    [Fact]
    public async Task ModeEnforce_OnAProjectWithoutThePackage_UsesThePackagesConfigToo()
    {
        // A project that vendors the attributes has no package build files; --mode enforce still means the same
        // global config, so its .editorconfig wins there as well.
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.ProjectFile());
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);

        var enforced = await Tool.RunAsync("scan", folder.Path, "--format", "json", "--mode", "enforce");
        folder.File(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SP2001.severity = suggestion\n");
        var suggested = await Tool.RunAsync("scan", folder.Path, "--format", "json", "--mode", "enforce");

        Assert.True(enforced.ExitCode == 1, enforced.ToString());
        Assert.Equal(new[] { "error" }, Severities(enforced));
        Assert.True(suggested.ExitCode == 0, suggested.ToString());
        Assert.Equal(new[] { "info" }, Severities(suggested));
    }

    [Fact]
    public async Task ProjectWithAnUnknownMode_IsRejectedLikeTheBuildRejectsIt()
    {
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.WithPackageBuildFiles("<SafePrivacyMode>Strict</SafePrivacyMode>"));
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);

        var result = await Tool.RunAsync("scan", folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("safeprivacy: Shop sets SafePrivacyMode to 'Strict'; set it to Advisory (the default) or Enforce.", result.Error, StringComparison.Ordinal);
    }

    private static string?[] Severities(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("severity").GetString()).ToArray();
    }

    private static (string Mode, string Severity) ModeAndSeverity(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Output);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal("SP2001", finding.GetProperty("ruleId").GetString());
        return (json.RootElement.GetProperty("projects")[0].GetProperty("mode").GetString()!, finding.GetProperty("severity").GetString()!);
    }
}
