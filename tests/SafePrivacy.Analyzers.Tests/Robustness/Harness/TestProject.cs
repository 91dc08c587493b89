using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

// The robustness harness keeps the namespace its tests have always imported, so they need no change to use it.
namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// Builds a workspace project for the robustness tests, which apply code fixes outside the test framework: sources,
/// additional files, .editorconfig, and the references every test compiles against.
/// </summary>
internal static class TestProject
{
    public static readonly string Root = Path.Combine(Path.GetPathRoot(Environment.CurrentDirectory) ?? "/", "src");

    public static string SourcePath(int index) => Path.Combine(Root, $"Test{index}.cs");

    public static Project Create(
        IReadOnlyList<string> sources,
        IReadOnlyList<(string Name, string Content)> additionalFiles,
        string? editorConfig,
        LanguageVersion languageVersion,
        OutputKind outputKind)
    {
        var workspace = new AdhocWorkspace(MefHostServices.DefaultHost);
        var projectId = ProjectId.CreateNewId("TestProject");
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                name: "TestProject",
                assemblyName: "TestProject",
                language: LanguageNames.CSharp,
                filePath: Path.Combine(Root, "TestProject.csproj"),
                compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(languageVersion),
                metadataReferences: TestReferences.Default));

        for (var i = 0; i < sources.Count; i++)
        {
            var path = SourcePath(i);
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, path), Path.GetFileName(path), SourceText.From(sources[i]), filePath: path);
        }

        foreach (var (name, content) in additionalFiles)
        {
            var path = Path.Combine(Root, name);
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, path), name, SourceText.From(content), filePath: path);
        }

        if (editorConfig is not null)
        {
            var path = Path.Combine(Root, ".editorconfig");
            var text = "root = true\n\n[*.cs]\n" + editorConfig;
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId, path), ".editorconfig", SourceText.From(text), filePath: path);
        }

        return solution.GetProject(projectId)!;
    }

    public static IEnumerable<Document> SourceDocuments(Project project) =>
        project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal);
}
