using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SafePrivacy.Cli.Loading;

namespace SafePrivacy.Cli.Scanning;

/// <summary>
/// The files changed since a git ref, for <c>--changed-since</c> on pull-request jobs: what <c>git diff</c> lists
/// against the merge base of the ref and HEAD (the changes a pull request shows, not the ref's own later commits),
/// plus untracked files, as paths relative to SRCROOT. Asked before anything is loaded, so a typo costs nothing.
/// </summary>
internal static class ChangedFiles
{
    // Paths relative to the top, whatever the user's diff.relative or quoting settings.
    private static readonly string[] Settings = { "-c", "diff.relative=false", "-c", "core.quotePath=false" };

    public static async Task<ChangedScope> SinceAsync(string reference, LoadTarget target, CancellationToken cancellationToken)
    {
        // A ref that starts with '-' would be read as an option, and no branch or tag can be named so.
        if (reference.StartsWith('-'))
        {
            throw new UsageException($"--changed-since needs a git ref such as origin/main or a commit, not '{reference}'.");
        }

        var top = await TopLevelAsync(target, cancellationToken).ConfigureAwait(false);
        var commit = await GitAsync(top, cancellationToken, "rev-parse", "--verify", "--quiet", reference + "^{commit}").ConfigureAwait(false);
        if (commit.ExitCode != 0)
        {
            throw new UsageException($"--changed-since: git knows no commit '{reference}' in {top}; check the name, or fetch it first (a shallow clone may not have it).");
        }

        // Without a common ancestor (an unborn HEAD, unrelated histories) the ref itself is the base.
        var mergeBase = await GitAsync(top, cancellationToken, "merge-base", commit.Output.Trim(), "HEAD").ConfigureAwait(false);
        var baseCommit = mergeBase.ExitCode == 0 ? mergeBase.Output.Trim() : commit.Output.Trim();
        var changed = await RequireAsync(top, cancellationToken, "diff", "--name-only", "-z", "--no-ext-diff", baseCommit, "--").ConfigureAwait(false);
        var untracked = await RequireAsync(top, cancellationToken, "ls-files", "--others", "--exclude-standard", "-z").ConfigureAwait(false);
        var files = changed.Split('\0').Concat(untracked.Split('\0'))
            .Where(path => path.Length > 0)
            .Select(path => Scanner.RelativePath(target.SourceRoot, Path.GetFullPath(Path.Combine(top, path))))
            .ToImmutableHashSet(StringComparer.Ordinal);
        return new ChangedScope(reference, files);
    }

    private static async Task<string> TopLevelAsync(LoadTarget target, CancellationToken cancellationToken)
    {
        var result = await GitAsync(target.Root, cancellationToken, "rev-parse", "--show-toplevel").ConfigureAwait(false);
        return result.ExitCode == 0
            ? Path.GetFullPath(result.Output.Trim())
            : throw new UsageException($"'{target.Display}' is not inside a git repository; --changed-since compares with a git ref, so scan a clone.");
    }

    private static async Task<string> RequireAsync(string folder, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await GitAsync(folder, cancellationToken, arguments).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.Output
            : throw new UsageException($"--changed-since: 'git {arguments[0]}' failed: {FirstLine(result.Error)}");
    }

    private static async Task<(int ExitCode, string Output, string Error)> GitAsync(string folder, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        foreach (var argument in Settings.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new UsageException("--changed-since needs git, which could not be started.");
        }
        catch (Win32Exception)
        {
            throw new UsageException("--changed-since needs git on the PATH; install git or scan without --changed-since.");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no message";
        return line.EndsWith('.') ? line : line + ".";
    }
}
