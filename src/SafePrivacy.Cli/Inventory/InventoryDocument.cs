using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SafePrivacy.Analyzers.Inventory;
using SafePrivacy.Cli.Loading;
using SafePrivacy.Cli.Scanning;
using SafePrivacy.Cli.Terminal;

namespace SafePrivacy.Cli.Inventory;

/// <summary>One project's record: the engine's model and where the project is.</summary>
internal sealed record InventorySystem(string Name, string ProjectPath, InventoryModel Model);

/// <summary>The records of every loaded project, with what renderers need to show paths relative to the root.</summary>
internal sealed class InventoryDocument
{
    public InventoryDocument(string root, string target, ImmutableArray<InventorySystem> systems)
    {
        Root = root;
        Target = target;
        Systems = systems;
    }

    public string Root { get; }

    public string Target { get; }

    public ImmutableArray<InventorySystem> Systems { get; }

    /// <summary>'AutoModerator.cs:12', relative to the root.</summary>
    public string Where(SourceSpot? spot) => spot is null ? string.Empty : $"{Scanner.RelativePath(Root, spot.Path)}:{spot.Line}";

    /// <summary>
    /// Builds each project's model with the engine (the CLI adds nothing to what it finds). A project loaded for
    /// several target frameworks is recorded once.
    /// </summary>
    public static async Task<InventoryDocument> BuildAsync(LoadedProjects loaded, IStatus status, CancellationToken cancellationToken)
    {
        var projects = loaded.Projects.GroupBy(p => p.FilePath ?? p.Name).Select(g => g.First()).ToList();
        var systems = ImmutableArray.CreateBuilder<InventorySystem>();
        for (var i = 0; i < projects.Count; i++)
        {
            var project = projects[i];
            status.Step($"Building the inventory of {project.Name}", i + 1, projects.Count);
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new UsageException($"'{project.Name}' produced no compilation; check that it is a C# project that builds with 'dotnet build'.");
            var model = ProcessingInventory.Build(compilation, project.AnalyzerOptions, cancellationToken);
            var path = project.FilePath is { } file ? Scanner.RelativePath(loaded.Target.Root, file) : project.Name;
            systems.Add(new InventorySystem(model.AssemblyName, path, model));
        }

        return new InventoryDocument(loaded.Target.Root, loaded.Target.Display, systems.ToImmutable());
    }
}
