using System;
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
/// and binds to nothing. Such projects are restored with <c>dotnet restore</c>, as <c>dotnet build</c> would.
/// </summary>
internal static class Restorer
{
    /// <summary>Whether the project was loaded without the assets file restore writes.</summary>
    public static bool NeedsRestore(Project project)
    {
        if (project.FilePath is not { } path || !File.Exists(path))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(path)!;
        return IsRestoredByNuGet(path) && !File.Exists(Path.Combine(folder, "obj", "project.assets.json"));
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
