// The real self-enumerating types of the libraries every service uses: Newtonsoft.Json's JToken (IEnumerable<JToken>),
// JObject and JArray; System.Text.Json's JsonNode, JsonObject, JsonArray and JsonElement; LINQ to XML's XElement.
// Each is built from personal data, passed to and returned from helpers, logged, stored and interpolated.
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using SafePrivacy;

public sealed class Member
{
    public int Id { get; set; }
    [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
    [PersonalData(DataCategory.Name)] public string Name { get; set; } = "";
}

public sealed class Exports
{
    private static JObject ToJObject(Member member) => new JObject { ["email"] = member.Email, ["id"] = member.Id };

    private static JToken Pick(JToken token) => token["email"] ?? token;

    private static JsonObject ToNode(Member member) => new JsonObject { ["name"] = member.Name };

    private static XElement ToXml(Member member) => new XElement("member", new XAttribute("email", member.Email));

    public void Newtonsoft(ILogger logger, Member member, JToken settings)
    {
        logger.LogInformation("settings {Settings}", settings.ToString());
        foreach (var child in settings.Children())
        {
            logger.LogInformation("setting {Path}", child.Path);
        }

        var json = ToJObject(member);
        logger.LogInformation("member {Json}", json.ToString()); // expect: SP2001
        logger.LogInformation($"picked {Pick(json)}"); // expect: SP2001
        File.WriteAllText("member.json", json.ToString()); // expect: SP3001, SP3002
        var emails = new JArray(member.Email);
        logger.LogInformation("emails {Emails}", emails); // expect: SP2001
        var parsed = JObject.Parse("{}");
        logger.LogInformation("parsed {Count}", parsed.Count);
        var all = JArray.FromObject(new[] { 1, 2, 3 });
        logger.LogInformation("all {Items}", string.Join(",", all.Select(t => t.ToString())));
    }

    public void SystemTextJson(ILogger logger, Member member, JsonElement element, JsonNode node)
    {
        logger.LogInformation("kind {Kind}", element.ValueKind);
        logger.LogInformation("node {Node}", node.ToJsonString());
        var own = ToNode(member);
        logger.LogInformation("own {Node}", own.ToJsonString()); // expect: SP2001
        var array = new JsonArray(JsonValue.Create(member.Email));
        File.WriteAllText("emails.json", array.ToJsonString()); // expect: SP3001, SP3002
        var serialised = JsonSerializer.SerializeToElement(member);
        logger.LogInformation($"element {serialised}"); // expect: SP2001
        foreach (var property in element.EnumerateObject())
        {
            logger.LogInformation("property {Name}", property.Name);
        }
    }

    public void LinqToXml(ILogger logger, Member member, XElement config)
    {
        logger.LogInformation("config {Config}", config.Name.LocalName);
        foreach (var descendant in config.Descendants())
        {
            logger.LogInformation("element {Element}", descendant.Name);
        }

        var xml = ToXml(member);
        logger.LogInformation("xml {Xml}", xml); // expect: SP2001
        File.WriteAllText("member.xml", $"{new XDocument(xml)}"); // expect: SP3001, SP3002
    }
}
