using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SafePrivacy.Cli.Terminal;

namespace SafePrivacy.Cli.Loading;

/// <summary>
/// Design-time builds see only what restore wrote: a project that was never restored loads without its packages
/// and binds to nothing, and one whose packages changed since its last restore binds to the old set and reports
/// compiler errors that <c>dotnet build</c> would not. Such projects are restored with <c>dotnet restore</c>, as
/// <c>dotnet build</c> would.
/// </summary>
internal enum RestoreState
{
    Restored,
    NeverRestored,
    Stale,
}

internal static class Restorer
{
    // The files NuGet reads package references and sources from, besides the project itself.
    private static readonly string[] RestoreInputsAbove =
        { "Directory.Packages.props", "Directory.Build.props", "Directory.Build.targets", "NuGet.config", "nuget.config", "global.json" };

    /// <summary>
    /// Whether the project was restored, never was (no assets file), or was restored before a file that decides what
    /// restore resolves changed (the project, and the central package and build files above it).
    /// </summary>
    public static RestoreState StateOf(Project project)
    {
        if (project.FilePath is not { } path || !File.Exists(path) || !IsRestoredByNuGet(path))
        {
            return RestoreState.Restored;
        }

        var assets = AssetsFile(path);
        if (!assets.Exists)
        {
            return RestoreState.NeverRestored;
        }

        return RestoreInputs(path).Any(input => File.GetLastWriteTimeUtc(input) > assets.LastWriteTimeUtc) ? RestoreState.Stale : RestoreState.Restored;
    }

    /// <summary>
    /// Marks a stale project's assets as checked. NuGet leaves the assets file untouched when nothing changed (a
    /// no-op restore), so without this every later scan of a merely touched project would restore again.
    /// </summary>
    public static void MarkChecked(string projectPath)
    {
        var assets = AssetsFile(projectPath);
        if (assets.Exists)
        {
            assets.LastWriteTimeUtc = DateTime.UtcNow;
        }
    }

    private static FileInfo AssetsFile(string projectPath) => new(Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json"));

    private static IEnumerable<string> RestoreInputs(string projectPath)
    {
        yield return projectPath;
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(projectPath)!); folder is not null; folder = folder.Parent)
        {
            foreach (var name in RestoreInputsAbove)
            {
                var candidate = Path.Combine(folder.FullName, name);
                if (File.Exists(candidate))
                {
                    yield return candidate;
                }
            }
        }
    }

    // SDK-style projects and PackageReference projects restore; an old-style project without packages does not.
    private static bool IsRestoredByNuGet(string projectPath)
    {
        var text = File.ReadAllText(projectPath);
        return text.Contains("Sdk=", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<Sdk ", StringComparison.OrdinalIgnoreCase)
            || text.Contains("PackageReference", StringComparison.Ordinal);
    }

    public static async Task RestoreAsync(LoadTarget target, IStatus status, CancellationToken cancellationToken)
    {
        foreach (var input in target.RestoreInputs)
        {
            var display = Path.GetRelativePath(Environment.CurrentDirectory, input);
            status.Stage($"Restoring {display}");
            var (exitCode, output) = await RunAsync(MSBuildRegistration.DotnetExecutable, input, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(5);
                throw new UsageException(
                    $"Restoring '{display}' failed; run 'dotnet restore {display}' to see why." + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string dotnet, string input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "restore", input, "--nologo", "-v:q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new UsageException($"Could not start '{dotnet} restore'; run 'dotnet restore' yourself, then scan again.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
