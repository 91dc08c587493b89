using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SafePrivacy.Cli.Scanning;

/// <summary>
/// Enforce mode as the package implements it: its global analyzer config (embedded here from
/// <c>nuget/SafePrivacy/build</c>, the one copy), which raises the warning rules to errors below anything a project's
/// own .editorconfig says. The tool promotes no severity itself: the compiler applies the config, as in a build.
/// </summary>
internal static class EnforceConfig
{
    public const string FileName = "SafePrivacy.Enforce.globalconfig";

    private static readonly Lazy<SourceText> Text = new(() =>
    {
        using var stream = typeof(EnforceConfig).Assembly.GetManifestResourceStream("SafePrivacy.Cli." + FileName)
            ?? throw new InvalidOperationException($"The tool was built without its {FileName} resource.");
        return SourceText.From(stream);
    });

    /// <summary>
    /// The project with the Enforce config among its analyzer configs. A project that uses the package's build files
    /// has it already (MSBuild saw SafePrivacyMode=Enforce); one that does not, such as a project that vendors the
    /// attributes, gets the same file from the tool.
    /// </summary>
    public static Project Apply(Project project)
    {
        if (project.AnalyzerConfigDocuments.Any(d => string.Equals(Path.GetFileName(d.FilePath), FileName, StringComparison.OrdinalIgnoreCase)))
        {
            return project;
        }

        // Never written to disk; the path only has to be absolute and the project's, as every analyzer config's is.
        var folder = Path.GetDirectoryName(project.FilePath) ?? Path.GetTempPath();
        return project.AddAnalyzerConfigDocument(FileName, Text.Value, filePath: Path.Combine(folder, "obj", FileName)).Project;
    }
}
