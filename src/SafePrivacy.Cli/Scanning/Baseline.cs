using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SafePrivacy.Cli.Reports;

namespace SafePrivacy.Cli.Scanning;

/// <summary>One finding a baseline records: matched on its fingerprint; the rest is for the people who review it.</summary>
internal sealed record BaselineEntry(string RuleId, string File, string Fingerprint, string Message);

/// <summary>
/// The findings a team has accepted for now, so a scan of existing code fails only on new ones. Entries are matched
/// on fingerprints (rule, SRCROOT-relative file, normalised line text), so edits elsewhere in a file, moved lines and
/// new files leave them matching. The file is JSON sorted by file, rule and fingerprint, with no line numbers or
/// dates, so updating it after unrelated edits changes nothing and a review sees only real changes.
/// </summary>
internal sealed class Baseline
{
    private const int FormatVersion = 1;

    private Baseline(string path, ImmutableArray<BaselineEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The file as the user named it.</summary>
    public string Path { get; }

    public ImmutableArray<BaselineEntry> Entries { get; }

    /// <summary>Reads a baseline; a missing or unreadable file is a usage error that says what to do.</summary>
    public static Baseline Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"The baseline '{path}' does not exist; create it with --update-baseline.");
        }

        return Parse(path, File.ReadAllText(path));
    }

    /// <summary>The baseline to update: the file's entries if it exists, none if it does not yet.</summary>
    public static Baseline LoadForUpdate(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"The folder for --baseline '{path}' does not exist.");
        }

        return File.Exists(path) ? Parse(path, File.ReadAllText(path)) : new Baseline(path, ImmutableArray<BaselineEntry>.Empty);
    }

    /// <summary>
    /// Marks each finding known or new, and counts the entries that match nothing any more among the files this scan
    /// covered (an entry for a file outside the scan says nothing about it). A file that no longer exists is covered:
    /// its findings are gone.
    /// </summary>
    public ScanReport Compare(ScanReport report)
    {
        var recorded = Entries.Select(e => e.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var findings = report.Findings.Select(f => f with { Known = recorded.Contains(f.Fingerprint) }).ToImmutableArray();
        var found = findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var fixedEntries = Entries.Count(e => !found.Contains(e.Fingerprint) && Covers(report, e));
        var known = findings.Count(f => f.Known);
        return report with
        {
            Findings = findings,
            Baseline = new BaselineComparison(Path, Entries.Length, known, findings.Length - known, fixedEntries, Updated: false),
        };
    }

    /// <summary>
    /// Writes the scan's findings as the baseline, keeping the entries for files the scan did not cover (a scan of one
    /// folder, or of the changed files, must not forget the rest). Returns the report with every finding known.
    /// </summary>
    public ScanReport Update(ScanReport report)
    {
        var kept = Entries.Where(e => !Covers(report, e));
        var entries = kept
            .Concat(report.Findings.Select(f => new BaselineEntry(f.RuleId, f.SourcePath, f.Fingerprint, f.Message)))
            .DistinctBy(e => e.Fingerprint, StringComparer.Ordinal)
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList();
        File.WriteAllText(Path, Serialise(entries), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return report with
        {
            Findings = report.Findings.Select(f => f with { Known = true }).ToImmutableArray(),
            Baseline = new BaselineComparison(Path, entries.Count, report.Findings.Length, 0, 0, Updated: true),
        };
    }

    // Findings without a file (a bad option) belong to every scan of the whole code, and to no changed-files scan.
    private static bool Covers(ScanReport report, BaselineEntry entry) => entry.File.Length == 0
        ? report.ChangedSince is null
        : report.AnalysedFiles.Contains(entry.File)
            || (!File.Exists(System.IO.Path.Combine(report.SourceRoot, entry.File)) && (report.ChangedSince is null || report.ChangedSince.Files.Contains(entry.File)));

    private static Baseline Parse(string path, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version)
                || version.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("findings", out var findings)
                || findings.ValueKind != JsonValueKind.Array)
            {
                throw new UsageException($"'{path}' is not a safeprivacy baseline (it needs \"version\" and \"findings\"); write one with --update-baseline.");
            }

            if (!version.TryGetInt32(out var number) || number != FormatVersion)
            {
                throw new UsageException($"The baseline '{path}' has format version {version.GetRawText()}; this safeprivacy reads version {FormatVersion}, so write it again with --update-baseline.");
            }

            return new Baseline(path, findings.EnumerateArray().Select((entry, i) => Entry(path, entry, i)).ToImmutableArray());
        }
        catch (JsonException exception)
        {
            throw new UsageException($"The baseline '{path}' is not valid JSON ({exception.Message}); write it again with --update-baseline.", exception);
        }
    }

    private static BaselineEntry Entry(string path, JsonElement entry, int index)
    {
        string Text(string name) =>
            entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : string.Empty;

        var fingerprint = Text("fingerprint");
        return fingerprint.Length > 0
            ? new BaselineEntry(Text("ruleId"), Text("file"), fingerprint, Text("message"))
            : throw new UsageException($"Entry {index + 1} of the baseline '{path}' has no fingerprint; write the baseline again with --update-baseline.");
    }

    private static string Serialise(IReadOnlyList<BaselineEntry> entries)
    {
        using var stream = new MemoryStream();
        using (var json = JsonOutput.Writer(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteString("tool", ToolInfo.Name);
            json.WriteStartArray("findings");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", entry.RuleId);
                json.WriteString("file", entry.File);
                json.WriteString("fingerprint", entry.Fingerprint);
                json.WriteString("message", entry.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
