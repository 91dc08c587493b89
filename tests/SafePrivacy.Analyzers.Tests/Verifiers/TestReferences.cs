using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// The assemblies test sources compile against: the running runtime's trusted platform assemblies, which under
/// the test host include SafePrivacy.dll and the real packages this project references (logging, Serilog, NLog,
/// EF Core, caching, OpenTelemetry) — so test sources bind to the signatures users call.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    public static ImmutableArray<MetadataReference> Default => All.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The runtime did not provide TRUSTED_PLATFORM_ASSEMBLIES.");

        return trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !IsTestInfrastructure(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    // The test host's own assemblies would only add names test sources could collide with.
    private static bool IsTestInfrastructure(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.TestPlatform", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.VisualStudio.TestPlatform", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("SafePrivacy.Analyzers", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("SafePrivacy.CodeFixes", StringComparison.OrdinalIgnoreCase);
    }
}
