using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace SafePrivacy.Benchmarks.Loading;

/// <summary>One evaluated item: its type, its identity (a full path for file items) and its metadata.</summary>
internal sealed class ProjectItem
{
    public ProjectItem(string type, string include, Dictionary<string, string> metadata)
    {
        Type = type;
        Include = include;
        Metadata = metadata;
    }

    public string Type { get; }

    public string Include { get; }

    public Dictionary<string, string> Metadata { get; }

    public string Get(string name) => Metadata.TryGetValue(name, out var value) ? value : string.Empty;
}

/// <summary>
/// A project file evaluated the way MSBuild does for a build, without MSBuild: the SDK's import order
/// (<c>Directory.Build.props</c> found up the tree, restore's <c>obj/*.nuget.g.props</c>,
/// <c>Directory.Packages.props</c>, the SDK's defaults, the project, <c>obj/*.nuget.g.targets</c>,
/// <c>Directory.Build.targets</c>), explicit <c>Import</c>s, <c>Choose</c>; properties in one pass in document order
/// and items in a second pass that sees the final properties, with <c>Include</c>/<c>Exclude</c>/<c>Remove</c>/
/// <c>Update</c>, globs and metadata. Targets do not run; what the SDK's targets would add to a compilation is
/// modelled by <see cref="ProjectLoader"/>.
/// </summary>
internal sealed class ProjectEvaluation
{
    private static readonly string[] SdkUsings = { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };

    private static readonly string[] WebUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    private static readonly string[] WorkerUsings =
    {
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    private static readonly HashSet<string> ItemAttributes = new(StringComparer.OrdinalIgnoreCase) { "Include", "Exclude", "Remove", "Update", "Condition", "KeepMetadata", "RemoveMetadata", "KeepDuplicates", "MatchOnMetadata", "MatchOnMetadataOptions", "Label" };

    private readonly Dictionary<string, string> _properties = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _global;
    private readonly List<(XElement Group, string File)> _itemGroups = new();
    private readonly Stack<string> _files = new();
    private readonly HashSet<string> _imported = new(StringComparer.Ordinal);
    private readonly MsBuildExpressions _expressions;

    private ProjectEvaluation(string path, Dictionary<string, string> global)
    {
        FullPath = Path.GetFullPath(path);
        Directory = Path.GetDirectoryName(FullPath)!;
        _global = new Dictionary<string, string>(global, StringComparer.OrdinalIgnoreCase);
        _expressions = new MsBuildExpressions(Get, () => _files.Count == 0 ? WithSlash(Directory) : WithSlash(Path.GetDirectoryName(_files.Peek())!));
    }

    public string FullPath { get; }

    public string Directory { get; }

    public string Sdk { get; private set; } = string.Empty;

    public List<ProjectItem> Items { get; } = new();

    /// <summary>Files imported, in order (Directory.Build.props, restore's props, …).</summary>
    public List<string> Imports { get; } = new();

    /// <summary>What this reader did not evaluate (each treated as empty or false).</summary>
    public IReadOnlyCollection<string> Unsupported => _expressions.Unsupported;

    public string this[string property] => Get(property);

    public IEnumerable<ProjectItem> ItemsOf(string type) => Items.Where(i => i.Type.Equals(type, StringComparison.OrdinalIgnoreCase));

    public bool IsTrue(string property) => Get(property).Equals("true", StringComparison.OrdinalIgnoreCase);

    public string Expand(string text) => _expressions.Expand(text);

    /// <summary>Evaluates <paramref name="path"/> with the given global properties (Configuration, TargetFramework).</summary>
    public static ProjectEvaluation Evaluate(string path, IReadOnlyDictionary<string, string> globalProperties)
    {
        var evaluation = new ProjectEvaluation(path, new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase));
        evaluation.Run();
        return evaluation;
    }

    private string Get(string name)
    {
        if (_global.TryGetValue(name, out var global))
        {
            return global;
        }

        if (_properties.TryGetValue(name, out var value))
        {
            return value;
        }

        switch (name)
        {
            case "MSBuildThisFile":
                return Path.GetFileName(CurrentFile);
            case "MSBuildThisFileFullPath":
                return CurrentFile;
            case "MSBuildThisFileName":
                return Path.GetFileNameWithoutExtension(CurrentFile);
            case "MSBuildThisFileExtension":
                return Path.GetExtension(CurrentFile);
        }

        // MSBuild exposes environment variables as properties.
        return Environment.GetEnvironmentVariable(name) ?? string.Empty;
    }

    private string CurrentFile => _files.Count == 0 ? FullPath : _files.Peek();

    private void Set(string name, string value)
    {
        if (!_global.ContainsKey(name))
        {
            _properties[name] = value;
        }
    }

