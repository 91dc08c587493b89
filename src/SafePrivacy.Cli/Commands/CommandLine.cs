using System;
using System.Collections.Generic;
using System.Linq;

namespace SafePrivacy.Cli.Commands;

internal enum CommandKind
{
    Scan,
    Inventory,
    Help,
    Version,
}

internal enum ScanFormat
{
    Text,
    Json,
    Sarif,
    Markdown,
}

internal enum InventoryFormat
{
    Markdown,
    Json,
    Html,
    Fides,
}

/// <summary>The lowest severity that makes <c>scan</c> exit with 1.</summary>
internal enum FailOn
{
    Error,
    Warning,
    None,
}

/// <summary>The package's <c>SafePrivacyMode</c>: Enforce turns every SafePrivacy warning into an error.</summary>
internal enum SafePrivacyMode
{
    Advisory,
    Enforce,
}

/// <summary>What the user asked for, validated.</summary>
internal sealed class CommandOptions
{
    public CommandKind Kind { get; init; }

    /// <summary>The solution, project or folder; the current folder when not given.</summary>
    public string Path { get; init; } = ".";

    public string? Output { get; init; }

    public ScanFormat ScanFormat { get; init; } = ScanFormat.Text;

    public InventoryFormat InventoryFormat { get; init; } = InventoryFormat.Markdown;

    /// <summary>Error by default: the same builds fail as with the package (Advisory passes, Enforce fails).</summary>
    public FailOn FailOn { get; init; } = FailOn.Error;

    /// <summary>The mode asked for on the command line; null means each project's own <c>SafePrivacyMode</c>.</summary>
    public SafePrivacyMode? Mode { get; init; }

    public bool NoRestore { get; init; }

    /// <summary>The baseline file: findings recorded in it are known and do not fail the scan.</summary>
    public string? Baseline { get; init; }

    /// <summary>Write the scan's findings to <see cref="Baseline"/> instead of comparing with it.</summary>
    public bool UpdateBaseline { get; init; }

    /// <summary>A git ref: report only findings in files changed since it.</summary>
    public string? ChangedSince { get; init; }

    /// <summary>The fideslang data subject for the manifest's declarations: the annotations do not say whose data it is.</summary>
    public string DataSubject { get; init; } = "customer";
}

/// <summary>Parses <c>safeprivacy scan|inventory [PATH] [options]</c>; every mistake is a <see cref="UsageException"/>.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage:
          safeprivacy scan [PATH] [options]        Run the SafePrivacy analyzers and report the findings
          safeprivacy inventory [PATH] [options]   Write the record of processing activities

        PATH is a .sln, .slnx or .csproj file, or a folder holding one (default: the current folder).

        scan options:
          --format text|json|sarif|markdown   Report format (default: text)
          --output FILE                       Write the report to FILE instead of the console
          --fail-on error|warning|none        Exit with 1 when a finding is at least this severe (default: error)
          --mode advisory|enforce             Override each project's SafePrivacyMode (Enforce makes warnings errors)
          --no-restore                        Do not run 'dotnet restore' for projects that need it
          --baseline FILE                     Findings recorded in FILE are known and do not fail the scan
          --update-baseline                   Write the scan's findings to the --baseline FILE
          --changed-since REF                 Only findings in files changed since the git ref REF

        inventory options:
          --format markdown|json|html|fides   Record format (default: markdown)
          --output FILE                       Write the record to FILE instead of the console
          --data-subject KEY                  fideslang data subject for the fides manifest (default: customer)
          --no-restore                        Do not run 'dotnet restore' for projects that need it

        Exit codes: 0 done, no finding at or above --fail-on; 1 findings at or above --fail-on; 2 usage or load error.
        """;

    public static CommandOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return new CommandOptions { Kind = CommandKind.Help };
        }

        if (args[0] is "--version")
        {
            return new CommandOptions { Kind = CommandKind.Version };
        }

        var kind = args[0] switch
        {
            "scan" => CommandKind.Scan,
            "inventory" => CommandKind.Inventory,
            _ => throw new UsageException($"Unknown command '{args[0]}'; use 'safeprivacy scan' or 'safeprivacy inventory' (see 'safeprivacy --help')."),
        };
        return ParseOptions(kind, args.Skip(1).ToList());
    }

    private static CommandOptions ParseOptions(CommandKind kind, List<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string? path = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return new CommandOptions { Kind = CommandKind.Help };
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                path = path is null ? arg : throw new UsageException($"Give one path only; got '{path}' and '{arg}'.");
                continue;
            }

            var (name, inlineValue) = SplitOption(arg);
            CheckKnown(kind, name);
            if (name is "--no-restore" or "--update-baseline")
            {
                flags.Add(name);
                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"Option '{name}' needs a value."));
            values[name] = value;
        }

        return Build(kind, path, values, flags);
    }

    private static CommandOptions Build(CommandKind kind, string? path, Dictionary<string, string> values, HashSet<string> flags)
    {
        var format = values.GetValueOrDefault("--format");
        if (flags.Contains("--update-baseline") && !values.ContainsKey("--baseline"))
        {
            throw new UsageException("--update-baseline needs --baseline FILE, the file to write.");
        }

        return new CommandOptions
        {
            Kind = kind,
            Path = path ?? ".",
            Output = values.TryGetValue("--output", out var output) ? NonEmpty("--output", output) : null,
            ScanFormat = kind == CommandKind.Scan && format is not null ? Choice<ScanFormat>("--format", format) : ScanFormat.Text,
            InventoryFormat = kind == CommandKind.Inventory && format is not null ? Choice<InventoryFormat>("--format", format) : InventoryFormat.Markdown,
            FailOn = values.TryGetValue("--fail-on", out var failOn) ? Choice<FailOn>("--fail-on", failOn) : FailOn.Error,
            Mode = values.TryGetValue("--mode", out var mode) ? Choice<SafePrivacyMode>("--mode", mode) : null,
            NoRestore = flags.Contains("--no-restore"),
            Baseline = values.TryGetValue("--baseline", out var baseline) ? NonEmpty("--baseline", baseline) : null,
            UpdateBaseline = flags.Contains("--update-baseline"),
            ChangedSince = values.TryGetValue("--changed-since", out var reference) ? NonEmpty("--changed-since", reference) : null,
            DataSubject = values.TryGetValue("--data-subject", out var subject) ? NonEmpty("--data-subject", subject) : "customer",
        };
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static void CheckKnown(CommandKind kind, string name)
    {
        var known = kind == CommandKind.Scan
            ? new[] { "--format", "--output", "--fail-on", "--mode", "--no-restore", "--baseline", "--update-baseline", "--changed-since" }
            : new[] { "--format", "--output", "--data-subject", "--no-restore" };
        if (!known.Contains(name, StringComparer.Ordinal))
        {
            var command = kind == CommandKind.Scan ? "scan" : "inventory";
            throw new UsageException($"Unknown option '{name}' for '{command}'; it takes {string.Join(", ", known)}.");
        }
    }

    private static T Choice<T>(string option, string value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        var allowed = string.Join("|", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        throw new UsageException($"'{value}' is not a valid {option}; use {allowed}.");
    }

    private static string NonEmpty(string option, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"Option '{option}' needs a value.") : value;
}
