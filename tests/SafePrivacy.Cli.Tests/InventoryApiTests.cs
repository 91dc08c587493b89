using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Inventory;

namespace SafePrivacy.Cli.Tests;

/// <summary>
/// The analyzer assembly's public inventory API on small compilations: which basis covers which member (the nearest
/// one, as the rules decide), and what each activity records.
/// </summary>
public sealed class InventoryApiTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using SafePrivacy;

        """;

    private const string Users = """

        public sealed class User
        {
            public int Id { get; set; }
            [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
            [PersonalData(DataCategory.Name)] public string Name { get; set; } = "";
        }
        """;

    [Fact]
    public void NearestBasisWins_AMethodsOwnBasisIsItsOwnActivity()
    {
        var model = Build("""
            [LawfulBasis(LawfulBasis.Contract, Purpose = "Run accounts")]
            public sealed class Accounts
            {
                public void Welcome(User user) => Console.WriteLine(user.Name);

                [LawfulBasis(LawfulBasis.LegalObligation, Purpose = "Keep records the law requires", Reference = "Companies Act 2006 s.388")]
                public void Archive(User user) => File.WriteAllText("archive.txt", user.Email);
            }
            """);

        Assert.Equal(new[] { ("Accounts", ActivityScope.Type), ("Accounts.Archive", ActivityScope.Member) }, model.Activities.Select(a => (a.Name, a.Scope)));
        var type = model.Activities[0];
        var method = model.Activities[1];
        Assert.Equal(new[] { "Accounts.Welcome" }, type.Members);
        Assert.Equal((InventorySinkKind.Log, "User.Name"), (Assert.Single(type.Sinks).Kind, Assert.Single(type.Data).Name));
        Assert.Equal(new[] { "Accounts.Archive" }, method.Members);
        Assert.Equal(("LegalObligation", "Companies Act 2006 s.388"), (method.Basis.Basis, method.Basis.Reference));
        var stored = Assert.Single(method.Sinks);
        Assert.Equal((InventorySinkKind.Storage, "User.Email", "Contact"), (stored.Kind, Assert.Single(stored.Data).Name, stored.Data[0].Category));
        Assert.Empty(model.Undeclared);
    }

    [Fact]
    public void ACallerWithoutABasis_IsCoveredByTheHelperThatDeclaresOne()
    {
        var model = Build("""
            [LawfulBasis(LawfulBasis.LegitimateInterests, Purpose = "Audit sign-ins", Reference = "LIA-3")]
            public static class Audit
            {
                public static void Record(string what) => Console.WriteLine(what);
            }

            public sealed class SignIn
            {
                public void Succeeded(User user) => Audit.Record(user.Email);

                public void Failed(User user) => Console.WriteLine("failed: " + user.Email);
            }
            """);

        var audit = Assert.Single(model.Activities);
        Assert.Contains("SignIn.Succeeded", audit.Members);
        var flow = Assert.Single(audit.Sinks, s => s.Member == "SignIn.Succeeded");
        Assert.Equal(new[] { "Audit.Record" }, flow.Via);
        var undeclared = Assert.Single(model.Undeclared);
        Assert.Equal(("SignIn.Failed", "Console.WriteLine"), (undeclared.Member, Assert.Single(undeclared.Sinks).Sink));
    }

    [Fact]
    public void RecipientsOnTheNearestScope_AreAllRecorded_AndTransfersLeaveTheService()
    {
        var model = Build("""
            [LawfulBasis(LawfulBasis.Contract, Purpose = "Deliver orders")]
            [Recipient("Parcels Ltd", Kind = RecipientKind.Processor, Reference = "DPA-9")]
            [Recipient("Tax Office", Kind = RecipientKind.PublicAuthority)]
            public sealed class Shipping
            {
                private readonly System.Net.Http.HttpClient _http = new();

                public void Send(User user) => _http.PostAsync("https://parcels.example/labels", new System.Net.Http.StringContent(user.Name));
            }
            """);

        var shipping = Assert.Single(model.Activities);
        Assert.Equal(new[] { ("Parcels Ltd", "Processor", "DPA-9"), ("Tax Office", "PublicAuthority", (string?)null) }, shipping.Recipients.Select(r => (r.Name, r.Kind, r.Reference)));
        var transfer = Assert.Single(shipping.Sinks);
        Assert.Equal(InventorySinkKind.Transfer, transfer.Kind);
        Assert.True(transfer.LeavesTheService);
        Assert.All(shipping.Recipients, r => Assert.Equal("Shipping", r.DeclaredOn));
    }

    [Fact]
    public void PseudonymsAndSpecialCategoryData_KeepWhatTheyAre()
    {
        var model = Build("""
            [assembly: LawfulBasis(LawfulBasis.LegitimateInterests, Purpose = "Keep the service safe", Reference = "LIA-1")]
            [assembly: SpecialCategoryCondition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]

            public sealed class Signals
            {
                [SpecialCategoryData(SpecialCategory.Health, Origin = DataOrigin.Inferred)] public double Risk { get; set; }
                private static readonly byte[] Key = new byte[32];

                public void Log(User user, Signals signals) =>
                    Console.WriteLine(Pseudonymise.Hmac(user.Email, Key) + " " + signals.Risk);
            }
            """);

        var service = Assert.Single(model.Activities);
        Assert.Equal((ActivityScope.Assembly, "A:Inventoried"), (service.Scope, service.DocumentationId));
        var logged = Assert.Single(service.Sinks).Data;
        var pseudonym = Assert.Single(logged, d => (d.Kinds & PersonalDataKinds.Pseudonymous) != 0);
        Assert.Equal("User.Email", pseudonym.Name);
        Assert.False(pseudonym.IsSpecialCategory);
        var risk = Assert.Single(logged, d => d.IsSpecialCategory);
        Assert.Equal(("Signals.Risk", "Health", true), (risk.Name, risk.SpecialCategory, risk.Inferred));
        var condition = Assert.Single(service.SpecialCategoryConditions);
        Assert.Equal(("SubstantialPublicInterest", "SafeguardingOfChildrenAndIndividualsAtRisk", "Inventoried"), (condition.Condition, condition.Schedule1, condition.DeclaredOn));
    }

    [Fact]
    public void InitializersAndExpressionBodiedProperties_AreBodiesToo()
    {
        var model = Build("""
            [LawfulBasis(LawfulBasis.Contract, Purpose = "Show profiles")]
            public sealed class Profile
            {
                private static readonly User Owner = new();
                private readonly string _banner = Trace(Owner.Email);

                public string Header => Trace(Owner.Name);

                private static string Trace(string text)
                {
                    Console.WriteLine(text);
                    return text;
                }
            }
            """);

        var profile = Assert.Single(model.Activities);
        Assert.Contains("Profile._banner", profile.Members);
        Assert.Contains("Profile.Header", profile.Members);
        Assert.Equal(new[] { "User.Email", "User.Name" }, profile.Data.Select(d => d.Name));
    }

    [Fact]
    public void TopLevelStatements_AreRecorded_AsTheRulesSeeThem()
    {
        // The rules analyse top-level statements as the synthesized entry point; a body list rebuilt from member
        // declarations never saw them.
        var compilation = Compile(
            Usings + "var user = new User();\nConsole.WriteLine(\"Signed in \" + user.Email);\n" + Users,
            withAttributes: true,
            OutputKind.ConsoleApplication);

        var model = ProcessingInventory.Build(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));

        var undeclared = Assert.Single(model.Undeclared);
        Assert.Equal("top-level statements", undeclared.Member);
        var sink = Assert.Single(undeclared.Sinks);
        Assert.Equal((InventorySinkKind.Log, "User.Email", 5), (sink.Kind, Assert.Single(sink.Data).Name, sink.Location!.Line));
    }

    [Fact]
    public void APrimaryConstructorsBaseArguments_AreRecorded()
    {
        var model = Build("""
            public class Notice
            {
                public Notice(string text) => Console.WriteLine(text);
            }

            [LawfulBasis(LawfulBasis.Contract, Purpose = "Welcome new members")]
            public sealed class Welcome(User user) : Notice(user.Email);
            """);

        var welcome = Assert.Single(model.Activities);
        Assert.Equal(new[] { "Welcome constructor" }, welcome.Members);
        var sink = Assert.Single(welcome.Sinks);
        Assert.Equal((InventorySinkKind.Log, "User.Email"), (sink.Kind, Assert.Single(sink.Data).Name));
        Assert.Equal(new[] { "Notice constructor" }, sink.Via);
    }

    [Fact]
    public void ACompilationThatCannotDeclarePersonalData_HasAnEmptyRecord()
    {
        var compilation = Compile("public static class Plain { public static void Log(string text) => System.Console.WriteLine(text); }", withAttributes: false);

        var model = ProcessingInventory.Build(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));

        Assert.False(model.UsesSafePrivacy);
        Assert.Empty(model.Activities);
        Assert.Empty(model.Undeclared);
    }

    private static InventoryModel Build(string source) =>
        ProcessingInventory.Build(Compile(Usings + source + Users, withAttributes: true), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));

    private static CSharpCompilation Compile(string source, bool withAttributes, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        if (withAttributes)
        {
            references.Add(MetadataReference.CreateFromFile(typeof(LawfulBasisAttribute).Assembly.Location));
        }

        var compilation = CSharpCompilation.Create(
            "Inventoried",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Inventoried.cs") },
            references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return compilation;
    }
}