    private void Default(string name, string value)
    {
        if (Get(name).Length == 0)
        {
            Set(name, value);
        }
    }

    private void Run()
    {
        var document = Load(FullPath);
        var root = document.Root!;
        Sdk = root.Attribute("Sdk")?.Value.Trim() ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value ?? string.Empty;
        var name = Path.GetFileNameWithoutExtension(FullPath);
        Set("MSBuildProjectFullPath", FullPath);
        Set("MSBuildProjectDirectory", Directory);
        Set("MSBuildProjectName", name);
        Set("MSBuildProjectFile", Path.GetFileName(FullPath));
        Set("MSBuildProjectExtension", Path.GetExtension(FullPath));
        Set("MSBuildRuntimeType", "Core");
        Set("OS", "Unix");
        Set("NuGetPackageRoot", WithSlash(PackageFolders.GlobalPackages));
        Set("UsingMicrosoftNETSdk", "true");
        foreach (var (key, value) in Toolset.Properties)
        {
            Set(key, value);
        }

        if (Sdk.Contains("Web", StringComparison.OrdinalIgnoreCase))
        {
            Set("UsingMicrosoftNETSdkWeb", "true");
        }

        if (Sdk.Contains("Razor", StringComparison.OrdinalIgnoreCase) || Sdk.Contains("Web", StringComparison.OrdinalIgnoreCase))
        {
            Set("UsingMicrosoftNETSdkRazor", "true");
        }

        Default("Configuration", "Debug");
        Default("Platform", "AnyCPU");

        // Sdk.props: Microsoft.Common.props imports Directory.Build.props, then restore's generated props.
        if (!Get("ImportDirectoryBuildProps").Equals("false", StringComparison.OrdinalIgnoreCase)
            && FileAbove(Directory, "Directory.Build.props") is { } buildProps)
        {
            Set("DirectoryBuildPropsPath", buildProps);
            Set("_DirectoryBuildPropsBasePath", Path.GetDirectoryName(buildProps)!);
            Import(buildProps);
        }

        Default("BaseIntermediateOutputPath", "obj/");
        if (IsTrue("UseArtifactsOutput"))
        {
            var artifacts = Get("ArtifactsPath") is { Length: > 0 } a ? a : Path.Combine(Get("_DirectoryBuildPropsBasePath") is { Length: > 0 } b ? b : Directory, "artifacts");
            Default("MSBuildProjectExtensionsPath", WithSlash(Path.Combine(artifacts, "obj", name)));
        }

        Default("MSBuildProjectExtensionsPath", Get("BaseIntermediateOutputPath"));
        var extensions = Path.GetFullPath(Path.Combine(Directory, Get("MSBuildProjectExtensionsPath")));
        Set("ProjectAssetsFile", Path.Combine(extensions, "project.assets.json"));
        var restoreProps = Path.Combine(extensions, Path.GetFileName(FullPath) + ".nuget.g.props");
        if (File.Exists(restoreProps))
        {
            Import(restoreProps);
        }

        if (!Get("ImportDirectoryPackagesProps").Equals("false", StringComparison.OrdinalIgnoreCase) && FileAbove(Directory, "Directory.Packages.props") is { } packagesProps)
        {
            Set("DirectoryPackagesPropsPath", packagesProps);
            Import(packagesProps);
        }

        SdkDefaults();
        _files.Push(FullPath);
        Walk(root);
        _files.Pop();

        // Sdk.targets: the SDK's target-framework inference, then restore's generated targets and Directory.Build.targets.
        TargetFrameworkProperties();
        var restoreTargets = Path.Combine(extensions, Path.GetFileName(FullPath) + ".nuget.g.targets");
        if (File.Exists(restoreTargets))
        {
            Import(restoreTargets);
        }

        if (!Get("ImportDirectoryBuildTargets").Equals("false", StringComparison.OrdinalIgnoreCase) && FileAbove(Directory, "Directory.Build.targets") is { } buildTargets)
        {
            Import(buildTargets);
        }

        EvaluateItems();
    }

    private void SdkDefaults()
    {
        var configuration = Get("Configuration");
        Default("OutputType", Get("UsingMicrosoftNETSdkWeb") == "true" || Sdk.Contains("Worker", StringComparison.OrdinalIgnoreCase) ? "Exe" : "Library");
        Default("AssemblyName", Get("MSBuildProjectName"));
        Default("RootNamespace", Get("MSBuildProjectName"));
        Default("BaseOutputPath", "bin/");
        Default("EnableDefaultItems", "true");
        Default("EnableDefaultCompileItems", "true");
        Default("GenerateAssemblyInfo", "true");
        Default("Deterministic", "true");
        Default("DefineConstants", configuration.Equals("Debug", StringComparison.OrdinalIgnoreCase) ? "DEBUG;TRACE" : "TRACE");
        if (configuration.Equals("Release", StringComparison.OrdinalIgnoreCase))
        {
            Default("Optimize", "true");
        }
    }

