using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace SafePrivacy.Cli.Tests.Infrastructure;

/// <summary>
/// Real git repositories in temporary folders, for SRCROOT and <c>--changed-since</c>. The user's and the system's git
/// configuration are ignored, so a signing hook or a default branch name on the machine changes nothing.
/// </summary>
internal static class Git
{
    public static async Task InitAsync(string folder)
    {
        await RunAsync(folder, "init", "-q", "-b", "main");
    }

    /// <summary>Stages everything and commits it; returns the new commit's hash.</summary>
    public static async Task<string> CommitAllAsync(string folder, string message)
    {
        await RunAsync(folder, "add", "-A");
        await RunAsync(folder, "commit", "-q", "--no-verify", "-m", message);
        return (await RunAsync(folder, "rev-parse", "HEAD")).Trim();
    }

    public static async Task<string> RunAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", "user.name=SafePrivacy Tests", "-c", "user.email=tests@safeprivacy.invalid", "-c", "commit.gpgsign=false" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git could not be started; CI's .ci/run installs it.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await errors}");
        return await output;
    }
}
