using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Configuration;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Discovery;

/// <summary>Which types a name pattern accepts: an email is text, a date of birth a date, a latitude a number.</summary>
internal enum ValueShape
{
    Text,
    Date,
    Number,
    NetworkAddress,
    Secret,

    /// <summary>An identifier: text or a <c>Guid</c> (a device's installation id).</summary>
    Identifier,
}

/// <summary>What a pattern needs of its context beyond the name.</summary>
internal enum PatternContext
{
    None,

    /// <summary>A bare word (<c>Name</c>) that is a person's only on a person (<c>Member.Name</c>, <c>AuthorName</c>).</summary>
    Person,

    /// <summary>
    /// An address whose kind its declaring type says: a network address in a type about networks
    /// (<c>INetwork.Address</c>), an email address in one about mail (<c>EmailRecipient.Address</c>), else a postal one.
    /// </summary>
    AddressOfItsType,
}

/// <summary>A name that looks like personal data, and the category it suggests.</summary>
internal sealed record NamePattern(string Name, ImmutableArray<string> Words, DataCategoryKind Category, ValueShape Shape, PatternContext Context = PatternContext.None);

/// <summary>
/// The names SP9001 treats as personal data, matched as whole words at the end of an identifier
/// (ContactEmail matches Email; EmailSubject and IsEmailConfirmed do not), with the project's additions and
/// exclusions from .editorconfig. A match is a person's only where its context does not make it a thing's
/// (<see cref="NameContext"/>): a culture's DisplayName, a file's FullName, the server's LocalAddress.
/// </summary>
internal sealed class NamePatterns
{
    public const string EnabledKey = "safe_privacy.discovery";
    public const string AddKey = "safe_privacy.discovery_patterns";
    public const string ExcludeKey = "safe_privacy.discovery_exclude";

    private static readonly ImmutableArray<NamePattern> Defaults = ImmutableArray.Create(
        P("Email", DataCategoryKind.Contact), P("EmailAddress", DataCategoryKind.Contact),
        P("Phone", DataCategoryKind.Contact), P("PhoneNumber", DataCategoryKind.Contact), P("Mobile", DataCategoryKind.Contact),
        P("MobileNumber", DataCategoryKind.Contact), P("Telephone", DataCategoryKind.Contact),
        P("FirstName", DataCategoryKind.Name), P("LastName", DataCategoryKind.Name), P("MiddleName", DataCategoryKind.Name),
        P("FullName", DataCategoryKind.Name), P("DisplayName", DataCategoryKind.Name), P("GivenName", DataCategoryKind.Name),
        P("FamilyName", DataCategoryKind.Name), P("Surname", DataCategoryKind.Name),
        P("Name", DataCategoryKind.Name, context: PatternContext.Person),
        P("UserName", DataCategoryKind.OnlineIdentifier), P("Username", DataCategoryKind.OnlineIdentifier),
        P("UserPrincipalName", DataCategoryKind.OnlineIdentifier), P("LoginName", DataCategoryKind.OnlineIdentifier),
        P("Login", DataCategoryKind.OnlineIdentifier), P("ScreenName", DataCategoryKind.OnlineIdentifier),
        P("Handle", DataCategoryKind.OnlineIdentifier),
        P("DateOfBirth", DataCategoryKind.DateOfBirth, ValueShape.Date), P("Dob", DataCategoryKind.DateOfBirth, ValueShape.Date),
        P("BirthDate", DataCategoryKind.DateOfBirth, ValueShape.Date), P("Birthday", DataCategoryKind.DateOfBirth, ValueShape.Date),
        P("Address", DataCategoryKind.Location, context: PatternContext.AddressOfItsType),
        P("AddressLine", DataCategoryKind.Location), P("Postcode", DataCategoryKind.Location),
        P("PostalCode", DataCategoryKind.Location), P("ZipCode", DataCategoryKind.Location),
        P("Latitude", DataCategoryKind.Location, ValueShape.Number), P("Longitude", DataCategoryKind.Location, ValueShape.Number),
        P("IpAddress", DataCategoryKind.NetworkAddress, ValueShape.NetworkAddress), P("Ip", DataCategoryKind.NetworkAddress, ValueShape.NetworkAddress),
        P("RemoteIp", DataCategoryKind.NetworkAddress, ValueShape.NetworkAddress), P("ClientIp", DataCategoryKind.NetworkAddress, ValueShape.NetworkAddress),
        P("RemoteAddress", DataCategoryKind.NetworkAddress, ValueShape.NetworkAddress),
        P("RemoteEndPoint", DataCategoryKind.NetworkAddress, ValueShape.NetworkAddress), P("RemoteEndpoint", DataCategoryKind.NetworkAddress, ValueShape.NetworkAddress),
        P("ForwardedFor", DataCategoryKind.NetworkAddress, ValueShape.NetworkAddress),
        P("MacAddress", DataCategoryKind.DeviceIdentifier),
        P("DeviceId", DataCategoryKind.DeviceIdentifier, ValueShape.Identifier), P("DeviceIdentifier", DataCategoryKind.DeviceIdentifier, ValueShape.Identifier),
        P("InstallationId", DataCategoryKind.DeviceIdentifier, ValueShape.Identifier), P("InstallId", DataCategoryKind.DeviceIdentifier, ValueShape.Identifier),
        P("AdvertisingId", DataCategoryKind.DeviceIdentifier, ValueShape.Identifier), P("Idfa", DataCategoryKind.DeviceIdentifier, ValueShape.Identifier),
        P("PushToken", DataCategoryKind.DeviceIdentifier), P("DeviceToken", DataCategoryKind.DeviceIdentifier),
        P("FcmToken", DataCategoryKind.DeviceIdentifier), P("ApnsToken", DataCategoryKind.DeviceIdentifier),
        P("NationalInsuranceNumber", DataCategoryKind.GovernmentIdentifier), P("Ssn", DataCategoryKind.GovernmentIdentifier),
        P("SocialSecurityNumber", DataCategoryKind.GovernmentIdentifier), P("Passport", DataCategoryKind.GovernmentIdentifier),
        P("PassportNumber", DataCategoryKind.GovernmentIdentifier),
        P("Password", DataCategoryKind.Credential, ValueShape.Secret), P("PasswordHash", DataCategoryKind.Credential, ValueShape.Secret),
        P("Passphrase", DataCategoryKind.Credential, ValueShape.Secret), P("SecurityAnswer", DataCategoryKind.Credential, ValueShape.Secret),
        P("Secret", DataCategoryKind.Credential, ValueShape.Secret), P("ApiKey", DataCategoryKind.Credential, ValueShape.Secret),
        P("ApiToken", DataCategoryKind.Credential, ValueShape.Secret), P("AccessToken", DataCategoryKind.Credential, ValueShape.Secret),
        P("RefreshToken", DataCategoryKind.Credential, ValueShape.Secret), P("IdToken", DataCategoryKind.Credential, ValueShape.Secret),
        P("AuthToken", DataCategoryKind.Credential, ValueShape.Secret), P("BearerToken", DataCategoryKind.Credential, ValueShape.Secret));

