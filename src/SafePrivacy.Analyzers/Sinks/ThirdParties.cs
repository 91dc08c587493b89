using System;
using System.Collections.Generic;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>A vendor a catalogued SDK sends data to: named in messages and in the inventory.</summary>
/// <param name="Name">How messages name it: "Sentry", "Twilio".</param>
/// <param name="AnalysesContent">It analyses what it is given (an LLM, a moderation API).</param>
internal sealed record ThirdParty(string Name, bool AnalysesContent);

/// <summary>
/// The party each catalogued vendor sink delivers to, by the sink's name as hits carry it ("SentrySdk.CaptureMessage",
/// "Scope.User.Email"): the same name however the data got there, directly or through the project's helpers.
/// </summary>
internal static class ThirdParties
{
    private static readonly char[] Alternatives = { '|' };
    private static readonly Dictionary<(SinkKind, string), ThirdParty> BySink = Index();

    /// <summary>The vendor <paramref name="hit"/>'s sink sends to, or null for sinks of no named party.</summary>
    public static ThirdParty? Of(SinkHit hit) => Of(hit.Kind, hit.Sink);

    public static ThirdParty? Of(SinkKind kind, string sink) => BySink.TryGetValue((kind, sink), out var party) ? party : null;

    // Each name a hit of a vendor entry can carry, the way SinkResolver and SinkRecorder form it: "Type.Method",
    // "new Type", a setter by its property, and a receiver-bound sink by its receiver ("Scope.User.Email").
    private static Dictionary<(SinkKind, string), ThirdParty> Index()
    {
        var index = new Dictionary<(SinkKind, string), ThirdParty>();
        foreach (var entry in SinkCatalogue.Entries)
        {
            if (entry.Party is not { } name)
            {
                continue;
            }

            var party = new ThirdParty(name, entry.AnalysesContent);
            var type = SimpleName(entry.TypeName);
            foreach (var method in entry.MethodNames)
            {
                var member = method.StartsWith("set_", StringComparison.Ordinal) ? method.Substring(4) : method;
                if (method == ".ctor")
                {
                    index[(entry.Kind, "new " + type)] = party;
                    continue;
                }

                index[(entry.Kind, $"{entry.DisplayType ?? type}.{member}")] = party;
                foreach (var receiver in (entry.Receiver ?? string.Empty).Split(Alternatives, StringSplitOptions.RemoveEmptyEntries))
                {
                    var dot = receiver.LastIndexOf('.');
                    index[(entry.Kind, $"{SimpleName(receiver.Substring(0, dot))}.{receiver.Substring(dot + 1)}.{member}")] = party;
                }
            }
        }

        return index;
    }

    private static string SimpleName(string metadataName)
    {
        var name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name.Substring(0, tick);
    }
}
