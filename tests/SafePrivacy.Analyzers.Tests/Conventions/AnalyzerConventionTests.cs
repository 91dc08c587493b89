using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Tests.Conventions;

/// <summary>Every analyzer and fixer follows the house rules: checked by reflection, so a new rule cannot forget one.</summary>
public sealed partial class AnalyzerConventionTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(Descriptors).Assembly;
    private static readonly Assembly CodeFixAssembly = Assembly.Load(new AssemblyName("SafePrivacy.CodeFixes"));

    /// <summary>The analyzers hosts load: those marked [DiagnosticAnalyzer] (the inventory's collector is not).</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = AnalyzerAssembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly ImmutableArray<DiagnosticDescriptor> AllDescriptors =
        Analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray();

    private static readonly ImmutableArray<string> RuleIds =
        AllDescriptors.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();

    public static TheoryData<string> AnalyzerNames() => new(Analyzers.Select(a => a.GetType().Name));

    public static TheoryData<string> Ids() => new(RuleIds);

    [Fact]
    public void ThereAreAnalyzers() => Assert.NotEmpty(Analyzers);

    [Fact]
    public void EveryAnalyzerIsExported_ButTheInventorysBodyCollector()
    {
        // A rule without [DiagnosticAnalyzer] would never run in a build and would escape every test below.
        var unexported = AnalyzerAssembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is null)
            .Select(t => t.FullName);

        Assert.Equal(new[] { "SafePrivacy.Analyzers.Inventory.SourceBodyEnumerator+OperationBlockCollector" }, unexported);
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Analyzer_IsSealedCSharpAndNamedForWhatItFinds(string name)
    {
        var type = Analyzers.Single(a => a.GetType().Name == name).GetType();

        Assert.True(type.IsSealed, $"{name} must be sealed.");
        Assert.Equal(new[] { LanguageNames.CSharp }, type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages);
        Assert.EndsWith("Analyzer", name, StringComparison.Ordinal);
        Assert.DoesNotMatch(SpId(), name);
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Analyzer_RunsConcurrentlyAndOnGeneratedCode(string name)
    {
        var context = new RecordingAnalysisContext();
        Analyzers.Single(a => a.GetType().Name == name).Initialize(context);

        Assert.True(context.ConcurrentExecutionEnabled, $"{name} must call EnableConcurrentExecution.");
        Assert.Equal(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics, context.GeneratedCodeFlags);
    }

    [Fact]
    public void EachId_IsWellFormedAndBelongsToOneAnalyzer()
    {
        foreach (var descriptor in AllDescriptors)
        {
            Assert.Matches(SpId(), descriptor.Id);
        }

        var owners = Analyzers
            .SelectMany(a => a.SupportedDiagnostics.Select(d => (d.Id, Owner: a.GetType().Name)))
            .Distinct()
            .GroupBy(pair => pair.Id)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(p => p.Owner))}");
        Assert.Empty(owners);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachId_HasOneTitleCategoryAndSeverityAcrossItsDescriptors(string id)
    {
        var descriptors = AllDescriptors.Where(d => d.Id == id).ToList();
        Assert.Single(descriptors.Select(d => d.Title.ToString()).Distinct());
        Assert.Single(descriptors.Select(d => d.Category).Distinct());
        Assert.Single(descriptors.Select(d => d.DefaultSeverity).Distinct());
    }

    [Fact]
    public void EachDescriptor_FollowsTheTextConventions()
    {
        foreach (var descriptor in AllDescriptors)
        {
            var title = descriptor.Title.ToString();
            var message = descriptor.MessageFormat.ToString();
            var description = descriptor.Description.ToString();
            Assert.False(title.EndsWith('.'), $"{descriptor.Id}: the title ends with a period: {title}");
            Assert.False(message.EndsWith('.'), $"{descriptor.Id}: the message ends with a period: {message}");
            Assert.True(description.EndsWith('.'), $"{descriptor.Id}: the description must end with a period.");
            Assert.True(descriptor.IsEnabledByDefault, $"{descriptor.Id} must be enabled by default.");
            Assert.StartsWith("SafePrivacy.", descriptor.Category, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EachDescriptor_LinksToItsDocsPage()
    {
        foreach (var descriptor in AllDescriptors)
        {
            Assert.Equal(Descriptors.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.EndsWith($"docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachId_HasADocsPageWithTheHouseSections(string id)
    {
        var path = Repository.PathOf("docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"{id} has no docs page at {path}.");

        var page = File.ReadAllText(path);
        var title = AllDescriptors.First(d => d.Id == id).Title.ToString();
        Assert.StartsWith($"# {id}: {title}\n", page, StringComparison.Ordinal);
        foreach (var section in new[] { "| Category |", "| Severity |", "| Code fix |", "## Cause", "## Rule description", "## How to fix", "## Configuration", "## How to suppress" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachDocsPage_SaysWhetherTheRuleHasACodeFix(string id)
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "rules", id + ".md"));
        var row = page.Split('\n').First(line => line.StartsWith("| Code fix |", StringComparison.Ordinal));
        var fixers = CodeFixAssembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!);
        var hasFix = fixers.Any(f => f.FixableDiagnosticIds.Contains(id));
        Assert.True(
            row.StartsWith(hasFix ? "| Code fix | Yes" : "| Code fix | No", StringComparison.Ordinal),
            $"docs/rules/{id}.md says '{row}', but {(hasFix ? "a fixer claims" : "no fixer claims")} {id}.");
    }

    [Fact]
    public void EachOptionKey_IsDocumentedOnTheConfigurationPage()
    {
        var keys = AnalyzerAssembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(value => value.StartsWith("safe_privacy.", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(keys);
        var page = File.ReadAllText(Repository.PathOf("docs", "configuration.md"));
        Assert.All(keys, key => Assert.Contains($"| `{key}` |", page, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsPages_ExistOnlyForRules()
    {
        var pages = Directory.GetFiles(Repository.PathOf("docs", "rules"), "SP*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Empty(pages.Except(RuleIds));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachId_HasAReleaseTrackingRowMatchingItsDescriptor(string id)
    {
        var releases = Repository.Read("src", "SafePrivacy.Analyzers", "AnalyzerReleases.Shipped.md")
            + Repository.Read("src", "SafePrivacy.Analyzers", "AnalyzerReleases.Unshipped.md");
        var row = releases.Split('\n').FirstOrDefault(line => line.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.True(row is not null, $"{id} has no row in AnalyzerReleases.*.md.");

        var cells = row!.Split('|').Select(c => c.Trim()).ToArray();
        var descriptor = AllDescriptors.First(d => d.Id == id);
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
        Assert.Contains($"docs/rules/{id}.md", cells[3], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachId_IsInTheReadmeRuleTable(string id) =>
        Assert.Contains($"[{id}](docs/rules/{id}.md)", Repository.Read("README.md"), StringComparison.Ordinal);

    [Fact]
    public void EnforceConfig_RaisesExactlyTheWarningRules()
    {
        // The package's Enforce mode is this file; the lines it must hold come from the descriptors, so a new warning
        // rule cannot be left out of Enforce (or a rule that is no longer a warning left in).
        var config = Repository.Read("nuget", "SafePrivacy", "build", "SafePrivacy.Enforce.globalconfig").Replace("\r\n", "\n", StringComparison.Ordinal);
        var listed = config.Split('\n').Where(line => line.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)).ToList();
        var expected = AllDescriptors
            .Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning)
            .Select(d => d.Id)
            .Distinct()
            .OrderBy(id => id, StringComparer.Ordinal)
            .Select(id => $"dotnet_diagnostic.{id}.severity = error")
            .ToList();

        Assert.True(
            expected.SequenceEqual(listed),
            "nuget/SafePrivacy/build/SafePrivacy.Enforce.globalconfig must list exactly these lines:\n" + string.Join("\n", expected));
        Assert.Contains("\nis_global = true\n", config, StringComparison.Ordinal);
    }

    [Fact]
    public void EnforceConfig_RanksBelowEveryProjectSetting()
    {
        // .editorconfig sections beat any global config; the level must also stay below a project's own .globalconfig
        // (100) and other packages' (0), or Enforce would override what a project chose.
        var config = Repository.Read("nuget", "SafePrivacy", "build", "SafePrivacy.Enforce.globalconfig");
        var level = Regex.Match(config, @"(?m)^global_level = (-?[0-9]+)\s*$");

        Assert.True(level.Success, "the Enforce config must set global_level");
        Assert.True(int.Parse(level.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 0, "global_level must be below 0");
    }

    [Fact]
    public void EnforceMode_IsTheGlobalConfigAndNeverWarningsAsErrors()
    {
        // WarningsAsErrors overrides .editorconfig: an explicit severity would lose to Enforce again.
        var targets = XDocument.Parse(Repository.Read("nuget", "SafePrivacy", "build", "SafePrivacy.targets"));
        var added = targets.Descendants("EditorConfigFiles").Single();

        Assert.Empty(targets.Descendants("WarningsAsErrors"));
        Assert.Equal("$(MSBuildThisFileDirectory)SafePrivacy.Enforce.globalconfig", (string?)added.Attribute("Include"));
        Assert.Equal("'$(SafePrivacyMode)' == 'Enforce'", (string?)added.Parent!.Attribute("Condition"));
    }

    [Fact]
    public void CodeFixes_AreSealedExportedFixAllCapableAndFixKnownRules()
    {
        var fixers = CodeFixAssembly.GetTypes().Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        foreach (var type in fixers)
        {
            Assert.True(type.IsSealed, $"{type.Name} must be sealed.");
            Assert.EndsWith("CodeFixProvider", type.Name, StringComparison.Ordinal);
            Assert.NotNull(type.GetCustomAttribute<ExportCodeFixProviderAttribute>());
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotNull(fixer.GetFixAllProvider());
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.Empty(fixer.FixableDiagnosticIds.Except(RuleIds));
        }
    }

    [GeneratedRegex("^SP[0-9]{4}$")]
    private static partial Regex SpId();

    /// <summary>Records what an analyzer asks of its context, so its configuration can be checked without running it.</summary>
    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        public bool ConcurrentExecutionEnabled { get; private set; }

        public GeneratedCodeAnalysisFlags? GeneratedCodeFlags { get; private set; }

        public override void EnableConcurrentExecution() => ConcurrentExecutionEnabled = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCodeFlags = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) { }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) { }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) { }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) { }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) { }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) { }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) { }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) { }
    }
}
