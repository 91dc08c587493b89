using System.Collections;
using System.Collections.Generic;
using SafePrivacy;

namespace PackageConsumer;

// A type that enumerates itself (the shape of Newtonsoft's JToken) beside declared personal data: it once sent the
// type classifier into unbounded recursion, and the compiler died with a stack overflow before compiling anything.
public sealed class Member
{
    [PersonalData(DataCategory.Name)] public string Name { get; set; } = "";
}

public sealed class Node : IEnumerable<Node>
{
    public static Node Parse(string text) => new Node();
    public IEnumerator<Node> GetEnumerator() { yield break; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class Settings
{
    public bool IsDefault(string json) => Parse(json) is not null;
    private static Node Parse(string json) => Node.Parse(json);
}
