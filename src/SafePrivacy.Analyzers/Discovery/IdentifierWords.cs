using System.Collections.Generic;
using System.Collections.Immutable;

namespace SafePrivacy.Analyzers.Discovery;

/// <summary>Splits identifiers into lower-case words: "ContactEmail" → contact, email; "IPAddress" → ip, address.</summary>
internal static class IdentifierWords
{
    public static ImmutableArray<string> Split(string identifier)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var start = -1;
        for (var i = 0; i <= identifier.Length; i++)
        {
            if (i == identifier.Length || !char.IsLetter(identifier[i]))
            {
                Flush(identifier, ref start, i, words);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var current = identifier[i];
            var previous = identifier[i - 1];
            var next = i + 1 < identifier.Length ? identifier[i + 1] : '\0';

            // lower→Upper starts a word (contactEmail); so does the last capital of an acronym (IPAddress → IP|Address).
            if ((char.IsLower(previous) && char.IsUpper(current)) || (char.IsUpper(previous) && char.IsUpper(current) && char.IsLower(next)))
            {
                Flush(identifier, ref start, i, words);
                start = i;
            }
        }

        return words.ToImmutable();
    }

    private static void Flush(string identifier, ref int start, int end, ImmutableArray<string>.Builder words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(identifier.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }

    /// <summary>Whether <paramref name="words"/> ends with <paramref name="pattern"/>: English compounds name the thing last.</summary>
    public static bool EndsWith(IReadOnlyList<string> words, IReadOnlyList<string> pattern)
    {
        if (pattern.Count == 0 || pattern.Count > words.Count)
        {
            return false;
        }

        var offset = words.Count - pattern.Count;
        for (var i = 0; i < pattern.Count; i++)
        {
            if (words[offset + i] != pattern[i])
            {
                return false;
            }
        }

        return true;
    }
}
