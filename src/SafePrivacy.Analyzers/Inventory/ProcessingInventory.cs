using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Inventory;

/// <summary>
/// Builds a compilation's record of processing activities from the same engine the analyzers run on, so the
/// inventory and the diagnostics never disagree about where personal data goes.
/// </summary>
public static class ProcessingInventory
{
    /// <summary>
    /// The inventory of <paramref name="compilation"/>, read with the project's analyzer options (its
    /// <c>.editorconfig</c> sink lists and external annotation files).
    /// </summary>
    public static InventoryModel Build(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken = default)
    {
        var name = compilation.AssemblyName ?? "assembly";
        if (SourceBodyEnumerator.Collect(compilation, options, cancellationToken) is not { } analysed)
        {
            return new InventoryModel(name, usesSafePrivacy: false, ImmutableArray<ProcessingActivity>.Empty, ImmutableArray<UndeclaredProcessing>.Empty);
        }

        return new InventoryBuilder(analysed, cancellationToken).Build(name);
    }
}
