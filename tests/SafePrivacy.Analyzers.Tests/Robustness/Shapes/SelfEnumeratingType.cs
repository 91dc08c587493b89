// A type that enumerates itself (the shape of Newtonsoft's JToken): classifying it once overflowed the stack.
using System.Collections;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using SafePrivacy;

public sealed class Member
{
    public int Id { get; set; }
    [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
}

public sealed class Node : IEnumerable<Node>
{
    private readonly List<Node> _children = new();
    public string Label { get; set; } = "";
    public Member? Owner { get; set; }
    public static Node Parse(string text) => new Node { Label = text };
    public IEnumerator<Node> GetEnumerator() => _children.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class Settings
{
    public bool IsDefault(string json) => Parse(json) is not null;

    private static Node Parse(string json) => Node.Parse(json);

    public void Describe(ILogger logger, Node root, Member member)
    {
        foreach (var child in root)
        {
            logger.LogInformation("child {Label}", child.Label);
        }

        var owned = new Node { Owner = member, Label = member.Email };
        logger.LogInformation("node {@Node}", owned); // expect: SP2001
        logger.LogInformation("owner {Owner}", Owner(owned)); // expect: SP2001
    }

    private static string Owner(Node node) => node.Owner?.Email ?? "";
}
