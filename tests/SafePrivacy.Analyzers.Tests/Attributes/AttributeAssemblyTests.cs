using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Tests.Attributes;

/// <summary>The attributes assembly is the public API: complete, documented, and never compiled away.</summary>
public sealed partial class AttributeAssemblyTests
{
    private static readonly Assembly Api = typeof(PersonalDataAttribute).Assembly;

    private static readonly Type[] AttributeTypes = Api.GetExportedTypes().Where(t => typeof(Attribute).IsAssignableFrom(t)).ToArray();

    [Fact]
    public void EveryAttributeOfTheDesign_IsPresentAndMatchedByTheAnalyzers()
    {
        var expected = new[]
        {
            "PersonalDataAttribute", "SpecialCategoryDataAttribute", "CriminalOffenceDataAttribute", "UserGeneratedContentAttribute",
            "NotPersonalDataAttribute", "LawfulBasisAttribute", "SpecialCategoryConditionAttribute", "CriminalOffenceConditionAttribute",
            "RetentionAttribute", "RecipientAttribute", "ModerationPipelineAttribute", "ModerationClassifierAttribute",
            "ModerationActionAttribute", "HumanReviewAttribute", "RedactsAttribute", "PseudonymisesAttribute", "LogSinkAttribute",
            "StorageSinkAttribute", "ExternalTransferAttribute",
        };

        Assert.Equal(expected.OrderBy(n => n), AttributeTypes.Select(t => t.Name).OrderBy(n => n));
        Assert.Equal(expected.OrderBy(n => n), AttributeNames.All.OrderBy(n => n));
        Assert.All(AttributeTypes, t => Assert.Equal(AttributeNames.Namespace, t.Namespace));
    }

    [Fact]
    public void Attributes_AreSealedWithUsageAndNeverConditional()
    {
        foreach (var type in AttributeTypes)
        {
            Assert.True(type.IsSealed, $"{type.Name} must be sealed.");
            Assert.NotNull(type.GetCustomAttribute<AttributeUsageAttribute>());

            // [Conditional] would drop the annotations from metadata, and a library's DTOs would reach consumers bare.
            Assert.Null(type.GetCustomAttribute<ConditionalAttribute>());
        }
    }

    [Fact]
    public void Attributes_NameTheRulesThatReadThem()
    {
        var docs = XDocument.Load(Path.ChangeExtension(Api.Location, ".xml"));
        foreach (var type in AttributeTypes)
        {
            var member = docs.Descendants("member").SingleOrDefault(m => (string?)m.Attribute("name") == "T:" + type.FullName);
            Assert.True(member is not null, $"{type.Name} has no XML documentation.");
            Assert.Matches(RuleReference(), member!.Value);
        }
    }

    [Fact]
    public void DeclarationEnumMirrors_MatchThePublicEnums()
    {
        AssertMirrors<LawfulBasis, LawfulBasisKind>();
        AssertMirrors<DataCategory, DataCategoryKind>();
        AssertMirrors<SpecialCategory, SpecialCategoryKind>();
        AssertMirrors<DataOrigin, DataOriginKind>();
    }

    [Fact]
    public void RetentionIndefinite_IsWhatTheAnalyzerLooksFor() =>
        Assert.Equal(Retention.Indefinite, SafePrivacy.Analyzers.Rules.InvalidRetentionAnalyzer.Indefinite);

    [Fact]
    public void Schedule1Conditions_AreNumberedByParagraph()
    {
        Assert.Equal(10, (int)Schedule1Condition.PreventingOrDetectingUnlawfulActs);
        Assert.Equal(18, (int)Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk);
        Assert.Equal(36, (int)Schedule1Condition.ExtensionOfPart2Conditions);
    }

    private static void AssertMirrors<TPublic, TMirror>()
        where TPublic : struct, Enum
        where TMirror : struct, Enum =>
        Assert.Equal(
            Enum.GetValues<TPublic>().Select(v => (v.ToString(), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))),
            Enum.GetValues<TMirror>().Select(v => (v.ToString(), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))));

    [GeneratedRegex(@"SP[0-9]{4}")]
    private static partial Regex RuleReference();
}
