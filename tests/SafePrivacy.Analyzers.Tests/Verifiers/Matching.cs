using System;
using System.Collections.Generic;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// Pairs expected with actual diagnostics so that as many as possible match (bipartite matching): a loose
/// expectation must not take the diagnostic a stricter one needs.
/// </summary>
internal static class Matching
{
    /// <summary>For each expected item, the index of its actual partner, or -1.</summary>
    public static int[] Pair<TExpected, TActual>(IReadOnlyList<TExpected> expected, IReadOnlyList<TActual> actual, Func<TExpected, TActual, bool> matches)
    {
        var partnerOfActual = new int[actual.Count];
        Array.Fill(partnerOfActual, -1);
        for (var i = 0; i < expected.Count; i++)
        {
            TryAugment(i, new bool[actual.Count]);
        }

        var partnerOfExpected = new int[expected.Count];
        Array.Fill(partnerOfExpected, -1);
        for (var j = 0; j < actual.Count; j++)
        {
            if (partnerOfActual[j] >= 0)
            {
                partnerOfExpected[partnerOfActual[j]] = j;
            }
        }

        return partnerOfExpected;

        bool TryAugment(int i, bool[] visited)
        {
            for (var j = 0; j < actual.Count; j++)
            {
                if (visited[j] || !matches(expected[i], actual[j]))
                {
                    continue;
                }

                visited[j] = true;
                if (partnerOfActual[j] < 0 || TryAugment(partnerOfActual[j], visited))
                {
                    partnerOfActual[j] = i;
                    return true;
                }
            }

            return false;
        }
    }
}
