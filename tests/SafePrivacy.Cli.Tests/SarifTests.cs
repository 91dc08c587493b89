using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Validation;
using SafePrivacy.Cli.Scanning;
using SafePrivacy.Cli.Tests.Infrastructure;

namespace SafePrivacy.Cli.Tests;

/// <summary>The SARIF log is valid SARIF 2.1.0 (checked against the schema), describes every rule, and locates findings relative to the root.</summary>
[Collection(SharedSamples.Name)]
public sealed class SarifTests
{
    internal static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json")));

    private readonly SampleFixture _samples;

    public SarifTests(SampleFixture samples) => _samples = samples;

    [Fact]
    public async Task Sarif_IsValidAgainstTheSarif210Schema()
    {
        var errors = (await Schema.Value).Validate(Render.Sarif(_samples.MistakesScan));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task Sarif_OfACleanScan_IsValidToo()
    {
        var errors = (await Schema.Value).Validate(Render.Sarif(_samples.CompliantScan));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task SchemaValidation_RejectsLogsThatBreakTheSchema()
    {
        // The validation above means something only if the schema catches a broken log.
        var log = JsonNode.Parse(Render.Sarif(_samples.MistakesScan))!;
        log["runs"]![0]!["results"]![0]!["level"] = "critical";
        log["runs"]![0]!["results"]![1]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        log.AsObject().Remove("version");

        var errors = Flatten((await Schema.Value).Validate(log.ToJsonString())).ToList();

        Assert.Contains(errors, e => e.Path?.Contains("level", StringComparison.Ordinal) == true);
        Assert.Contains(errors, e => e.Path?.Contains("startLine", StringComparison.Ordinal) == true);
        Assert.Contains(errors, e => e.Property == "version" || e.Path?.Contains("version", StringComparison.Ordinal) == true);
    }

    // NJsonSchema reports an error inside an array item as the item's error, holding the real ones.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child ? Flatten(child.Errors.SelectMany(c => c.Value)).Prepend(e) : new[] { e });

    [Fact]
    public void Sarif_DescribesEveryRule_WithItsHelpPageAndTags()
    {
        using var sarif = JsonDocument.Parse(Render.Sarif(_samples.MistakesScan));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(Rules.Descriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, rule =>
        {
            var id = rule.GetProperty("id").GetString()!;
            var helpUri = $"https://github.com/safeprivacy/safeprivacy/blob/main/docs/rules/{id}.md";
            Assert.Equal(helpUri, rule.GetProperty("helpUri").GetString());
            Assert.True(File.Exists(Repository.PathOf("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Matches("^[A-Z][A-Za-z]+$", rule.GetProperty("name").GetString());
            Assert.Contains($"]({helpUri})", rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
            Assert.EndsWith(helpUri, rule.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
            var family = Rules.Find(id)!.Category["SafePrivacy.".Length..].ToLowerInvariant();
            Assert.Equal(new[] { "privacy", family }, rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        });
        Assert.Equal("PersonalDataLogged", rules.Single(r => r.GetProperty("id").GetString() == "SP2001").GetProperty("name").GetString());
        Assert.All(run.GetProperty("results").EnumerateArray(), result =>
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString()));
    }

    [Fact]
    public void Sarif_LocatesTheSampleFindingsRelativeToSrcRoot()
    {
        using var sarif = JsonDocument.Parse(Render.Sarif(_samples.MistakesScan));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rootUri = new Uri(run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var located = results.Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            var path = new Uri(rootUri, uri).LocalPath;
            Assert.True(File.Exists(path), uri);
            return (Path.GetFileName(path), location.GetProperty("region").GetProperty("startLine").GetInt32(), r.GetProperty("ruleId").GetString()!);
        }).ToHashSet();

        // SRCROOT is the scanned folder or the repository around it; which one depends on the checkout.
        Assert.StartsWith(rootUri.LocalPath, Repository.Sample("Forum.Mistakes") + "/", StringComparison.Ordinal);
        Assert.True(Markers.Expected("Forum.Mistakes").SetEquals(located), Markers.Describe(located));
        Assert.All(results, r => Assert.Equal("warning", r.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task Sarif_OfAFolderInsideAGitRepository_IsRelativeToTheRepositoryRoot()
    {
        // A job that scans src/App must still place its findings on src/App/..., where code scanning looks for them.
        using var repository = new TempFolder();
        await Git.InitAsync(repository.Path);
        repository.File("src/App/Shop.csproj", ScratchProject.ProjectFile());
        repository.File("src/App/Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);

        var result = await Tool.RunAsync("scan", repository.Combine("src/App"), "--format", "sarif");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True((await Schema.Value).Validate(result.Output).Count == 0, result.Output);
        var (srcRoot, artifact) = OnlyLocation(result.Output);
        Assert.Equal(new Uri(repository.Path + "/").AbsoluteUri, srcRoot);
        Assert.Equal(("src/App/Signup.cs", "SRCROOT"), artifact);
    }

    [Fact]
    public async Task Sarif_OutsideAGitRepository_IsRelativeToTheScannedFolder()
    {
        using var folder = new TempFolder();
        folder.File("App/Shop.csproj", ScratchProject.ProjectFile());
        folder.File("App/Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);

        var result = await Tool.RunAsync("scan", folder.Combine("App"), "--format", "sarif");

        Assert.True(result.ExitCode == 0, result.ToString());
        var (srcRoot, artifact) = OnlyLocation(result.Output);
        Assert.Equal(new Uri(folder.Combine("App") + "/").AbsoluteUri, srcRoot);
        Assert.Equal(("Signup.cs", "SRCROOT"), artifact);
    }

    [Fact]
    public async Task AFindingWithoutAFile_IsReportedInEveryFormat_AndValidSarif()
    {
        // SP9004 reports an .editorconfig value, which has no place in the code: no location, but still a finding.
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.ProjectFile());
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);
        folder.File(".editorconfig", "root = true\n\n[*.cs]\nsafe_privacy.discovery = off\n");

        var sarif = await Tool.RunAsync("scan", folder.Path, "--format", "sarif");
        var text = await Tool.RunAsync("scan", folder.Path);

        Assert.True(sarif.ExitCode == 0, sarif.ToString());
        var errors = (await Schema.Value).Validate(sarif.Output);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        using var json = JsonDocument.Parse(sarif.Output);
        var result = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "SP9004");
        Assert.False(result.TryGetProperty("locations", out _));
        Assert.False(string.IsNullOrEmpty(result.GetProperty("partialFingerprints").GetProperty(Fingerprints.SarifKey).GetString()));
        Assert.Contains("SP9004  Give every safe_privacy option a value it understands  (1 finding)\n  (no file)\n", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fingerprints_SurviveMovedLinesAndTellIdenticalLinesApart()
    {
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.ProjectFile());
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + TwoIdenticalLogLines(prefix: string.Empty));

        var before = Fingerprinted(await Tool.RunAsync("scan", folder.Path, "--format", "sarif"));
        // Unrelated lines above, and the lines reindented: the same findings, further down.
        folder.File("Signup.cs", ScratchProject.Attributes + "\n// Moved down by a comment\n\n\n" + TwoIdenticalLogLines(prefix: "    "));
        var moved = Fingerprinted(await Tool.RunAsync("scan", folder.Path, "--format", "sarif"));

        Assert.Equal(2, before.Count);
        Assert.NotEqual(before[0].Fingerprint, before[1].Fingerprint);
        Assert.Equal(before.Select(f => f.Fingerprint), moved.Select(f => f.Fingerprint));
        Assert.Equal(before.Select(f => f.Line + 3), moved.Select(f => f.Line));
    }

    [Fact]
    public async Task Fingerprints_ChangeWhenTheFindingsLineChanges()
    {
        using var folder = new TempFolder();
        folder.File("Shop.csproj", ScratchProject.ProjectFile());
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup);

        var before = Fingerprinted(await Tool.RunAsync("scan", folder.Path, "--format", "sarif"));
        folder.File("Signup.cs", ScratchProject.Attributes + "\n" + ScratchProject.Signup.Replace("\"Registered \"", "\"Welcome \"", StringComparison.Ordinal));
        var after = Fingerprinted(await Tool.RunAsync("scan", folder.Path, "--format", "sarif"));

        Assert.Equal(Assert.Single(before).Line, Assert.Single(after).Line);
        Assert.NotEqual(before[0].Fingerprint, after[0].Fingerprint);
    }

    private static string TwoIdenticalLogLines(string prefix) => $$"""
        namespace Shop
        {
            public sealed class Customer
            {
                [SafePrivacy.PersonalData] public string Email { get; set; } = "";
            }

            public static class Signup
            {
                public static void Register(Customer customer)
                {
        {{prefix}}            System.Console.WriteLine(customer.Email);
                }

                public static void Confirm(Customer customer)
                {
        {{prefix}}            System.Console.WriteLine(customer.Email);
                }
            }
        }
        """;

    private static (string SrcRoot, (string Uri, string BaseId) Artifact) OnlyLocation(string sarif)
    {
        using var json = JsonDocument.Parse(sarif);
        var run = json.RootElement.GetProperty("runs")[0];
        var result = Assert.Single(run.GetProperty("results").EnumerateArray().ToList());
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        return (
            run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!,
            (artifact.GetProperty("uri").GetString()!, artifact.GetProperty("uriBaseId").GetString()!));
    }

    private static List<(string Fingerprint, int Line)> Fingerprinted(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (
                r.GetProperty("partialFingerprints").GetProperty("safeprivacyFinding/v1").GetString()!,
                r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
            .OrderBy(f => f.Item2)
            .ToList();
    }
}