    // A member whose type is an IP address or an end point is a network address whatever it is called.
    private static readonly NamePattern NetworkAddressType = new("IPAddress", ImmutableArray<string>.Empty, DataCategoryKind.NetworkAddress, ValueShape.NetworkAddress);

    // DataCategory's members by their exact names: what a pattern's category must be.
    private static readonly ImmutableDictionary<string, DataCategoryKind> Categories =
        Enum.GetValues(typeof(DataCategoryKind)).Cast<DataCategoryKind>().ToImmutableDictionary(c => c.ToString(), c => c, StringComparer.Ordinal);


    // By a pattern's last word, which is the last word of every name it matches: a name is compared with the few
    // patterns ending like it, not with all of them (SP9001 asks for every member and parameter of the compilation).
    private readonly ImmutableDictionary<string, ImmutableArray<NamePattern>> _patternsByLastWord;

    // Longest first, so that UserName wins over Name; of equal length the project's own first (a stable sort), so
    // that `Handle:Name` in .editorconfig overrides the built-in Handle.
    private NamePatterns(ImmutableArray<NamePattern> patterns) =>
        _patternsByLastWord = patterns
            .Where(p => p.Words.Length > 0)
            .OrderByDescending(p => p.Words.Length)
            .GroupBy(p => p.Words[p.Words.Length - 1], StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

    public static NamePatterns Default { get; } = new(Defaults);

    /// <summary>
    /// The patterns a file's options ask for; null when discovery is off. <paramref name="parsed"/> keeps each distinct
    /// text parsed once: it belongs to the compilation's model, so nothing outlives the options it was read from.
    /// </summary>
    public static NamePatterns? From(AnalyzerConfigOptions options, ConcurrentDictionary<string, NamePatterns?> parsed)
    {
        options.TryGetValue(EnabledKey, out var enabled);
        options.TryGetValue(AddKey, out var added);
        options.TryGetValue(ExcludeKey, out var excluded);
        if (string.Equals(enabled?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(added) && string.IsNullOrWhiteSpace(excluded))
        {
            return Default;
        }

        return parsed.GetOrAdd($"{added}\n{excluded}", _ =>
        {
            var exclude = Names(excluded).Select(n => string.Join(" ", IdentifierWords.Split(n))).ToImmutableHashSet();
            var patterns = new List<NamePattern>();
            foreach (var entry in Names(added))
            {
                var (name, category, _) = ParseAdded(entry);
                patterns.Add(P(name, category));
            }

            patterns.AddRange(Defaults.Where(p => !exclude.Contains(string.Join(" ", p.Words))));
            return new NamePatterns(patterns.ToImmutableArray());
        });
    }

    /// <summary>
    /// What SP9004 reports about these options for one file: each value that <see cref="From"/> can only replace with a
    /// default, as (key, value, what is wrong and what happens instead).
    /// </summary>
    public static ImmutableArray<(string Key, string Value, string Problem)> Problems(AnalyzerConfigOptions options)
    {
        var problems = ImmutableArray.CreateBuilder<(string, string, string)>();
        if (options.TryGetValue(EnabledKey, out var enabled)
            && !string.Equals(enabled.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(enabled.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add((EnabledKey, enabled.Trim(), "it is true or false, so discovery stays on"));
        }

        if (options.TryGetValue(AddKey, out var added))
        {
            foreach (var entry in Names(added))
            {
                if (ParseAdded(entry).Problem is { } problem)
                {
                    problems.Add((AddKey, entry, problem));
                }
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>
    /// An added pattern, <c>Name</c> or <c>Name:Category</c>. The category must be a <c>DataCategory</c> member spelt
    /// exactly (as it is in code); a number or a near miss would silently mean something else, so it becomes Other
    /// with a problem to report.
    /// </summary>
    private static (string Name, DataCategoryKind Category, string? Problem) ParseAdded(string entry)
    {
        var colon = entry.IndexOf(':');
        if (colon < 0)
        {
            return (entry, DataCategoryKind.Other, null);
        }

        var name = entry.Substring(0, colon).Trim();
        var text = entry.Substring(colon + 1).Trim();
        if (Categories.TryGetValue(text, out var category))
        {
            return (name, category, null);
        }

        var nearest = Categories.Keys.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase));
        var problem = text.Length == 0 ? "the category after ':' is empty"
            : text.All(char.IsDigit) || (text[0] == '-' && text.Length > 1) ? $"'{text}' is a number, not a DataCategory member"
            : nearest is not null ? $"'{text}' is not a DataCategory member (did you mean '{nearest}'?)"
            : $"'{text}' is not a DataCategory member";
        return (name, DataCategoryKind.Other, problem + $", so '{name}' is discovered as Other; name a member such as Contact, Name or OnlineIdentifier");
    }

    /// <summary>
    /// The pattern <paramref name="identifier"/> matches as a person's data, given the member's type and the type that
    /// declares it; null where it matches none, its type does not fit, or its context makes it a thing's.
    /// </summary>
    public NamePattern? Match(string identifier, ITypeSymbol type, INamedTypeSymbol? declaringType)
    {
        var words = IdentifierWords.Split(identifier);
        while (words.Length > 0 && words[words.Length - 1].All(char.IsDigit))
        {
            words = words.RemoveAt(words.Length - 1);
        }

        if (words.IsEmpty)
        {
            return null;
        }

        type = Unwrapped(type);
        if (NameContext.IsNetworkAddressType(type))
        {
            // Every word of the name is a qualifier here: LocalEndPoint and ListenAddress are the server's own.
            return NameContext.IsThing(DataCategoryKind.NetworkAddress, words, declaringType) ? null : NetworkAddressType;
        }

        if (!_patternsByLastWord.TryGetValue(words[words.Length - 1], out var candidates))
        {
            return null;
        }

        foreach (var pattern in candidates)
        {
            if (IdentifierWords.EndsWith(words, pattern.Words))
            {
                return Accepts(pattern.Shape, type) ? InContext(pattern, words.RemoveRange(words.Length - pattern.Words.Length, pattern.Words.Length), declaringType) : null;
            }
        }

        return null;
    }

    // What the words before the match (the qualifier) and the declaring type make of a match.
    private static NamePattern? InContext(NamePattern pattern, ImmutableArray<string> qualifier, INamedTypeSymbol? declaringType)
    {
        switch (pattern.Context)
        {
            case PatternContext.Person when !(NameContext.IsPersonQualifier(qualifier) || (qualifier.IsEmpty && NameContext.IsPersonType(declaringType))):
                return null;
            case PatternContext.AddressOfItsType when NameContext.AddressKind(declaringType) is { } kind:
                pattern = pattern with { Category = kind };
                break;
        }

        return NameContext.IsThing(pattern.Category, qualifier, declaringType) ? null : pattern;
    }

    private static ITypeSymbol Unwrapped(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool Accepts(ValueShape shape, ITypeSymbol type)
    {
        var isText = type.SpecialType == SpecialType.System_String;
        return shape switch
        {
            ValueShape.Text => isText || MetadataNames.Is(type, "System.Net.Mail.MailAddress"),
            ValueShape.Date => isText || type.SpecialType == SpecialType.System_DateTime || MetadataNames.Is(type, "System.DateOnly") || MetadataNames.Is(type, "System.DateTimeOffset"),
            ValueShape.Number => type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal,
            ValueShape.NetworkAddress => isText || NameContext.IsNetworkAddressType(type),
            ValueShape.Secret => isText || MetadataNames.Is(type, "System.Security.SecureString")
                || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte or SpecialType.System_Char },
            ValueShape.Identifier => isText || MetadataNames.Is(type, "System.Guid"),
            _ => false,
        };
    }

    private static NamePattern P(string name, DataCategoryKind category, ValueShape shape = ValueShape.Text, PatternContext context = PatternContext.None) =>
        new(name, IdentifierWords.Split(name), category, shape, context);

    private static string[] Names(string? list) => OptionLists.Split(list);
}
