using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<SafePrivacy.Analyzers.Rules.PrintingToStringAnalyzer, SafePrivacy.CodeFixes.Rules.RecordToStringCodeFixProvider>;

namespace SafePrivacy.Analyzers.Tests.CodeFixes;

public sealed class SP2005RecordToStringFixTests
{
    [Fact]
    public Task CodeFix_OverridesToStringWithTheNonPersonalMembers() => Verify.VerifyCodeFixAsync(
        """
        using System;
        using SafePrivacy;

        public sealed record [|MemberSummary|](Guid Id, [property: PersonalData(DataCategory.Contact)] string Email)
        {
            public string Plan { get; init; } = "";
        }
        """,
        """
        using System;
        using SafePrivacy;

        public sealed record MemberSummary(Guid Id, [property: PersonalData(DataCategory.Contact)] string Email)
        {
            public string Plan { get; init; } = "";

            public override string ToString() => $"MemberSummary {{ Id = {Id}, Plan = {Plan} }}";
        }
        """);

    [Fact]
    public Task FixAll_GivesBodylessRecordsABody() => Verify.VerifyFixAllAsync(
        """
        using SafePrivacy;

        public record [|Contact|]([property: PersonalData(DataCategory.Contact)] string Phone);

        public record [|Badge|](int Number, [property: PersonalData(DataCategory.Name)] string Holder);
        """,
        """
        using SafePrivacy;

        public record Contact([property: PersonalData(DataCategory.Contact)] string Phone)
        {
            public override string ToString() => "Contact";
        }

        public record Badge(int Number, [property: PersonalData(DataCategory.Name)] string Holder)
        {
            public override string ToString() => $"Badge {{ Number = {Number} }}";
        }
        """);
}
