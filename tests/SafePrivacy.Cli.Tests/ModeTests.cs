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

    private static (string Mode, string Severity) ModeAndSeverity(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Output);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal("SP2001", finding.GetProperty("ruleId").GetString());
        return (json.RootElement.GetProperty("projects")[0].GetProperty("mode").GetString()!, finding.GetProperty("severity").GetString()!);
    }
}
