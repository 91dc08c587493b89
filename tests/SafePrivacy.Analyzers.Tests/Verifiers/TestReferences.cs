using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// What test sources compile against, read once and shared, so that Roslyn binds each assembly once for the whole
/// run: the .NET 10 reference assemblies from Basic.Reference.Assemblies (the same on every machine), and the real
/// assemblies of the APIs under test — ASP.NET Core, the logging, storage, telemetry and mail packages,
/// SafePrivacy.dll — exactly as this project's own build resolved them (the project file lists them in
/// <see cref="ListFileName"/>). Nothing is looked up or downloaded at test time.
/// </summary>
public static class TestReferences
{
    /// <summary>Written beside the test binaries by the project file's <c>WriteTestSourceReferences</c> target.</summary>
    public const string ListFileName = "TestSourceReferences.txt";

    private const string CompliancePrefix = "Microsoft.Extensions.Compliance.";

    private static readonly Lazy<ImmutableArray<MetadataReference>> Standard = new(() =>
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Concat(PackagePaths.Where(path => !IsCompliance(path)).Select(path => MetadataReference.CreateFromFile(path)))
            .ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> ComplianceAssemblies = new(() =>
        PackagePaths.Where(IsCompliance).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray());

    /// <summary>Everything but Microsoft.Extensions.Compliance: what every test compiles against.</summary>
    public static ImmutableArray<MetadataReference> Default => Standard.Value;

    /// <summary>
    /// Microsoft.Extensions.Compliance, for the tests of a project that references it. A project that does may classify
    /// data with any of its attributes, so the flow rules then run on every body: referenced by every test, it made the
    /// robustness corpus a third slower to analyse, and no test would show the rules staying off elsewhere.
    /// </summary>
    public static ImmutableArray<MetadataReference> Compliance => ComplianceAssemblies.Value;

    /// <summary>
    /// The test framework's own reference set: empty. Any package named here would be fetched from a feed at test
    /// time, so the references all come from <see cref="Default"/> instead.
    /// </summary>
    public static ReferenceAssemblies Framework { get; } = new("net10.0");

    /// <summary>The package and framework assemblies from <see cref="ListFileName"/>, in the order listed.</summary>
    public static ImmutableArray<string> PackagePaths { get; } = ReadList();

    private static bool IsCompliance(string path) => Path.GetFileName(path).StartsWith(CompliancePrefix, StringComparison.Ordinal);

    private static ImmutableArray<string> ReadList()
    {
        var list = Path.Combine(AppContext.BaseDirectory, ListFileName);
        if (!File.Exists(list))
        {
            throw new InvalidOperationException($"{list} is missing: build the test project, whose WriteTestSourceReferences target writes it.");
        }

        var paths = File.ReadAllLines(list).Where(line => line.Length > 0).ToImmutableArray();
        var missing = paths.Where(path => !File.Exists(path)).ToList();
        return missing.Count == 0
            ? paths
            : throw new InvalidOperationException($"{list} names assemblies that do not exist (restore and rebuild): {string.Join(", ", missing)}");
    }
}
