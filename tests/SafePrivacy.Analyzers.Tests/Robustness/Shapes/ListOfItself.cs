// Types that are collections of themselves, directly or through each other: class Tree : List<Tree>, and two types
// that enumerate each other.
using System.Collections;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using SafePrivacy;

public sealed class Tree : List<Tree>
{
    [PersonalData(DataCategory.Name)] public string Owner { get; set; } = "";
    public string Title { get; set; } = "";
}

public sealed class Even : IEnumerable<Odd>
{
    [PersonalData(DataCategory.Name)] public string Name { get; set; } = "";
    public IEnumerator<Odd> GetEnumerator() { yield break; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class Odd : IEnumerable<Even>
{
    public string Note { get; set; } = "";
    public IEnumerator<Even> GetEnumerator() { yield break; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class Forest
{
    public Tree Plant(string owner) => new Tree { Owner = owner };

    public void Walk(ILogger logger, Tree tree, Even even, Odd odd)
    {
        logger.LogInformation("tree {Title} with {Count}", tree.Title, tree.Count);
        logger.LogInformation("tree {@Tree}", tree); // expect: SP2001
        logger.LogInformation($"owner {tree.Owner}"); // expect: SP2001
        foreach (var branch in tree)
        {
            logger.LogInformation("branch of {Owner}", branch.Owner); // expect: SP2001
        }

        foreach (var inner in odd)
        {
            logger.LogInformation("even {Name}", inner.Name); // expect: SP2001
        }

        logger.LogInformation("odd {Note} even {@Even}", odd.Note, even); // expect: SP2001
    }
}
