using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using SafePrivacy.Analyzers.Inventory;
using SafePrivacy.Cli.Inventory;
using SafePrivacy.Cli.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SafePrivacy.Cli.Tests;

/// <summary>Every inventory format, parsed back, says what the engine's model says.</summary>
[Collection(SharedSamples.Name)]
public sealed partial class InventoryFormatTests
{
    // fideslang's default taxonomy and enums (fideslang 2.x), the values a Fides server accepts.
    private static readonly HashSet<string> FidesCategories = new(StringComparer.Ordinal)
    {
        "user", "user.name", "user.contact", "user.id", "user.id.pseudonymous", "user.device.ip_address", "user.device.device_id",
        "user.location", "user.demographic", "user.demographic.date_of_birth", "user.financial", "user.government_id",
        "user.authorization.credentials", "user.behavior", "user.content", "user.content.self_image", "user.content.private",
        "user.observed", "user.criminal_history", "user.health_and_medical", "user.health_and_medical.genetic", "user.biometric",
        "user.demographic.race_ethnicity", "user.demographic.political_opinion", "user.demographic.religious_belief",
        "user.demographic.sexual_orientation",
    };

    private static readonly HashSet<string> FidesUses = new(StringComparer.Ordinal)
    {
        "essential.service", "essential.service.security", "essential.legal_obligation", "collect",
    };

    private static readonly HashSet<string> FidesLegalBases = new(StringComparer.Ordinal)
    {
        "Consent", "Contract", "Legal obligations", "Vital interests", "Public interest", "Legitimate interests",
    };

    private readonly SampleFixture _samples;

    public InventoryFormatTests(SampleFixture samples) => _samples = samples;

    private InventoryModel Mistakes => _samples.MistakesInventory.Systems[0].Model;

