using System;
using System.Linq;

namespace SafePrivacy.Analyzers.Configuration;

/// <summary>The list syntax of every <c>safe_privacy.*</c> option: items separated by commas or semicolons.</summary>
internal static class OptionLists
{
    private static readonly char[] Separators = { ',', ';' };

    public static string[] Split(string? list) =>
        (list ?? string.Empty)
            .Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(item => item.Trim())
            .Where(item => item.Length > 0)
            .ToArray();
}
