using System;
using System.IO;

namespace SafePrivacy.Tests;

/// <summary>
/// Files of the repository the tests run from — docs, release tracking, props, README, the samples — found from the
/// test binaries upwards. Compiled into each test project (linked, not copied).
/// </summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SafePrivacy.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run from inside the repository (no SafePrivacy.Analyzers.sln above " + AppContext.BaseDirectory + ").");
    });

    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>A shipped sample's folder: <c>samples/<paramref name="name"/></c>.</summary>
    public static string Sample(string name) => PathOf("samples", name);
}
