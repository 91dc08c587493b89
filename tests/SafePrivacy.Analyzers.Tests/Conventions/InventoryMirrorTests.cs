using System;
using System.Linq;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Inventory;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Tests.Conventions;

/// <summary>
/// The inventory's public enums mirror the engine's internal ones (the engine's stay internal so it can change):
/// a kind added on one side only would be mislabelled in every inventory, so it fails here instead.
/// </summary>
public sealed class InventoryMirrorTests
{
    [Fact]
    public void EveryEngineSinkKind_HasItsOwnInventoryName()
    {
        var mapped = Enum.GetValues<SinkKind>().Select(InventoryBuilder.Map).ToList();

        Assert.Equal(mapped.Count, mapped.Distinct().Count());
        Assert.Equal(Enum.GetValues<InventorySinkKind>().OrderBy(k => k), mapped.OrderBy(k => k));
    }

    [Fact]
    public void PersonalDataKinds_HasTheEngineKindsNamesAndValues() =>
        Assert.Equal(
            Enum.GetValues<DataKinds>().Select(k => (k.ToString(), (int)k)),
            Enum.GetValues<PersonalDataKinds>().Select(k => (k.ToString(), (int)k)));
}
