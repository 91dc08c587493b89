using System;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>What a value is, as far as data protection law cares. Flags combine: content may also be special category data.</summary>
[Flags]
internal enum DataKinds
{
    None = 0,

    /// <summary>Personal data (UK GDPR Art 4(1)). Every other kind implies it.</summary>
    Personal = 1,

    /// <summary>Special category data (Art 9).</summary>
    SpecialCategory = 2,

    /// <summary>Criminal offence data (Art 10).</summary>
    CriminalOffence = 4,

    /// <summary>Content users author: may disclose special category data.</summary>
    UserGeneratedContent = 8,

    /// <summary>A pseudonymous identifier (Art 4(5)): still personal data, no longer content or special category data.</summary>
    Pseudonymous = 16,
}

/// <summary>
/// The classification of one piece of data: its kinds, and the categories its annotations named (values of the
/// public <c>SafePrivacy.DataCategory</c> and <c>SafePrivacy.SpecialCategory</c> enums).
/// </summary>
internal readonly struct DataClass : IEquatable<DataClass>
{
    public DataClass(DataKinds kinds, int category = 0, int specialCategory = 0, bool inferred = false)
    {
        Kinds = kinds | (kinds == DataKinds.None ? DataKinds.None : DataKinds.Personal);
        Category = category;
        SpecialCategory = specialCategory;
        Inferred = inferred;
    }

    public DataKinds Kinds { get; }

    /// <summary>A <c>SafePrivacy.DataCategory</c> value; 0 when unstated.</summary>
    public int Category { get; }

    /// <summary>A <c>SafePrivacy.SpecialCategory</c> value; 0 when unstated or not special category data.</summary>
    public int SpecialCategory { get; }

    /// <summary>The data was inferred (a classifier's output), not provided or observed.</summary>
    public bool Inferred { get; }

    public bool IsEmpty => Kinds == DataKinds.None;

    public bool Has(DataKinds kind) => (Kinds & kind) == kind;

    /// <summary>Content or special category data that has not been pseudonymised: what moderation code must not log.</summary>
    public bool IsSensitiveContent =>
        !Has(DataKinds.Pseudonymous) && (Kinds & (DataKinds.UserGeneratedContent | DataKinds.SpecialCategory)) != 0;

    /// <summary>The class a pseudonymising function gives its result: an online identifier, nothing more.</summary>
    public static DataClass PseudonymousIdentifier { get; } = new(DataKinds.Personal | DataKinds.Pseudonymous, (int)DataCategoryKind.OnlineIdentifier);

    public DataClass Union(DataClass other) => new(
        Kinds | other.Kinds,
        Category != 0 ? Category : other.Category,
        SpecialCategory != 0 ? SpecialCategory : other.SpecialCategory,
        Inferred || other.Inferred);

    /// <summary>How the data is described in messages: "contact details", "user-generated content", "special category data (health)".</summary>
    public string Describe()
    {
        if (Has(DataKinds.Pseudonymous))
        {
            return "pseudonymous identifier";
        }

        if (Has(DataKinds.SpecialCategory))
        {
            var kind = CategoryWords.DescribeSpecial(SpecialCategory);
            var what = kind is null ? "special category data" : "special category data: " + kind;
            return Inferred ? "inferred " + what : what;
        }

        if (Has(DataKinds.CriminalOffence))
        {
            return "criminal offence data";
        }

        if (Has(DataKinds.UserGeneratedContent))
        {
            return "user-generated content";
        }

        return CategoryWords.Describe(Category);
    }

    public bool Equals(DataClass other) =>
        Kinds == other.Kinds && Category == other.Category && SpecialCategory == other.SpecialCategory && Inferred == other.Inferred;

    public override bool Equals(object? obj) => obj is DataClass other && Equals(other);

    public override int GetHashCode() => ((int)Kinds * 397) ^ (Category * 31) ^ (SpecialCategory * 7) ^ (Inferred ? 1 : 0);
}

/// <summary>The words messages use for categories.</summary>
internal static class CategoryWords
{
    public static string Describe(int category) => (DataCategoryKind)category switch
    {
        DataCategoryKind.Name => "name",
        DataCategoryKind.Contact => "contact details",
        DataCategoryKind.OnlineIdentifier => "online identifier",
        DataCategoryKind.NetworkAddress => "network address",
        DataCategoryKind.DeviceIdentifier => "device identifier",
        DataCategoryKind.Location => "location",
        DataCategoryKind.DateOfBirth => "date of birth",
        DataCategoryKind.Demographic => "demographic data",
        DataCategoryKind.Financial => "financial data",
        DataCategoryKind.GovernmentIdentifier => "government identifier",
        DataCategoryKind.Credential => "credential",
        DataCategoryKind.Behavioural => "behavioural data",
        DataCategoryKind.Image => "image of a person",
        DataCategoryKind.Communication => "private communication",
        DataCategoryKind.ModerationRecord => "moderation record",
        _ => "personal data",
    };

    public static string? DescribeSpecial(int category) => (SpecialCategoryKind)category switch
    {
        SpecialCategoryKind.RacialOrEthnicOrigin => "racial or ethnic origin",
        SpecialCategoryKind.PoliticalOpinions => "political opinions",
        SpecialCategoryKind.ReligiousOrPhilosophicalBeliefs => "religious or philosophical beliefs",
        SpecialCategoryKind.TradeUnionMembership => "trade union membership",
        SpecialCategoryKind.Genetic => "genetic data",
        SpecialCategoryKind.Biometric => "biometric data",
        SpecialCategoryKind.Health => "health",
        SpecialCategoryKind.SexLifeOrSexualOrientation => "sex life or sexual orientation",
        _ => null,
    };
}
