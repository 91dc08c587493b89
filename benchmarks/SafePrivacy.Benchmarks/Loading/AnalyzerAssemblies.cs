using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Benchmarks.Loading;

/// <summary>
/// Loads analyzer and source-generator assemblies from packages, reference packs and peer folders into this process,
/// as the compiler server does: each folder in a load context of its own (so two packages' private dependencies do not
/// clash), the compiler's assemblies shared with the host so that their analyzers see the same Roslyn types.
/// </summary>
internal static class AnalyzerAssemblies
{
    private static readonly ConcurrentDictionary<string, FolderContext> Contexts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, AnalyzerFileReference> References = new(StringComparer.Ordinal);
    private static readonly Loader SharedLoader = new();

    /// <summary>The analyzer file reference for a DLL, shared by path.</summary>
    public static AnalyzerFileReference Reference(string path) =>
        References.GetOrAdd(Path.GetFullPath(path), p => new AnalyzerFileReference(p, SharedLoader));

    /// <summary>
    /// The C# analyzer types in the DLLs, with any load failure reported as text (a peer built for a newer compiler
    /// than this one, say) rather than thrown.
    /// </summary>
    public static (List<Type> Types, List<string> Failures) AnalyzerTypes(IEnumerable<string> paths)
    {
        var (analyzers, failures) = Each(paths, reference => reference.GetAnalyzers(LanguageNames.CSharp));
        return (analyzers.Select(a => a.GetType()).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList(), failures);
    }

    /// <summary>The source generators in the DLLs (one instance per generator type; generators keep no state between runs).</summary>
    public static (ImmutableArray<ISourceGenerator> Generators, List<string> Failures) Generators(IEnumerable<string> paths)
    {
        var (generators, failures) = Each(paths, reference => reference.GetGenerators(LanguageNames.CSharp));
        return (generators.ToImmutableArray(), failures);
    }

    // What each DLL yields, and the load failures the references report (as events, not exceptions) on the way.
    private static (List<T> Items, List<string> Failures) Each<T>(IEnumerable<string> paths, Func<AnalyzerFileReference, IEnumerable<T>> read)
    {
        var items = new List<T>();
        var failures = new List<string>();
        foreach (var path in paths)
        {
            var reference = Reference(path);
            void OnFailed(object? sender, AnalyzerLoadFailureEventArgs e) => failures.Add($"{Path.GetFileName(path)}: {e.Message}");
            reference.AnalyzerLoadFailed += OnFailed;
            try
            {
                items.AddRange(read(reference));
            }
            finally
            {
                reference.AnalyzerLoadFailed -= OnFailed;
            }
        }

        return (items, failures);
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath)
        {
            var folder = Path.GetDirectoryName(fullPath)!;
            return Contexts.GetOrAdd(folder, f => new FolderContext(f)).LoadFromAssemblyPath(fullPath);
        }
    }

    private sealed class FolderContext : AssemblyLoadContext
    {
        private readonly string _folder;

        public FolderContext(string folder)
            : base("analyzers " + folder)
        {
            _folder = folder;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // The compiler and what its API exposes come from the host, never from a package's copy.
            if (assemblyName.Name is { } name && (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard"))
            {
                if (Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name) is { } loaded)
                {
                    return loaded;
                }

                if (name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard")
                {
                    return null;
                }
            }

            var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