    private void TargetFrameworkProperties()
    {
        var tfm = Get("TargetFramework");
        if (TargetFrameworks.Parse(tfm) is { } moniker)
        {
            Default("TargetFrameworkIdentifier", moniker.Identifier);
            Default("TargetFrameworkVersion", "v" + moniker.Version.ToString(2));
            Default("TargetFrameworkMoniker", moniker.ToString());
            Default("TargetPlatformIdentifier", moniker.Platform);
        }
    }

    private void Walk(XElement container)
    {
        foreach (var element in container.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "PropertyGroup" when Condition(element):
                    foreach (var property in element.Elements())
                    {
                        if (Condition(property))
                        {
                            Set(property.Name.LocalName, Expand(property.Value.Trim()));
                        }
                    }

                    break;
                case "ItemGroup":
                    _itemGroups.Add((element, CurrentFile));
                    break;
                case "Import" when Condition(element):
                    ImportPattern(Expand(element.Attribute("Project")?.Value ?? string.Empty));
                    break;
                case "ImportGroup" when Condition(element):
                    Walk(element);
                    break;
                case "Choose":
                    var branch = element.Elements().FirstOrDefault(e => e.Name.LocalName == "When" && Condition(e))
                        ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == "Otherwise");
                    if (branch is not null)
                    {
                        Walk(branch);
                    }

                    break;
            }
        }
    }

    private void ImportPattern(string project)
    {
        if (project.Length == 0)
        {
            return;
        }

        project = project.Replace('\\', '/');
        var path = Path.IsPathRooted(project) ? project : Path.Combine(Path.GetDirectoryName(CurrentFile)!, project);
        if (path.IndexOfAny(Globs.Wildcards) >= 0)
        {
            foreach (var match in Globs.Match(Path.GetDirectoryName(CurrentFile)!, project).OrderBy(p => p, StringComparer.Ordinal))
            {
                Import(match);
            }

            return;
        }

        if (File.Exists(path))
        {
            Import(Path.GetFullPath(path));
            return;
        }
        if (!project.Contains("Sdk", StringComparison.OrdinalIgnoreCase))
        {
            _expressions.Unsupported.Add("import of a missing file " + project);
        }
    }

    private void Import(string path)
    {
        if (!_imported.Add(path))
        {
            return;
        }

        Imports.Add(path);
        var document = Load(path);
        _files.Push(path);
        Walk(document.Root!);
        _files.Pop();
    }

    private void EvaluateItems()
    {
        var directory = Directory;
        if (IsTrue("EnableDefaultItems") && IsTrue("EnableDefaultCompileItems"))
        {
            // Microsoft.NET.Sdk.DefaultItems.props: every .cs below the project minus the build's outputs and dot folders.
            var excludes = string.Join(';', new[]
            {
                Get("BaseOutputPath").TrimEnd('/', '\\') + "/**", Get("BaseIntermediateOutputPath").TrimEnd('/', '\\') + "/**",
                "**/*.user", "**/*.*proj", "**/*.sln", "**/*.vssscc", "**/.*/**", Get("DefaultItemExcludes"), Get("DefaultItemExcludesInProjectFolder"),
                Get("UsingMicrosoftNETSdkWeb") == "true" ? "**/node_modules/**" : string.Empty,
            }.Where(e => e.Length > 0 && e != "/**"));
            AddItems("Compile", "**/*.cs", excludes, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        }

        if (Get("ImplicitUsings") is { } implicitUsings && (implicitUsings.Equals("enable", StringComparison.OrdinalIgnoreCase) || implicitUsings.Equals("true", StringComparison.OrdinalIgnoreCase)))
        {
            var usings = SdkUsings.AsEnumerable();
            if (Sdk.Contains("Web", StringComparison.OrdinalIgnoreCase))
            {
                usings = usings.Concat(WebUsings);
            }
            else if (Sdk.Contains("Worker", StringComparison.OrdinalIgnoreCase))
            {
                usings = usings.Concat(WorkerUsings);
            }

            foreach (var name in usings)
            {
                Items.Add(new ProjectItem("Using", name, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)));
            }
        }

        foreach (var (group, file) in _itemGroups)
        {
            _files.Push(file);
            if (Condition(group))
            {
                foreach (var element in group.Elements())
                {
                    if (Condition(element))
                    {
                        EvaluateItem(element, directory);
                    }
                }
            }

            _files.Pop();
        }
    }

    private void EvaluateItem(XElement element, string directory)
    {
        var type = element.Name.LocalName;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in element.Attributes().Where(a => !ItemAttributes.Contains(a.Name.LocalName)))
        {
            metadata[attribute.Name.LocalName] = Expand(attribute.Value);
        }

        foreach (var child in element.Elements().Where(Condition))
        {
            metadata[child.Name.LocalName] = Expand(child.Value.Trim());
        }

        if (element.Attribute("Include") is { } include)
        {
            AddItems(type, Expand(include.Value), Expand(element.Attribute("Exclude")?.Value ?? string.Empty), metadata);
        }
        else if (element.Attribute("Remove") is { } remove)
        {
            var matches = Matcher(type, Expand(remove.Value), directory);
            Items.RemoveAll(i => i.Type.Equals(type, StringComparison.OrdinalIgnoreCase) && matches(i.Include));
        }
        else if (element.Attribute("Update") is { } update)
        {
            var matches = Matcher(type, Expand(update.Value), directory);
            foreach (var item in Items.Where(i => i.Type.Equals(type, StringComparison.OrdinalIgnoreCase) && matches(i.Include)))
            {
                foreach (var (key, value) in metadata)
                {
                    item.Metadata[key] = value;
                }
            }
        }
    }

    private void AddItems(string type, string includes, string excludes, Dictionary<string, string> metadata)
    {
        var isFile = IsFileItem(type);
        var excluded = excludes.Length == 0 ? null : Matcher(type, excludes, Directory);
        foreach (var entry in Split(includes))
        {
            IEnumerable<string> values;
            if (isFile && entry.IndexOfAny(Globs.Wildcards) >= 0)
            {
                values = Globs.Match(Directory, entry);
            }
            else if (isFile)
            {
                values = new[] { Globs.Resolve(Directory, entry) };
            }
            else
            {
                values = new[] { entry };
            }

            foreach (var value in values)
            {
                if (excluded is null || !excluded(value))
                {
                    Items.Add(new ProjectItem(type, value, new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase)));
                }
            }
        }
    }

    // Remove, Update and Exclude match file items by path (globs allowed), other items by name, case-insensitively.
    private static Func<string, bool> Matcher(string type, string patterns, string directory)
    {
        var entries = Split(patterns).ToList();
        if (!IsFileItem(type))
        {
            var names = entries.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains;
        }

        var regexes = entries.Select(e => Globs.Regex(directory, e)).ToList();
        return path => regexes.Any(r => r.IsMatch(path));
    }

    private static bool IsFileItem(string type) =>
        type is "Compile" or "AdditionalFiles" or "EditorConfigFiles" or "Analyzer" or "None" or "Content" or "EmbeddedResource" or "ProjectReference";

    private static IEnumerable<string> Split(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private bool Condition(XElement element) => _expressions.Condition(element.Attribute("Condition")?.Value);

    private static XDocument Load(string path)
    {
        try
        {
            return XDocument.Load(path);
        }
        catch (XmlException exception)
        {
            throw new LoadException($"{path} is not a valid MSBuild file: {exception.Message}");
        }
    }

    internal static string? FileAbove(string directory, string file)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string WithSlash(string path) => path.EndsWith('/') ? path : path + "/";
}

