using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace SafePrivacy.Cli.Loading;

/// <summary>What to load: one solution, or one or more project files; and the folder paths are reported relative to.</summary>
internal sealed class LoadTarget
{
    private LoadTarget(string root, string? solution, ImmutableArray<string> projects, string display)
    {
        Root = root;
        SourceRoot = RepositoryRoot(root) ?? root;
        Solution = solution;
        Projects = projects;
        Display = display;
    }

    /// <summary>The scanned root: the folder given, or the folder of the file given. Reports are relative to it.</summary>
    public string Root { get; }

    /// <summary>
    /// SRCROOT for SARIF, fingerprints and baselines: the root of the enclosing git repository, else <see cref="Root"/>.
    /// Paths relative to it name the same file whichever folder a job scans, so code scanning places a finding on
    /// the right file when a job scans <c>src/App</c>, and a baseline written from the top matches a scan of part.
    /// </summary>
    public string SourceRoot { get; }

    /// <summary>The .sln or .slnx to open, or null when loading project files.</summary>
    public string? Solution { get; }

    /// <summary>The project files to open when there is no solution.</summary>
    public ImmutableArray<string> Projects { get; }

    /// <summary>The path as the user gave it, for messages.</summary>
    public string Display { get; }

    /// <summary>The files restore is run on: the solution, or each project.</summary>
    public IEnumerable<string> RestoreInputs => Solution is not null ? new[] { Solution } : Projects;

    /// <summary>
    /// Resolves a path to what to load: a .sln/.slnx/.csproj file as is; a folder's single solution, else its
    /// projects (at the top, else anywhere below it).
    /// </summary>
    public static LoadTarget Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return FromFile(full, path);
        }

        if (Directory.Exists(full))
        {
            return FromFolder(full, path);
        }

        throw new UsageException($"The path '{path}' does not exist.");
    }

    private static LoadTarget FromFile(string full, string display)
    {
        var folder = Path.GetDirectoryName(full)!;
        return Path.GetExtension(full).ToUpperInvariant() switch
        {
            ".SLN" => new LoadTarget(folder, full, ImmutableArray<string>.Empty, display),
            ".SLNX" => new LoadTarget(folder, null, SlnxProjects(full, display), display),
            ".CSPROJ" => new LoadTarget(folder, null, ImmutableArray.Create(full), display),
            _ => throw new UsageException($"'{display}' is not a .sln, .slnx or .csproj file; give one of those, or a folder that holds one."),
        };
    }

    private static LoadTarget FromFolder(string folder, string display)
    {
        var solutions = TopLevel(folder, "*.sln").Concat(TopLevel(folder, "*.slnx")).Distinct(StringComparer.Ordinal).ToList();
        if (solutions.Count == 1)
        {
            return FromFile(solutions[0], display);
        }

        if (solutions.Count > 1)
        {
            var names = string.Join(", ", solutions.Select(Path.GetFileName));
            throw new UsageException($"'{display}' holds several solutions ({names}); give the one to load.");
        }

        var projects = TopLevel(folder, "*.csproj").ToList();
        if (projects.Count == 0)
        {
            projects = Below(folder).ToList();
        }

        return projects.Count > 0
            ? new LoadTarget(folder, null, projects.ToImmutableArray(), display)
            : throw new UsageException($"No .sln, .slnx or .csproj file was found in '{display}'.");
    }

    /// <summary>
    /// The C# projects a .slnx lists. The format is plain XML (<c>&lt;Project Path="..."/&gt;</c>, possibly inside
    /// <c>&lt;Folder&gt;</c>s), read here because the MSBuild that MSBuildWorkspace parses solutions with predates it.
    /// </summary>
    private static ImmutableArray<string> SlnxProjects(string solution, string display)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(solution);
        }
        catch (XmlException exception)
        {
            throw new UsageException($"Could not read '{display}': {exception.Message}", exception);
        }

        var folder = Path.GetDirectoryName(solution)!;
        var projects = document.Descendants()
            .Where(e => e.Name.LocalName == "Project")
            .Select(e => (string?)e.Attribute("Path"))
            .OfType<string>()
            .Select(path => Path.GetFullPath(Path.Combine(folder, path.Replace('\\', Path.DirectorySeparatorChar))))
            .Where(path => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        var missing = projects.FirstOrDefault(p => !File.Exists(p));
        if (missing is not null)
        {
            throw new UsageException($"'{display}' lists '{Path.GetRelativePath(folder, missing)}', which does not exist.");
        }

        return projects.IsEmpty ? throw new UsageException($"'{display}' lists no C# project.") : projects;
    }

    // '.git' is a folder in a clone and a file in a worktree or submodule; either marks the repository's root.
    private static string? RepositoryRoot(string folder)
    {
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static IEnumerable<string> TopLevel(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.TopDirectoryOnly).OrderBy(p => p, StringComparer.Ordinal);

    // Build output and tool folders hold copies and caches, never the projects a user means.
    private static IEnumerable<string> Below(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(folder, "*.csproj", options)
            .Where(p => !Path.GetRelativePath(folder, p).Split(Path.DirectorySeparatorChar).Any(IsIgnoredFolder))
            .OrderBy(p => p, StringComparer.Ordinal);
    }

    private static bool IsIgnoredFolder(string segment) =>
        segment is "bin" or "obj" or "node_modules" or "artifacts" || segment.StartsWith('.');
}
