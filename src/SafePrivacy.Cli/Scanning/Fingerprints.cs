using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace SafePrivacy.Cli.Scanning;

/// <summary>
/// A finding's identity across edits: its rule, its file relative to SRCROOT and the text of its line with the
/// whitespace normalised — never its line number — plus its place among findings that share all three. Lines moved
/// by unrelated edits, reindented code and added files keep every fingerprint; editing the line itself, or renaming
/// the file, makes a new one. SARIF carries it as a partial fingerprint and baselines match on it.
/// </summary>
internal static class Fingerprints
{
    /// <summary>The SARIF <c>partialFingerprints</c> key; the version changes only if the recipe does.</summary>
    public const string SarifKey = "safeprivacyFinding/v1";

    /// <summary>
    /// The findings, in the order given, with their fingerprints. Each comes with the source text its line had when it
    /// was analysed (its message when it has no file).
    /// </summary>
    public static ImmutableArray<Finding> Assign(IReadOnlyList<(Finding Finding, string LineText)> findings)
    {
        var fingerprints = new string[findings.Count];
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFileOrder = Enumerable.Range(0, findings.Count)
            .OrderBy(i => findings[i].Finding.Line)
            .ThenBy(i => findings[i].Finding.Column)
            .ThenBy(i => findings[i].Finding.Message, StringComparer.Ordinal);
        foreach (var i in inFileOrder)
        {
            var (finding, line) = findings[i];
            var identity = $"{finding.RuleId}\n{finding.SourcePath}\n{Normalise(line)}";
            var occurrence = occurrences.TryGetValue(identity, out var before) ? before + 1 : 0;
            occurrences[identity] = occurrence;
            fingerprints[i] = Hash($"{identity}\n{occurrence}");
        }

        return findings.Select((f, i) => f.Finding with { Fingerprint = fingerprints[i] }).ToImmutableArray();
    }

    /// <summary>Whitespace runs become one space, and the ends are trimmed: reindenting a line keeps its fingerprint.</summary>
    public static string Normalise(string line)
    {
        var text = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static string Hash(string identity) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)), 0, 16).ToLowerInvariant();
}
