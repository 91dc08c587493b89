using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Inventory;

/// <summary>Source positions in the inventory's shape.</summary>
internal static class Spots
{
    public static SourceSpot? Of(Location location)
    {
        if (!location.IsInSource)
        {
            return null;
        }

        var span = location.GetLineSpan();
        return new SourceSpot(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    public static ImmutableArray<SinkFlow> InSourceOrder(IEnumerable<SinkFlow> flows) => flows
        .OrderBy(f => f.Location?.Path, StringComparer.Ordinal)
        .ThenBy(f => f.Location?.Line)
        .ThenBy(f => f.Location?.Column)
        .ThenBy(f => f.Sink, StringComparer.Ordinal)
        .ToImmutableArray();
}
