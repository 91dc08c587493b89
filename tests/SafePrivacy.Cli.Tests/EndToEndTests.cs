using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SafePrivacy.Cli.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SafePrivacy.Cli.Tests;

/// <summary>
/// The tool run the way a build server runs it — arguments in, files and exit codes out — over the shipped samples.
/// Each run loads the sample with MSBuild, so these are few; the formats are covered against the shared load.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed partial class EndToEndTests
{
    [Fact]
    public async Task Scan_WritesSarifToAFile_AndPassesInAdvisoryMode()
    {
        using var folder = new TempFolder();
        var output = folder.Combine("forum.sarif");

        var result = await Tool.RunAsync("scan", Repository.Sample("Forum.Mistakes"), "--format", "sarif", "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(output));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Markers.Expected("Forum.Mistakes").Count, results.Count);

        // Redirected output gets plain progress lines, one per stage, and a closing line naming the file.
        Assert.Contains("[1/1] Analysing Forum.Mistakes", result.Error, StringComparison.Ordinal);
        Assert.Contains($"Wrote {output}: 23 findings (0 errors, 23 warnings, 0 info) in 1 project.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WithFailOnWarning_FailsOnTheSamplesWarnings()
    {
        var result = await Tool.RunAsync("scan", Repository.Sample("Forum.Mistakes"), "--fail-on", "warning", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public async Task Scan_InEnforceMode_MakesEveryFindingAnError_ButWhatTheEditorConfigSets_AndFails()
    {
        // The sample's .editorconfig sets SP1004 to warning (so the sample builds); an explicit severity wins over
        // Enforce, in the tool as in a build.
        Assert.Contains("dotnet_diagnostic.SP1004.severity = warning", Repository.Read("samples", "Forum.Mistakes", ".editorconfig"), StringComparison.Ordinal);

        var result = await Tool.RunAsync("scan", Repository.Sample("Forum.Mistakes"), "--mode", "enforce", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(Markers.Expected("Forum.Mistakes").Count, findings.Count);
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "SP1004");
        Assert.All(findings, f => Assert.Equal(
            f.GetProperty("ruleId").GetString() == "SP1004" ? "warning" : "error",
            f.GetProperty("severity").GetString()));
        Assert.Equal("Enforce", json.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Scan_OfTheCompliantForum_PassesEvenOnWarnings()
    {
        var result = await Tool.RunAsync("scan", Repository.Sample("Forum.Compliant"), "--mode", "enforce", "--fail-on", "warning");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SafePrivacy scan of", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("No SafePrivacy findings in 1 project.\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inventory_OfAFolder_RecordsEachProjectItHolds_AsAFidesManifest()
    {
        var result = await Tool.RunAsync("inventory", Repository.PathOf("samples"), "--format", "fides", "--data-subject", "user");

        Assert.True(result.ExitCode == 0, result.ToString());
        var stream = new YamlStream();
        stream.Load(new StringReader(result.Output));
        var systems = ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("system")]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal(new[] { "forum_compliant", "forum_mistakes" }, systems.Select(s => ((YamlScalarNode)s.Children[new YamlScalarNode("fides_key")]).Value));
        var subjects = systems
            .SelectMany(s => ((YamlSequenceNode)s.Children[new YamlScalarNode("privacy_declarations")]).Children.Cast<YamlMappingNode>())
            .Select(d => string.Join(",", ((YamlSequenceNode)d.Children[new YamlScalarNode("data_subjects")]).Children.Select(c => ((YamlScalarNode)c).Value)))
            .Distinct();
        Assert.Equal(new[] { "user" }, subjects);
    }

    [Fact]
    public async Task Scan_OfAnSlnx_ScansTheCSharpProjectsItLists()
    {
        using var folder = new TempFolder();
        folder.File("src/Shop/Shop.csproj", ScratchProject.ProjectFile());
        folder.File("src/Shop/Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        folder.File("Shop.slnx", "<Solution>\n  <Folder Name=\"/src/\">\n    <Project Path=\"src\\Shop\\Shop.csproj\" />\n  </Folder>\n  <Project Path=\"tools/Build.fsproj\" />\n</Solution>\n");

        var result = await Tool.RunAsync("scan", folder.Path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("src/Shop/Shop.csproj", Assert.Single(json.RootElement.GetProperty("projects").EnumerateArray().ToList()).GetProperty("path").GetString());
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal(("SP2001", "src/Shop/Signup.cs"), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("file").GetString()));
    }

    [ChromiumFact]
    public async Task Inventory_HtmlPage_RendersItsDiagram_InARealBrowser_Offline()
    {
        using var folder = new TempFolder();
        var page = folder.Combine("inventory.html");

        var result = await Tool.RunAsync("inventory", Repository.Sample("Forum.Compliant"), "--format", "html", "--output", page);
        Assert.True(result.ExitCode == 0, result.ToString());

        var dom = await Chromium.DumpDomAsync(page);

        // Mermaid replaced the diagram's source with an SVG, and the SVG shows the activities and data.
        var container = RenderedDiagram().Match(dom);
        Assert.True(container.Success, "The diagram did not render; the page's DOM was:\n" + dom[..Math.Min(dom.Length, 4000)]);
        var svg = container.Groups[1].Value;
        Assert.DoesNotContain("Syntax error", svg, StringComparison.Ordinal);
        foreach (var label in new[] { "AutoModerator", "CsamReporter", "ReportStore", "Post.Body", "classifier", "storage", "transfer" })
        {
            Assert.Contains(label, svg, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<pre class=\"mermaid\" data-processed=\"true\">(<svg.*?</svg>)", RegexOptions.Singleline)]
    private static partial Regex RenderedDiagram();
}
