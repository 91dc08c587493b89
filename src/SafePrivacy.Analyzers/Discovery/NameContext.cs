using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Discovery;

/// <summary>
/// What the words around a matched name say about whose data it is. A name is a person's only where nothing says it
/// belongs to a thing: the words before the match in the member's own name (<c>CertificatePassword</c>,
/// <c>LocalAddress</c>), and the type that declares the member — its head noun (<c>FileEntry</c> is a file,
/// <c>CultureOption</c> a culture, <c>ServerInfo</c> a server) and those of its base types, or a configuration type
/// (<c>SmtpOptions</c>). Each thing rules out only the categories a thing of that kind has of its own: a file has a
/// name, not an email address, so <c>UploadedFile.UploaderEmail</c> is still reported.
/// </summary>
internal static class NameContext
{
    private const int Names = 1 << (int)DataCategoryKind.Name;
    private const int Accounts = (1 << (int)DataCategoryKind.OnlineIdentifier) | (1 << (int)DataCategoryKind.Credential);
    private const int Addresses = (1 << (int)DataCategoryKind.NetworkAddress) | (1 << (int)DataCategoryKind.Location);
    private const int Contacts = 1 << (int)DataCategoryKind.Contact;
    private const int Everything = ~0;

    // Base types are looked through this far: far enough for any real hierarchy, and a bound on broken code.
    private const int MaximumBaseTypes = 8;

    /// <summary>Words before a matched name that make it a thing's, by the categories they rule out.</summary>
    private static readonly ImmutableDictionary<string, int> Qualifiers = Build(
        // The names of things: TypeFullName, CultureDisplayName, PrinterDisplayName, ProductDisplayName.
        (Names, new[]
        {
            "file", "directory", "folder", "path", "drive", "culture", "language", "locale", "region", "country", "timezone",
            "type", "assembly", "module", "namespace", "class", "method", "property", "field", "parameter", "attribute",
            "stream", "printer", "device", "machine", "computer", "server", "certificate", "cert", "app",
            "application", "service", "product", "queue", "topic", "table", "column", "database", "schema", "role", "group",
            "team", "category", "tag", "channel", "event", "template", "project", "company", "organisation", "organization",
            "business", "brand", "site", "page", "feature", "plan", "package",
        }),
        // The service's own accounts and secrets, and things' handles: CertificatePassword, SmtpUserName, ClientSecret
        // (an OAuth client is an application), WebhookSecret, FileHandle.
        (Accounts, new[]
        {
            "certificate", "cert", "pfx", "keystore", "key", "database", "db", "sql", "connection", "smtp", "ftp", "sftp",
            "proxy", "server", "host", "service", "system", "client", "app", "application", "webhook", "signing",
            "encryption", "jwt", "master", "root", "bot", "machine", "vault", "storage", "redis", "broker", "api", "file",
            "window", "process", "thread", "wait", "native", "safe",
        }),
        // The service's own side of a connection: LocalAddress, LocalIpAddress, ServerIp, ListenAddress, ProxyAddress.
        (Addresses, new[]
        {
            "local", "server", "host", "loopback", "listen", "listening", "bind", "binding", "broadcast", "multicast",
            "gateway", "dns", "proxy", "smtp", "relay", "base", "upstream", "service", "memory",
        }),
        // The service's own mailboxes and numbers: SupportEmail, NoreplyEmail.
        (Contacts, new[] { "support", "noreply", "helpdesk" }));

    /// <summary>Head nouns of a declaring type that make it a thing, by the categories its own members have.</summary>
    private static readonly ImmutableDictionary<string, int> ThingTypes = Build(
        // File-system entries (FileSystemInfo ends in "system"), cultures, reflection, streams, devices: all have names.
        (Names, new[]
        {
            "file", "directory", "folder", "path", "drive", "volume", "attachment", "blob", "system", "culture", "locale",
            "language", "region", "country", "timezone", "zone", "currency", "type", "assembly", "module", "namespace", "method",
            "property", "field", "parameter", "attribute", "symbol", "enum", "stream", "buffer", "pipe", "channel",
            "device", "printer", "machine", "computer", "role", "group", "team", "category", "tag", "product", "plan",
            "feature", "provider", "scheme", "permission", "policy", "status", "metric",
        }),
        // A certificate has a name and a password; a server a name, addresses and its own accounts.
        (Names | Accounts, new[] { "certificate", "cert", "keystore" }),
        (Names | Accounts | Addresses, new[] { "server", "listener" }));

    /// <summary>The last word of a configuration type: the service's own values, whatever they are called.</summary>
    private static readonly ImmutableHashSet<string> ConfigurationWords = ImmutableHashSet.Create("options", "settings", "configuration", "config");

    /// <summary>Words after the head noun that say nothing about what a type is: MemberDto, FileEntry, ServerInfo.</summary>
    private static readonly ImmutableHashSet<string> GenericSuffixes = ImmutableHashSet.Create(
        "info", "entry", "item", "option", "details", "detail", "descriptor", "record", "dto", "model", "entity", "view",
        "vm", "data", "wrapper", "reference", "metadata", "summary", "request", "response", "result", "base", "row",
        "object");

    /// <summary>Head nouns of types whose instances are people: User, Member, CustomerDto, UserProfile.</summary>
    private static readonly ImmutableHashSet<string> PersonTypes = ImmutableHashSet.Create(
        "user", "member", "customer", "person", "people", "contact", "employee", "staff", "patient", "student", "pupil",
        "teacher", "author", "profile", "guest", "attendee", "applicant", "candidate", "subscriber", "recipient", "sender",
        "owner", "reporter", "moderator", "admin", "administrator", "player", "buyer", "seller", "passenger", "visitor",
        "volunteer", "donor", "child", "parent", "guardian", "spouse", "holder", "cardholder", "participant", "learner",
        "resident", "claimant", "account", "friend", "follower", "individual");

