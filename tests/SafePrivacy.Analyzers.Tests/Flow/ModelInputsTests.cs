using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Rules;
using SafePrivacy.Analyzers.Tests.Verifiers;
using SafePrivacy.CodeFixes.Rules;

namespace SafePrivacy.Analyzers.Tests.Flow;

/// <summary>
/// One model per compilation and set of inputs. An editor keeps the same <see cref="Compilation"/> when only an
/// additional file changes, and code fixes ask for the model with that compilation: the external annotations must be
/// the ones the workspace has now, not the ones the first caller had.
/// </summary>
public sealed class ModelInputsTests
{
    private const string Source = """
        namespace Shop;

        public sealed record Customer(int Id, string Email, string Phone);
        """;

    [Fact]
    public void TheSameCompilation_WithOtherAnnotations_GetsAnotherModel()
    {
        var compilation = Robustness.RobustnessCorpus.Compile(new[] { Source });
        var emailOnly = Options("P:Shop.Customer.Email PersonalData(Contact)\n");
        var both = Options("P:Shop.Customer.Email PersonalData(Contact)\nP:Shop.Customer.Phone PersonalData(Contact)\n");
        var phone = compilation.GetTypeByMetadataName("Shop.Customer")!.GetMembers("Phone").Single();

        var first = PrivacyModel.For(compilation, emailOnly, default)!;
        var second = PrivacyModel.For(compilation, both, default)!;

        Assert.NotSame(first, second);
        Assert.False(first.Classifier.ClassifyMember(phone).IsPersonal);
        Assert.True(second.Classifier.ClassifyMember(phone).IsPersonal);
        Assert.Same(first, PrivacyModel.For(compilation, emailOnly, default));
    }

    [Fact]
    public async Task AFixAfterAnAnnotationsOnlyEdit_UsesTheEditedAnnotations()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Shop",
            "Shop",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: TestReferences.Default));
        var document = workspace.AddDocument(project.Id, "Customer.cs", SourceText.From(Source));
        var annotations = DocumentId.CreateNewId(project.Id);
        Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.AddAdditionalDocument(
            annotations, "SafePrivacy.Annotations.txt", SourceText.From("P:Shop.Customer.Email PersonalData(Contact)\n"), filePath: "/src/SafePrivacy.Annotations.txt")));

        var before = await FixedTextAsync(workspace.CurrentSolution.GetDocument(document.Id)!);
        var edited = workspace.CurrentSolution.WithAdditionalDocumentText(annotations, SourceText.From("P:Shop.Customer.Email PersonalData(Contact)\nP:Shop.Customer.Phone PersonalData(Contact)\n"));
        Assert.True(workspace.TryApplyChanges(edited));
        var after = await FixedTextAsync(workspace.CurrentSolution.GetDocument(document.Id)!);

        // The editor's case: an additional file changed, the compilation did not.
        Assert.Same(
            await workspace.CurrentSolution.GetProject(project.Id)!.GetCompilationAsync(),
            await workspace.CurrentSolution.GetProject(project.Id)!.GetCompilationAsync());
        Assert.Contains("Phone = {Phone}", before, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Phone = {Phone}", after, System.StringComparison.Ordinal);
        Assert.Contains("Id = {Id}", after, System.StringComparison.Ordinal);
    }

    private static AnalyzerOptions Options(string annotations) =>
        new(ImmutableArray.Create<AdditionalText>(new AnnotationsFile(annotations)));

    // The SP2005 fix applied once, the way the editor's light bulb applies it.
    private static async Task<string> FixedTextAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PrintingToStringAnalyzer()), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIds.PrintingToString);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new RecordToStringCodeFixProvider().RegisterCodeFixesAsync(context);
        var operation = Assert.Single(await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).Should<ApplyChangesOperation>();
        var fixedDocument = operation.ChangedSolution.GetDocument(document.Id)!;
        return (await fixedDocument.GetTextAsync()).ToString();
    }

    private sealed class AnnotationsFile : AdditionalText
    {
        private readonly SourceText _text;

        public AnnotationsFile(string text) => _text = SourceText.From(text);

        public override string Path => "/src/SafePrivacy.Annotations.txt";

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

internal static class OperationCasts
{
    public static T Should<T>(this CodeActionOperation operation)
        where T : CodeActionOperation => Assert.IsType<T>(operation);
}
