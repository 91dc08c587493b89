// A library's annotated self-enumerating type, seen by the application as metadata only.
using System.Collections;
using System.Collections.Generic;
using SafePrivacy;

namespace Library
{
    [PersonalData(DataCategory.Behavioural)]
    public sealed class Activity : IEnumerable<Activity>
    {
        private readonly List<Activity> _children = new();
        public string Kind { get; set; } = "";
        public IEnumerator<Activity> GetEnumerator() => _children.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public sealed class Visitor : IEnumerable<Visitor>
    {
        public int Id { get; set; }
        [PersonalData(DataCategory.NetworkAddress)] public string Address { get; set; } = "";
        public IEnumerator<Visitor> GetEnumerator() { yield break; }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
// ---- library above, application below ----
using System.Linq;
using Library;
using Microsoft.Extensions.Logging;

public sealed class Tracker
{
    public void Track(ILogger logger, Activity activity, Visitor visitor)
    {
        // Printed as text, an enumerable is its elements' ToString, here object's: the type name, not the data.
        logger.LogInformation("activity {Activity}", activity);
        logger.LogInformation("activity {@Activity}", activity); // expect: SP2001
        logger.LogInformation("children {Count}", activity.Count());
        foreach (var child in visitor)
        {
            logger.LogInformation("visitor {Id}", child.Id);
            logger.LogInformation("from {Address}", child.Address); // expect: SP2001
        }
    }
}
