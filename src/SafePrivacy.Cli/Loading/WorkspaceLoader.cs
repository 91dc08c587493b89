using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using SafePrivacy.Cli.Commands;
using SafePrivacy.Cli.Terminal;

namespace SafePrivacy.Cli.Loading;

/// <summary>The projects a command works on, loaded, and the workspace that owns them.</summary>
internal sealed class LoadedProjects : IDisposable
{
    public LoadedProjects(LoadTarget target, MSBuildWorkspace workspace, ImmutableArray<Project> projects)
    {
        Target = target;
        Workspace = workspace;
        Projects = projects;
    }

    public LoadTarget Target { get; }

    public MSBuildWorkspace Workspace { get; }

    /// <summary>The C# projects named by the target (a solution's, or the project files), not the ones they reference.</summary>
    public ImmutableArray<Project> Projects { get; }

    public void Dispose() => Workspace.Dispose();
}

/// <summary>
/// Loads a <see cref="LoadTarget"/> with MSBuildWorkspace and the installed SDK, restoring first when a project was
/// never restored or changed after its last restore. Everything that can go wrong becomes a <see cref="UsageException"/> with a plain message.
/// </summary>
internal static class WorkspaceLoader
{
    public static async Task<LoadedProjects> LoadAsync(LoadTarget target, CommandOptions options, IStatus status, CancellationToken cancellationToken)
    {
        MSBuildRegistration.Ensure(target.Root);
        var loaded = await OpenAsync(target, options.Mode, status, cancellationToken).ConfigureAwait(false);
        var states = loaded.Workspace.CurrentSolution.Projects
            .Select(p => (Path: p.FilePath!, State: Restorer.StateOf(p)))
            .Where(p => p.State != RestoreState.Restored)
            .Distinct()
            .ToList();
        var unrestored = states.Where(p => p.State == RestoreState.NeverRestored).Select(p => p.Path).ToList();
        var stale = states.Where(p => p.State == RestoreState.Stale).Select(p => p.Path).ToList();
        if (states.Count == 0 || (options.NoRestore && unrestored.Count == 0))
        {
            foreach (var project in stale)
            {
                status.Warn($"{Path.GetFileName(project)} changed after its last restore; if the scan reports compiler errors, run 'dotnet restore {target.Display}' or scan without --no-restore.");
            }

            return loaded;
        }

        loaded.Dispose();
        if (options.NoRestore)
        {
            var names = string.Join(", ", unrestored.Select(Path.GetFileName));
            throw new UsageException($"{names} {(unrestored.Count == 1 ? "has" : "have")} not been restored; run 'dotnet restore {target.Display}' first, or scan without --no-restore.");
        }

        await Restorer.RestoreAsync(target, status, cancellationToken).ConfigureAwait(false);
        stale.ForEach(Restorer.MarkChecked);
        return await OpenAsync(target, options.Mode, status, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<LoadedProjects> OpenAsync(LoadTarget target, SafePrivacyMode? mode, IStatus status, CancellationToken cancellationToken)
    {
        // A mode on the command line reaches MSBuild like -p:SafePrivacyMode=..., so the package's own props and
        // targets (the Enforce global config, the mode check) see it too.
        var properties = mode is { } chosen
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["SafePrivacyMode"] = chosen.ToString() }
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var workspace = MSBuildWorkspace.Create(properties);
        var failures = new List<string>();
        workspace.WorkspaceFailed += (_, e) =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (failures)
                {
                    failures.Add(e.Diagnostic.Message);
                }
            }
        };
        try
        {
            var progress = new Progress<ProjectLoadProgress>(p => status.Stage($"Loading {Path.GetFileName(p.FilePath)} ({Describe(p.Operation)})"));
            status.Stage($"Loading {target.Display}");
            var projects = target.Solution is { } solution
                ? await OpenSolutionAsync(workspace, solution, progress, cancellationToken).ConfigureAwait(false)
                : await OpenProjectsAsync(workspace, target.Projects, progress, cancellationToken).ConfigureAwait(false);
            ReportFailures(target, projects, failures, status);
            return new LoadedProjects(target, workspace, projects);
        }
        catch (Exception exception) when (exception is not (UsageException or OperationCanceledException))
        {
            workspace.Dispose();
            throw new UsageException($"Could not load '{target.Display}': {FirstLine(exception.Message)}", exception);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private static async Task<ImmutableArray<Project>> OpenSolutionAsync(
        MSBuildWorkspace workspace, string path, IProgress<ProjectLoadProgress> progress, CancellationToken cancellationToken)
    {
        var solution = await workspace.OpenSolutionAsync(path, progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
        return solution.Projects.Where(p => p.Language == LanguageNames.CSharp).OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToImmutableArray();
    }

    private static async Task<ImmutableArray<Project>> OpenProjectsAsync(
        MSBuildWorkspace workspace, ImmutableArray<string> paths, IProgress<ProjectLoadProgress> progress, CancellationToken cancellationToken)
    {
        foreach (var path in paths)
        {
            // A project an earlier one references is already loaded (with all its target frameworks).
            if (!workspace.CurrentSolution.Projects.Any(p => SamePath(p.FilePath, path)))
            {
                await workspace.OpenProjectAsync(path, progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        return workspace.CurrentSolution.Projects
            .Where(p => p.Language == LanguageNames.CSharp && paths.Any(path => SamePath(p.FilePath, path)))
            .OrderBy(p => p.FilePath, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    // A failure in a project the user named stops the run; one in a project it references is worth knowing, since
    // what binds against it may be incomplete, but the named projects can still be scanned.
    private static void ReportFailures(LoadTarget target, ImmutableArray<Project> projects, List<string> failures, IStatus status)
    {
        var named = target.Solution is null ? target.Projects : projects.Select(p => p.FilePath!).ToImmutableArray();
        foreach (var failure in failures.Distinct())
        {
            var path = named.FirstOrDefault(p => failure.Contains(p, StringComparison.Ordinal));
            if (path is not null && !projects.Any(p => SamePath(p.FilePath, path) && p.DocumentIds.Count > 0))
            {
                throw new UsageException($"Could not load '{Path.GetRelativePath(Environment.CurrentDirectory, path)}': {FirstLine(failure)}");
            }

            status.Warn(FirstLine(failure));
        }

        if (projects.IsEmpty)
        {
            throw new UsageException($"'{target.Display}' has no C# project to load.");
        }
    }

    private static string Describe(ProjectLoadOperation operation) => operation switch
    {
        ProjectLoadOperation.Evaluate => "evaluating",
        ProjectLoadOperation.Build => "design-time build",
        _ => "resolving references",
    };

    private static bool SamePath(string? left, string right) =>
        left is not null && string.Equals(Path.GetFullPath(left), Path.GetFullPath(right), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