    [Fact]
    public void Markdown_HasASectionPerActivity_AndTheUndeclaredProcessing()
    {
        var markdown = Render.Markdown(_samples.MistakesInventory);

        foreach (var activity in Mistakes.Activities)
        {
            Assert.Contains($"\n### {InventoryText.Title(activity)}\n", markdown, StringComparison.Ordinal);
            Assert.Contains($"| Purpose | {activity.Basis.Purpose} |", markdown, StringComparison.Ordinal);
        }

        var undeclared = markdown[markdown.IndexOf("### Processing without a lawful basis", StringComparison.Ordinal)..];
        Assert.Contains("| `Registration.Register` | `ILogger.LogInformation` | log | Member.Email (contact details) | `Registration.cs:30` |", undeclared, StringComparison.Ordinal);
        Assert.Contains("| `SafetyNotices.NotifyParticipants` | `MailMessage.To.Add` | email recipients |", undeclared, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Diagram_DrawsDataToActivitiesToSinks_AsTheModelSays()
    {
        var markdown = Render.Markdown(_samples.MistakesInventory);
        var start = markdown.IndexOf("```mermaid\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "no mermaid block");
        var diagram = markdown[(start + 11)..markdown.IndexOf("```", start + 11, StringComparison.Ordinal)];
        Assert.StartsWith("flowchart LR", diagram, StringComparison.Ordinal);

        var labels = NodeDefinition().Matches(diagram).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var edges = Edge().Matches(diagram).Select(m => (From: labels[m.Groups[1].Value], To: labels[m.Groups[4].Value])).ToHashSet();

        var processors = Mistakes.Activities.Select(a => (Label: InventoryText.Title(a) + ":", a.Data, a.Sinks))
            .Concat(Mistakes.Undeclared.Select(u => (Label: u.Member, u.Data, u.Sinks)));
        var expected = new HashSet<(string, string)>();
        foreach (var (label, data, sinks) in processors)
        {
            var node = labels.Values.Single(l => l == label || (label.EndsWith(':') && l.StartsWith(label, StringComparison.Ordinal)));
            expected.UnionWith(data.Select(d => (InventoryText.Data(d), node)));
            expected.UnionWith(sinks.Select(s => (node, InventoryText.SinkKind(s.Kind))));
        }

        Assert.True(expected.SetEquals(edges), $"Expected:\n{string.Join("\n", expected.Except(edges))}\nUnexpected:\n{string.Join("\n", edges.Except(expected))}");
        Assert.Contains(":::undeclared", diagram, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ParsesBackToTheModel()
    {
        using var json = JsonDocument.Parse(Render.Json(_samples.CompliantInventory));
        var system = Assert.Single(json.RootElement.GetProperty("systems").EnumerateArray().ToList());
        var model = _samples.CompliantInventory.Systems[0].Model;
        var activities = system.GetProperty("activities").EnumerateArray().ToList();

        Assert.Equal("Forum.Compliant", system.GetProperty("name").GetString());
        Assert.Equal(model.Activities.Select(a => a.Name), activities.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(model.Activities.Select(a => a.Basis.Purpose), activities.Select(a => a.GetProperty("purpose").GetString()));
        Assert.Equal(
            model.Activities.Select(a => string.Join(",", a.Data.Select(d => d.Name))),
            activities.Select(a => string.Join(",", a.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("name").GetString()))));
        Assert.Equal(
            model.Activities.Select(a => string.Join(",", a.Sinks.Select(s => s.Kind + ":" + s.Sink))),
            activities.Select(a => string.Join(",", a.GetProperty("sinks").EnumerateArray().Select(s => s.GetProperty("kind").GetString() + ":" + s.GetProperty("sink").GetString()))));
        var moderator = activities.Single(a => a.GetProperty("name").GetString() == "AutoModerator");
        Assert.Equal("SubstantialPublicInterest", moderator.GetProperty("specialCategoryConditions")[0].GetProperty("condition").GetString());
        Assert.Equal("AutoModerator.cs:10", moderator.GetProperty("declaredAt").GetString());
        Assert.Empty(system.GetProperty("undeclared").EnumerateArray());
        Assert.StartsWith("flowchart LR", system.GetProperty("mermaid").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fides_IsAFideslangSystemManifest_WithOneDeclarationPerActivity()
    {
        var system = FidesSystem(Render.Fides(_samples.CompliantInventory));
        var declarations = Sequence(system, "privacy_declarations");
        var model = _samples.CompliantInventory.Systems[0].Model;

        Assert.Equal("forum_compliant", Scalar(system, "fides_key"));
        Assert.Equal("Forum.Compliant", Scalar(system, "name"));
        Assert.Equal("Service", Scalar(system, "system_type"));
        Assert.Equal(model.Activities.Select(a => a.Basis.Purpose), declarations.Select(d => Scalar(d, "name")));
        AssertFideslangValues(declarations);

        var moderation = declarations.Single(d => Scalar(d, "name") == "Find and remove illegal content and protect users from harm");
        Assert.Equal("Legal obligations", Scalar(moderation, "legal_basis_for_processing"));
        Assert.Equal("essential.legal_obligation", Scalar(moderation, "data_use"));
        Assert.Equal("true", Scalar(moderation, "processes_special_category_data"));
        Assert.Equal("Reasons of substantial public interest (with a basis in law)", Scalar(moderation, "special_category_legal_basis"));
        Assert.Equal(new[] { "user.content", "user.health_and_medical" }, Strings(moderation, "data_categories"));
        Assert.Equal(new[] { "user.content" }, Strings(moderation, "shared_categories"));
        Assert.Equal(new[] { "customer" }, Strings(moderation, "data_subjects"));
        Assert.StartsWith("Acme Moderation Ltd", Scalar(moderation, "third_parties"), StringComparison.Ordinal);
        Assert.Contains("P2Y", Scalar(moderation, "retention_period"), StringComparison.Ordinal);
    }

    [Fact]
    public void Fides_ListsProcessingWithoutABasis_AsCollectionForAnUndefinedPurpose()
    {
        var declarations = Sequence(FidesSystem(Render.Fides(_samples.MistakesInventory)), "privacy_declarations");
        var undeclared = declarations.Where(d => Scalar(d, "name").StartsWith("Undeclared processing in ", StringComparison.Ordinal)).ToList();

        Assert.Equal(Mistakes.Activities.Length + Mistakes.Undeclared.Length, declarations.Count);
        Assert.Equal(3, undeclared.Count);
        Assert.All(undeclared, d =>
        {
            Assert.Equal("collect", Scalar(d, "data_use"));
            Assert.False(d.Children.ContainsKey("legal_basis_for_processing"));
            Assert.Equal(new[] { "user.contact" }, Strings(d, "data_categories"));
        });
        AssertFideslangValues(declarations);
        var consent = declarations.Single(d => Scalar(d, "name") == "Detect abusive posts");
        Assert.Equal("Consent", Scalar(consent, "legal_basis_for_processing"));
        Assert.Equal("essential.service.security", Scalar(consent, "data_use"));
    }

    [Fact]
    public void Html_IsSelfContained_AndCarriesMermaidWithItsLicence()
    {
        var html = Render.Html(_samples.CompliantInventory);

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("<pre class=\"mermaid\">flowchart LR", html, StringComparison.Ordinal);
        Assert.Contains(MermaidScript.Script[..200], html, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2014 - 2022 Knut Sveidqvist", html, StringComparison.Ordinal);
        foreach (var activity in _samples.CompliantInventory.Systems[0].Model.Activities)
        {
            Assert.Contains(">" + System.Net.WebUtility.HtmlEncode(InventoryText.Title(activity)), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MermaidScript_CanBeInlined()
    {
        // Inside <script>, "</script" would end the element and "<script" after "<!--" would change how it parses.
        Assert.DoesNotContain("</script", MermaidScript.Script, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", MermaidScript.Script, StringComparison.OrdinalIgnoreCase);
        Assert.True(MermaidScript.Script.Length > 1_000_000, "the embedded Mermaid build looks truncated");
        Assert.Contains("MIT License", MermaidScript.Licence, StringComparison.Ordinal);
    }

    private static void AssertFideslangValues(IEnumerable<YamlMappingNode> declarations)
    {
        foreach (var declaration in declarations)
        {
            Assert.All(Strings(declaration, "data_categories"), c => Assert.Contains(c, FidesCategories));
            Assert.Contains(Scalar(declaration, "data_use"), FidesUses);
            if (declaration.Children.ContainsKey("legal_basis_for_processing"))
            {
                Assert.Contains(Scalar(declaration, "legal_basis_for_processing"), FidesLegalBases);
            }
        }
    }

    private static YamlMappingNode FidesSystem(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return (YamlMappingNode)Assert.Single(((YamlSequenceNode)root.Children[new YamlScalarNode("system")]).Children);
    }

    private static List<YamlMappingNode> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Cast<YamlMappingNode>().ToList();

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static string[] Strings(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();

    [GeneratedRegex(@"^\s+(\w+)(?:\[|\(\[)""(.*?)""(?:\]|\]\))", RegexOptions.Multiline)]
    private static partial Regex NodeDefinition();

    [GeneratedRegex(@"^\s+(\w+) -->(\|""(.*?)""\|)? (\w+)$", RegexOptions.Multiline)]
    private static partial Regex Edge();

    [GeneratedRegex(@"(?:src|href)\s*=\s*[""']?(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
