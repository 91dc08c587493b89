using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>
/// SafePrivacy's attributes, matched by name so the analyzers never reference the attributes assembly
/// (a project may even declare its own copies).
/// </summary>
internal static class AttributeNames
{
    public const string Namespace = "SafePrivacy";

    public const string PersonalData = "PersonalDataAttribute";
    public const string SpecialCategoryData = "SpecialCategoryDataAttribute";
    public const string CriminalOffenceData = "CriminalOffenceDataAttribute";
    public const string UserGeneratedContent = "UserGeneratedContentAttribute";
    public const string NotPersonalData = "NotPersonalDataAttribute";
    public const string LawfulBasis = "LawfulBasisAttribute";
    public const string SpecialCategoryCondition = "SpecialCategoryConditionAttribute";
    public const string CriminalOffenceCondition = "CriminalOffenceConditionAttribute";
    public const string Retention = "RetentionAttribute";
    public const string Recipient = "RecipientAttribute";
    public const string ModerationPipeline = "ModerationPipelineAttribute";
    public const string ModerationClassifier = "ModerationClassifierAttribute";
    public const string ModerationAction = "ModerationActionAttribute";
    public const string HumanReview = "HumanReviewAttribute";
    public const string Redacts = "RedactsAttribute";
    public const string Pseudonymises = "PseudonymisesAttribute";
    public const string LogSink = "LogSinkAttribute";
    public const string StorageSink = "StorageSinkAttribute";
    public const string ExternalTransfer = "ExternalTransferAttribute";

    /// <summary>The names of the SafePrivacy types whose presence in a compilation means it uses SafePrivacy.</summary>
    public static readonly ImmutableArray<string> All = ImmutableArray.Create(
        PersonalData, SpecialCategoryData, CriminalOffenceData, UserGeneratedContent, NotPersonalData, LawfulBasis,
        SpecialCategoryCondition, CriminalOffenceCondition, Retention, Recipient, ModerationPipeline,
        ModerationClassifier, ModerationAction, HumanReview, Redacts, Pseudonymises, LogSink, StorageSink,
        ExternalTransfer);

    /// <summary>Whether <paramref name="type"/> is <c>SafePrivacy.</c><paramref name="name"/>.</summary>
    public static bool Is(INamedTypeSymbol? type, string name) =>
        type is not null
        && type.Name == name
        && type.ContainingNamespace is { Name: Namespace } ns
        && ns.ContainingNamespace is { IsGlobalNamespace: true };

    /// <summary>The first application of <c>SafePrivacy.</c><paramref name="name"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? Find(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, name))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether the compilation can see the SafePrivacy attribute <paramref name="name"/>.</summary>
    public static bool IsDeclaredIn(Compilation compilation, string name) =>
        !compilation.GetTypesByMetadataName(Namespace + "." + name).IsEmpty;
}
