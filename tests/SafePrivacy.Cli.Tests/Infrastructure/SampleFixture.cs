using System.Threading;
using System.Threading.Tasks;
using SafePrivacy.Cli.Commands;
using SafePrivacy.Cli.Inventory;
using SafePrivacy.Cli.Loading;
using SafePrivacy.Cli.Scanning;
using SafePrivacy.Cli.Terminal;

namespace SafePrivacy.Cli.Tests.Infrastructure;

/// <summary>
/// Each sample loaded once with MSBuildWorkspace (a load takes seconds) and both scanned and inventoried through the
/// tool's own pipeline; every format test renders from these with the tool's renderers.
/// </summary>
public sealed class SampleFixture : IAsyncLifetime
{
    internal ScanReport MistakesScan { get; private set; } = null!;

    internal ScanReport CompliantScan { get; private set; } = null!;

    internal InventoryDocument MistakesInventory { get; private set; } = null!;

    internal InventoryDocument CompliantInventory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (MistakesScan, MistakesInventory) = await LoadAsync("Forum.Mistakes");
        (CompliantScan, CompliantInventory) = await LoadAsync("Forum.Compliant");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<(ScanReport, InventoryDocument)> LoadAsync(string sample)
    {
        var status = new SilentStatus();
        var target = LoadTarget.Resolve(Repository.Sample(sample));
        using var loaded = await WorkspaceLoader.LoadAsync(target, new CommandOptions { Kind = CommandKind.Scan }, status, CancellationToken.None);
        var scan = await Scanner.ScanAsync(loaded, modeOption: null, status, CancellationToken.None);
        var inventory = await InventoryDocument.BuildAsync(loaded, status, CancellationToken.None);
        return (scan, inventory);
    }

    private sealed class SilentStatus : IStatus
    {
        public void Stage(string description)
        {
        }

        public void Step(string description, int number, int total)
        {
        }

        public void Warn(string message)
        {
        }
    }
}

/// <summary>
/// All CLI tests share the loaded samples and run one at a time: MSBuild loads and restores of the same projects
/// must not overlap, and two cores are better spent on one load than shared between several.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedSamples : ICollectionFixture<SampleFixture>
{
    public const string Name = "CLI";
}
