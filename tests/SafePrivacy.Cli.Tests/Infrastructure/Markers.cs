using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafePrivacy.Cli.Tests.Infrastructure;

/// <summary>
/// The findings a sample promises: each line that ends in <c>// ⚠ SPxxxx, SPyyyy</c> expects exactly those rules there
/// (the same contract the analyzer tests hold the samples to), as (file name, line, rule ID).
/// </summary>
internal static partial class Markers
{
    public static HashSet<(string File, int Line, string Id)> Expected(string sample)
    {
        var markers = new HashSet<(string, int, string)>();
        foreach (var path in SourceFiles(sample))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = lines[i].IndexOf("// ⚠", StringComparison.Ordinal);
                if (marker < 0)
                {
                    continue;
                }

                foreach (Match id in RuleId().Matches(lines[i][marker..]))
                {
                    markers.Add((Path.GetFileName(path), i + 1, id.Value));
                }
            }
        }

        return markers;
    }

    public static string Describe(IEnumerable<(string File, int Line, string Id)> findings) =>
        string.Join("; ", findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Id, StringComparer.Ordinal));

    private static IEnumerable<string> SourceFiles(string sample) =>
        new[] { sample, "Shared" }
            .SelectMany(folder => Directory.GetFiles(Repository.Sample(folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));

    [GeneratedRegex("SP[0-9]{4}")]
    private static partial Regex RuleId();
}
