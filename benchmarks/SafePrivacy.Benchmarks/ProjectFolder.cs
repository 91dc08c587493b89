using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// The C# projects under a folder, read without MSBuild so that no restore is needed: each <c>.csproj</c>'s folder
/// globbed for <c>*.cs</c> (minus <c>bin/</c>, <c>obj/</c> and nested projects) plus its <c>Compile Include</c>
/// items, its implicit usings and nullable setting, and its project references compiled first and referenced as
/// assemblies. Package references resolve only to what <see cref="References"/> holds; a project that needs others
/// shows compiler errors in the report, and its figures are then only indicative.
/// </summary>
internal static class ProjectFolder
{
    private static readonly string[] SdkUsings = { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };

    private static readonly string[] WebUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    private static readonly char[] Wildcards = { '*', '?' };

    public sealed record LoadedProject(string Name, CSharpCompilation Compilation);

    public static List<LoadedProject> Load(string folder, ImmutableArray<MetadataReference> references)
    {
        var projects = Directory.GetFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(Path.GetFullPath)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        var projectDirectories = projects.Select(p => Path.GetDirectoryName(p)!).ToList();
        var built = new Dictionary<string, (CSharpCompilation Compilation, MetadataReference Image)>(StringComparer.Ordinal);
        var result = new List<LoadedProject>();
        foreach (var project in projects)
        {
            Build(project, projectDirectories, references, built, result, new HashSet<string>(StringComparer.Ordinal));
        }

        return result;
    }

    private static MetadataReference? Build(
        string project,
        List<string> projectDirectories,
        ImmutableArray<MetadataReference> references,
        Dictionary<string, (CSharpCompilation Compilation, MetadataReference Image)> built,
        List<LoadedProject> result,
        HashSet<string> visiting)
    {
        if (built.TryGetValue(project, out var done))
        {
            return done.Image;
        }

        if (!visiting.Add(project) || !File.Exists(project))
        {
            return null;
        }

        var xml = XDocument.Load(project);
        var directory = Path.GetDirectoryName(project)!;
        var name = Path.GetFileNameWithoutExtension(project);
        var projectReferences = new List<MetadataReference>();
        foreach (var reference in Items(xml, "ProjectReference", "Include"))
        {
            var path = Path.GetFullPath(Path.Combine(directory, reference.Replace('\\', Path.DirectorySeparatorChar)));
            if (Build(path, projectDirectories, references, built, result, visiting) is { } image)
            {
                projectReferences.Add(image);
            }
        }

        var sources = Sources(xml, directory, projectDirectories);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path)).ToList();
        var usings = ImplicitUsings(xml);
        if (usings.Count > 0)
        {
            var text = string.Concat(usings.Select(u => $"global using global::{u};\n"));
            trees.Add(CSharpSyntaxTree.ParseText(text, parse, Path.Combine(directory, "obj", name + ".GlobalUsings.g.cs")));
        }

        var nullable = Property(xml, "Nullable") is { } value && value.Equals("enable", StringComparison.OrdinalIgnoreCase)
            ? NullableContextOptions.Enable
            : NullableContextOptions.Disable;
        var outputKind = Property(xml, "OutputType") is "Exe" or "WinExe" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            name,
            trees,
            references.AddRange(projectReferences),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: nullable, allowUnsafe: true));

        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        MetadataReference assembly = emitted.Success ? MetadataReference.CreateFromImage(stream.ToArray()) : compilation.ToMetadataReference();
        built[project] = (compilation, assembly);
        result.Add(new LoadedProject(Path.GetRelativePath(Environment.CurrentDirectory, project), compilation));
        return assembly;
    }

    private static List<string> Sources(XDocument xml, string directory, List<string> projectDirectories)
    {
        var nested = projectDirectories.Where(d => d != directory && d.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (!string.Equals(Property(xml, "EnableDefaultCompileItems"), "false", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var path in Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories))
            {
                if (!IsBuildOutput(path, directory) && !nested.Any(n => path.StartsWith(n + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                {
                    files.Add(Path.GetFullPath(path));
                }
            }
        }

        foreach (var pattern in Items(xml, "Compile", "Include"))
        {
            foreach (var path in Glob(directory, pattern))
            {
                if (!IsBuildOutput(path))
                {
                    files.Add(path);
                }
            }
        }

        foreach (var pattern in Items(xml, "Compile", "Remove"))
        {
            foreach (var path in Glob(directory, pattern))
            {
                files.Remove(path);
            }
        }

        return files.ToList();
    }

    // MSBuild-style globs: '**' any folders, '*' and '?' within a name; several patterns separated by ';'.
    private static IEnumerable<string> Glob(string directory, string patterns)
    {
        foreach (var raw in patterns.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = Path.GetFullPath(Path.Combine(directory, raw.Replace('\\', Path.DirectorySeparatorChar)));
            var wildcard = pattern.IndexOfAny(Wildcards);
            if (wildcard < 0)
            {
                if (File.Exists(pattern))
                {
                    yield return pattern;
                }

                continue;
            }

            var root = Path.GetDirectoryName(pattern.Substring(0, wildcard + 1))!;
            if (!Directory.Exists(root))
            {
                continue;
            }

            var regex = new Regex(
                "^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$",
                RegexOptions.CultureInvariant);
            foreach (var path in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
            {
                if (regex.IsMatch(path))
                {
                    yield return path;
                }
            }
        }
    }

    private static List<string> ImplicitUsings(XDocument xml)
    {
        var usings = new List<string>();
        if (Property(xml, "ImplicitUsings") is "enable" or "true")
        {
            usings.AddRange(SdkUsings);
            if (xml.Root?.Attribute("Sdk")?.Value.Contains("Web", StringComparison.Ordinal) == true)
            {
                usings.AddRange(WebUsings);
            }
        }

        usings.AddRange(Items(xml, "Using", "Include"));
        return usings.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? Property(XDocument xml, string name) =>
        xml.Descendants().LastOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();

    private static IEnumerable<string> Items(XDocument xml, string item, string attribute) =>
        xml.Descendants()
            .Where(e => e.Name.LocalName == item && e.Parent?.Name.LocalName == "ItemGroup")
            .Select(e => e.Attribute(attribute)?.Value)
            .OfType<string>();

    private static bool IsBuildOutput(string path) => IsBuildOutput(path, string.Empty);

    private static bool IsBuildOutput(string path, string below)
    {
        var relative = below.Length == 0 ? path : Path.GetRelativePath(below, path);
        var parts = relative.Split(Path.DirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj");
    }
}