/// <summary>MSBuild globs: <c>**</c> any folders, <c>*</c> and <c>?</c> within a name; backslashes as separators.</summary>
internal static class Globs
{
    public static readonly char[] Wildcards = { '*', '?' };

    public static string Resolve(string directory, string path)
    {
        var full = Path.GetFullPath(Path.Combine(directory, path.Replace('\\', '/')));
        return full;
    }

    public static Regex Regex(string directory, string pattern)
    {
        var full = Resolve(directory, pattern);
        var escaped = System.Text.RegularExpressions.Regex.Escape(full)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"/\*\*", "/.*", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex("^" + escaped + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    public static IEnumerable<string> Match(string directory, string pattern)
    {
        var full = Resolve(directory, pattern);
        var wildcard = full.IndexOfAny(Wildcards);
        var root = Path.GetDirectoryName(full.Substring(0, wildcard + 1))!;
        if (!System.IO.Directory.Exists(root))
        {
            return Array.Empty<string>();
        }

        var regex = Regex(directory, pattern);
        var recursive = full.Contains("**", StringComparison.Ordinal) || full.IndexOf('/', wildcard) >= 0;
        return System.IO.Directory.EnumerateFiles(root, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(path => regex.IsMatch(path))
            .OrderBy(path => path, StringComparer.Ordinal);
    }
}

/// <summary>A solution or project the loader cannot read: reported as a message, never a stack trace.</summary>
internal sealed class LoadException : Exception
{
    public LoadException(string message)
        : base(message)
    {
    }

    public LoadException()
    {
    }

    public LoadException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
