using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Tests.Conventions;
using SafePrivacy.Analyzers.Tests.Robustness;

namespace SafePrivacy.Analyzers.Tests.Flow;

/// <summary>
/// The candidate index decides, by names alone, which bodies the flow engine walks and which helpers it summarises.
/// It may only ever save work: with it switched off every body is walked and every helper summarised, and every
/// test source and both samples must give exactly the same diagnostics either way.
/// </summary>
public sealed class CandidateIndexTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public async Task TheIndexDropsNoFinding_OnAnyTestSnippetOrSample()
    {
        var inputs = RobustnessCorpus.TestSnippets.Select(s => (s.Origin, Sources: (IEnumerable<string>)new[] { s.Text }))
            .Concat(RobustnessCorpus.SampleProjects().Select(p => (Origin: p.Name, Sources: p.Files.Select(f => f.Text))))
            .ToList();
        var differences = new ConcurrentBag<string>();
        var findings = 0;
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (input, cancellationToken) =>
        {
            var indexed = await FindingsAsync(input.Sources, indexOn: true, cancellationToken);
            var walked = await FindingsAsync(input.Sources, indexOn: false, cancellationToken);
            Interlocked.Add(ref findings, walked.Length);
            if (!indexed.SequenceEqual(walked))
            {
                differences.Add($"{input.Origin}:\n  only without the index: {string.Join("\n    ", walked.Except(indexed))}\n  only with it: {string.Join("\n    ", indexed.Except(walked))}");
            }
        });

        Assert.True(findings > 300, $"Only {findings} findings: the corpus no longer exercises the flow rules.");
        Assert.True(differences.IsEmpty, string.Join("\n", differences.OrderBy(d => d, StringComparer.Ordinal)));
    }

    [Fact]
    public void ABodyThatTouchesNoPersonalData_IsNotWalked_AndOneThatLogsAnEmailIs()
    {
        var index = IndexOf($$"""
            using Microsoft.Extensions.Logging;

            public class Accounts
            {
                private readonly ILogger _log;
                public Accounts(ILogger log) => _log = log;

                public void Counted(int count) => _log.LogInformation("{Count} accounts", count);

                public void Registered(User user) => _log.LogInformation("{Email}", user.Email);

                public int Total(int a, int b) => a + b;
            }
            {{Model}}
            """, out var compilation);

        Assert.False(IsCandidate(index, compilation, "Counted"));
        Assert.True(IsCandidate(index, compilation, "Registered"));
        Assert.False(IsCandidate(index, compilation, "Total"));
    }

    [Fact]
    public void ABodyIsWalked_WhenAHelperItCallsReturnsPersonalData_OrLogsWhatItIsGiven()
    {
        var index = IndexOf($$"""
            using Microsoft.Extensions.Logging;

            public class Accounts
            {
                private readonly ILogger _log;
                private readonly Store _store = new();
                public Accounts(ILogger log) => _log = log;

                public void LogsWhatAHelperReturns(int id) => _log.LogInformation("{Address}", _store.AddressOf(id));

                public void GivesAHelperData(User user) => Audit(user.Email);

                public void GivesAHelperNothing(int id) => Audit(id.ToString());

                private void Audit(string text) => _log.LogInformation("{Text}", text);
            }

            public class Store
            {
                private readonly User _user = new();
                public string AddressOf(int id) => _user.Email;
            }
            {{Model}}
            """, out var compilation);

        Assert.True(IsCandidate(index, compilation, "LogsWhatAHelperReturns"));
        Assert.True(IsCandidate(index, compilation, "GivesAHelperData"));
        Assert.False(IsCandidate(index, compilation, "GivesAHelperNothing"));
        Assert.True(index.MayReturnData(Method(compilation, "AddressOf")));
        Assert.False(index.MayReturnData(Method(compilation, "Audit")));
    }

    [Fact]
    public void ABodyIsWalked_OnlyWhereSomethingThatCanCarryDataIsGivenToItsSink()
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Text;
            using Microsoft.Extensions.Logging;

            public class Accounts
            {
                private readonly ILogger _log;
                public Accounts(ILogger log) => _log = log;

                public void IdBesideTheUser(User user) => _log.LogInformation("{Id} {Theme}", user.Id, user.Theme);

                public void TextOfOtherMembers(User user)
                {
                    var text = $"{user.Id}:{user.Theme}";
                    _log.LogInformation(text);
                }

                public void TheEmail(User user) => _log.LogInformation("{Email}", user.Email);

                public void ThroughABuilder(User user)
                {
                    var builder = new StringBuilder("to ");
                    builder.Append(user.Id).Append(user.Email);
                    _log.LogInformation(builder.ToString());
                }

                public void ThroughAnotherMemberOfAValueGivenData(User user)
                {
                    var note = new Note();
                    note.Text = user.Email;
                    _log.LogInformation("{Length}", note.Length);
                }

                public void ThroughAnOutArgument(User user)
                {
                    Find(user, out var mail);
                    _log.LogInformation("{Mail}", mail);
                }

                public void ThroughADeconstruction(User user)
                {
                    var (id, mail) = (user.Id, user.Email);
                    _log.LogInformation("{Id} {Mail}", id, mail);
                }

                public void ThroughALambda(List<User> users) => users.ForEach(u => _log.LogInformation("{Name}", u.DisplayName));

                private static void Find(User user, out string mail) => mail = user.Email;
            }

            public class Note
            {
                public string Text { get; set; } = "";
                public int Length => Text.Length;
            }
            {{Model}}
            """;
        var compilation = RobustnessCorpus.Compile(new[] { source });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = PrivacyModel.ForDeclaredData(compilation, NoOptions, default)!;

        Assert.False(IsWalked(model, compilation, "IdBesideTheUser"));
        Assert.False(IsWalked(model, compilation, "TextOfOtherMembers"));
        Assert.True(IsWalked(model, compilation, "TheEmail"));
        Assert.True(IsWalked(model, compilation, "ThroughABuilder"));
        Assert.True(IsWalked(model, compilation, "ThroughAnotherMemberOfAValueGivenData"));
        Assert.True(IsWalked(model, compilation, "ThroughAnOutArgument"));
        Assert.True(IsWalked(model, compilation, "ThroughADeconstruction"));
        Assert.True(IsWalked(model, compilation, "ThroughALambda"));
    }

    [Fact]
    public void AProjectsOwnClassNamedUserManager_DeclaresNothing_WhileIdentitysDoes()
    {
        var own = RobustnessCorpus.Compile(new[]
        {
            """
            public class UserManager { public string Find(string name) => name; }
            public class Users { private readonly UserManager _users = new(); public string Get(string n) => _users.Find(n); }
            """,
        });
        var identity = RobustnessCorpus.Compile(new[]
        {
            """
            using Microsoft.AspNetCore.Identity;
            public class Users
            {
                private readonly UserManager<IdentityUser> _users;
                public Users(UserManager<IdentityUser> users) => _users = users;
            }
            """,
        });

        Assert.Null(PrivacyModel.ForDeclaredData(own, NoOptions, default));
        Assert.NotNull(PrivacyModel.ForDeclaredData(identity, NoOptions, default));
    }

    [Fact]
    public async Task AConfiguredSinkAndAnExternalAnnotation_AreNamesTheIndexKnows()
    {
        const string source = """
            public class Crm { public void Send(string text) { } }
            public class Vendor { public string Email { get; set; } = ""; }

            public class Sync
            {
                public void Push(Crm crm, Vendor vendor) => crm.Send(vendor.Email);
            }
            """;
        var options = Options(
            ("safe_privacy.transfer_sinks", "Crm.Send"),
            ("dotnet_diagnostic.SP4001.severity", "warning"));
        var annotations = new InMemoryAdditionalText("/src/SafePrivacy.Annotations.txt", "P:Vendor.Email PersonalData(Contact)\n");

        foreach (var indexOn in new[] { true, false })
        {
            var findings = await FindingsAsync(new[] { source }, indexOn, default, options, annotations);
            Assert.Contains(findings, f => f.StartsWith("SP4001", StringComparison.Ordinal));
        }
    }

    private static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

    private static CandidateIndex IndexOf(string source, out Compilation compilation)
    {
        compilation = RobustnessCorpus.Compile(new[] { source });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = PrivacyModel.ForDeclaredData(compilation, NoOptions, default);
        Assert.NotNull(model);
        return model!.Index!;
    }

    private static IMethodSymbol Method(Compilation compilation, string name) =>
        compilation.GetSymbolsWithName(name, SymbolFilter.Member).OfType<IMethodSymbol>().Single();

    private static bool IsCandidate(CandidateIndex index, Compilation compilation, string methodName)
    {
        var tree = compilation.SyntaxTrees.Single();
        var method = Method(compilation, methodName);
        var syntax = method.DeclaringSyntaxReferences.Single().GetSyntax();
        var operation = compilation.GetSemanticModel(tree).GetOperation(syntax)!;
        var body = operation is IMethodBodyOperation methodBody ? (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody! : operation;
        return index.IsCandidate(ImmutableArray.Create(body));
    }

    // The whole gate, as the driver asks it: the index by names, then the body's own operations.
    private static bool IsWalked(PrivacyModel model, Compilation compilation, string methodName)
    {
        var method = Method(compilation, methodName);
        var syntax = method.DeclaringSyntaxReferences.Single().GetSyntax();
        var operation = compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax)!;
        var body = operation is IMethodBodyOperation methodBody ? (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody! : operation;
        return model.IsCandidate(method, ImmutableArray.Create(body), default);
    }

    private static async Task<ImmutableArray<string>> FindingsAsync(
        IEnumerable<string> sources,
        bool indexOn,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? options = null,
        params AdditionalText[] additionalFiles)
    {
        var compilation = RobustnessCorpus.Compile(sources);
        var global = new Dictionary<string, string>(options ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (!indexOn)
        {
            global[PrivacyModel.CandidateIndexKey] = "false";
        }

        var analyzerOptions = new AnalyzerOptions(additionalFiles.ToImmutableArray(), new GlobalOptionsProvider(global));
        var withAnalyzers = compilation.WithAnalyzers(
            AnalyzerConventionTests.Analyzers,
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(CultureInfo.InvariantCulture)}")
            .ToImmutableArray();
    }

    private static IReadOnlyDictionary<string, string> Options(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>The same options for every file and as the global options: what a project-wide .globalconfig gives.</summary>
    private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _options;

        public GlobalOptionsProvider(IReadOnlyDictionary<string, string> values) => _options = new DictionaryOptions(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

            // The analyzers' own NotNullWhen polyfill is visible here too, so the attribute cannot be named.
#pragma warning disable CS8765
            public override bool TryGetValue(string key, out string? value)
#pragma warning restore CS8765
            {
                var found = _values.TryGetValue(key, out var text);
                value = text;
                return found;
            }
        }
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly string _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(_text);
    }
}
