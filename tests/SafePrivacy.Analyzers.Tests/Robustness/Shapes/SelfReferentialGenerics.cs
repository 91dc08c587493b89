// Curiously recurring generics: class Entity<T> where T : Entity<T>, a node type that enumerates its own subtype.
using System.Collections;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using SafePrivacy;

public abstract class Entity<TSelf> where TSelf : Entity<TSelf>
{
    public int Id { get; set; }
    public TSelf? Parent { get; set; }
    public abstract TSelf Clone();
}

public sealed class Member : Entity<Member>
{
    [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
    public override Member Clone() => new Member { Email = Email, Parent = this };
}

public abstract class Tree<TSelf> : IEnumerable<TSelf> where TSelf : Tree<TSelf>
{
    private readonly List<TSelf> _children = new();
    public IEnumerator<TSelf> GetEnumerator() => _children.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class Category : Tree<Category>
{
    [PersonalData(DataCategory.Name)] public string Curator { get; set; } = "";
}

public static class Registry
{
    public static T Root<T>(T entity) where T : Entity<T> => entity.Parent is { } parent ? Root(parent) : entity;

    public static void Report(ILogger logger, Member member, Category category)
    {
        var root = Root(member);
        logger.LogInformation("root {Id}", root.Id);
        logger.LogInformation("root {Email}", root.Email); // expect: SP2001
        logger.LogInformation("copy {Email}", member.Clone().Email); // expect: SP2001
        foreach (var child in category)
        {
            logger.LogInformation("curated by {Curator}", child.Curator); // expect: SP2001
        }
    }
}