    // Words before "Name" that say whose it is. Not "member" ([CallerMemberName] memberName is code), "account"
    // (StorageAccountName) or "profile" (a browser's or a CLI's profile): those are people only as a type's head noun.
    private static readonly ImmutableHashSet<string> PersonQualifiers = PersonTypes.Except(new[] { "member", "account", "profile" });

    /// <summary>Words in a declaring type's name that make a bare "Address" a network address: INetwork, SocketInfo.</summary>
    private static readonly ImmutableHashSet<string> NetworkWords = ImmutableHashSet.Create(
        "network", "ip", "socket", "connection", "dns", "proxy", "firewall", "tcp", "udp", "peer", "endpoint");

    /// <summary>Words in a declaring type's name that make a bare "Address" an email address: EmailRecipient, MailboxInfo.</summary>
    private static readonly ImmutableHashSet<string> MailWords = ImmutableHashSet.Create("email", "mail", "mailbox");

    /// <summary>
    /// Whether a name matched as <paramref name="category"/> belongs to a thing: by <paramref name="qualifier"/>, the
    /// words before the match, or by the type that declares the member.
    /// </summary>
    public static bool IsThing(DataCategoryKind category, IReadOnlyList<string> qualifier, INamedTypeSymbol? declaringType)
    {
        // The word just before the match says whose it is, on any type: UserFile.OwnerName, Certificate.HolderName.
        if (IsPersonQualifier(qualifier))
        {
            return false;
        }

        var bit = 1 << (int)category;
        foreach (var word in qualifier)
        {
            if (Qualifiers.TryGetValue(word, out var ruledOut) && (ruledOut & bit) != 0)
            {
                return true;
            }
        }

        return (ThingCategories(declaringType) & bit) != 0;
    }

    /// <summary>Whether the word before a match says it is a person's: AuthorName, CardholderName, OwnerEmail.</summary>
    public static bool IsPersonQualifier(IReadOnlyList<string> qualifier) =>
        qualifier.Count > 0 && PersonQualifiers.Contains(qualifier[qualifier.Count - 1]);

    /// <summary>Whether instances of the declaring type are people, by its head noun: Member, UserDto, CreateCustomerRequest.</summary>
    public static bool IsPersonType(INamedTypeSymbol? type) =>
        type is not null && Head(IdentifierWords.Split(type.Name)) is { } head && PersonTypes.Contains(head);

    /// <summary>
    /// What a bare address in the declaring type is, where its name says: a network address in a type about networks,
    /// contact details (an email address) in one about mail; null for a postal address.
    /// </summary>
    public static DataCategoryKind? AddressKind(INamedTypeSymbol? type)
    {
        var words = type is null ? ImmutableArray<string>.Empty : IdentifierWords.Split(type.Name);
        return words.Any(NetworkWords.Contains) ? DataCategoryKind.NetworkAddress
            : words.Any(MailWords.Contains) ? DataCategoryKind.Contact
            : null;
    }

    /// <summary>
    /// Whether values of <paramref name="type"/> are network addresses, whatever the member is called: an IP address,
    /// an IP end point, or an end point of any kind (what a socket's RemoteEndPoint is). Not a DnsEndPoint (a host's
    /// name) nor a Unix socket's path.
    /// </summary>
    public static bool IsNetworkAddressType(ITypeSymbol type) =>
        // Asked of every member's type: the name first, so that no other type is compared by its containers.
        type.TypeKind == TypeKind.Class
        && type.Name switch
        {
            "IPAddress" => MetadataNames.Is(type, "System.Net.IPAddress"),
            "IPEndPoint" => MetadataNames.Is(type, "System.Net.IPEndPoint"),
            "EndPoint" => MetadataNames.Is(type, "System.Net.EndPoint"),
            _ => false,
        };

    // The categories a type's own members have because the type, or a base type, is a thing (Everything for
    // configuration). Asked only once a name has matched, so nothing is cached.
    private static int ThingCategories(INamedTypeSymbol? type)
    {
        var categories = 0;
        var depth = 0;
        for (var current = type; current is not null && depth < MaximumBaseTypes; current = current.BaseType, depth++)
        {
            if (current.SpecialType == SpecialType.System_Object)
            {
                break;
            }

            var words = IdentifierWords.Split(current.Name);
            if (words.Length == 0)
            {
                continue;
            }

            // UserSettings and MemberPreferences are about a person; SmtpOptions and StorageSettings are the service's.
            if (ConfigurationWords.Contains(words[words.Length - 1]) && !words.Any(PersonTypes.Contains))
            {
                return Everything;
            }

            if (Head(words) is { } head && ThingTypes.TryGetValue(head, out var own))
            {
                categories |= own;
            }
        }

        return categories;
    }

    // The noun a type name is about: its last word that is not a generic suffix (MemberDto → member, FileEntry → file).
    private static string? Head(ImmutableArray<string> words)
    {
        for (var i = words.Length - 1; i >= 0; i--)
        {
            if (!GenericSuffixes.Contains(words[i]))
            {
                // An interface's leading "I" is a word of its own (INetwork → i, network); it is never the head.
                return words[i] == "i" && i == 0 ? null : words[i];
            }
        }

        return null;
    }

    private static ImmutableDictionary<string, int> Build(params (int Categories, string[] Words)[] groups)
    {
        var map = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var (categories, words) in groups)
        {
            foreach (var word in words)
            {
                map[word] = (map.TryGetValue(word, out var existing) ? existing : 0) | categories;
            }
        }

        return map.ToImmutableDictionary(System.StringComparer.Ordinal);
    }
}
