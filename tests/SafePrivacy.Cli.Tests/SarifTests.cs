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
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
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
    public void Sarif_DescribesEveryRule_WithItsHelpPage()
    {
        using var sarif = JsonDocument.Parse(Render.Sarif(_samples.MistakesScan));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(Rules.Descriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, rule =>
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.Equal($"https://github.com/safeprivacy/safeprivacy/blob/main/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString());
            Assert.True(File.Exists(Repository.PathOf("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        });
        Assert.All(run.GetProperty("results").EnumerateArray(), result =>
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString()));
    }

    [Fact]
    public void Sarif_LocatesFindingsRelativeToTheScannedRoot()
    {
        using var sarif = JsonDocument.Parse(Render.Sarif(_samples.MistakesScan));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rootUri = run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!;
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var located = results.Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var artifact = location.GetProperty("artifactLocation");
            Assert.Equal("SRCROOT", artifact.GetProperty("uriBaseId").GetString());
            var uri = artifact.GetProperty("uri").GetString()!;
            Assert.False(Uri.TryCreate(uri, UriKind.Absolute, out _), uri);
            Assert.True(File.Exists(new Uri(new Uri(rootUri), uri).LocalPath), uri);
            return (Path.GetFileName(uri), location.GetProperty("region").GetProperty("startLine").GetInt32(), r.GetProperty("ruleId").GetString()!);
        }).ToHashSet();

        Assert.Equal(new Uri(Repository.Sample("Forum.Mistakes") + "/").AbsoluteUri, rootUri);
        Assert.True(Markers.Expected("Forum.Mistakes").SetEquals(located), Markers.Describe(located));
        Assert.All(results, r => Assert.Equal("warning", r.GetProperty("level").GetString()));
    }
}
