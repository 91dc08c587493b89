// Twenty levels of IEnumerable<IEnumerable<…>> and twenty levels of mixed generic wrappers around a type that
// holds personal data, passed to helpers, returned, flattened and logged.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SafePrivacy;

public sealed class Member
{
    public int Id { get; set; }
    [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
}

public sealed class Deep
{
    public IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<Member>>>>>>>>>>>>>>>>>>>> Layers { get; set; } = null!;

    public KeyValuePair<int, Lazy<Task<List<Dictionary<string, KeyValuePair<int, Lazy<Task<List<Dictionary<string, KeyValuePair<int, Lazy<Task<List<Dictionary<string, KeyValuePair<int, Lazy<Task<List<Dictionary<string, Member>>>>>>>>>>>>>>>>>>>> Wrapped { get; set; }

    public static IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<Member>>>>>>>>>>>>>>>>>>>> Pass(IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<Member>>>>>>>>>>>>>>>>>>>> layers) => layers;

    public void Log(ILogger logger, IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<IEnumerable<Member>>>>>>>>>>>>>>>>>>>> layers)
    {
        var same = Pass(layers);
        logger.LogInformation("layers {@Layers}", same); // expect: SP2001
        logger.LogInformation("wrapped {@Wrapped}", Wrapped); // expect: SP2001
        logger.LogInformation("count {Count}", same.Count());
        // Each element printed with object.ToString (Member does not override it): the type's name, not its data.
        logger.LogInformation("text {Text}", string.Join(",", Flatten(same)));
    }

    private static IEnumerable<string> Flatten(IEnumerable<object> items) => items.Select(i => i.ToString() ?? "");
}
