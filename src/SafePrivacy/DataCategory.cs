namespace SafePrivacy;

/// <summary>
/// What kind of personal data a value is. Used in diagnostic messages and in the processing inventory
/// (UK GDPR Art 30(1)(c) asks for the categories of personal data).
/// </summary>
public enum DataCategory
{
    /// <summary>Personal data whose category has not been stated.</summary>
    Unspecified = 0,

    /// <summary>A person's name or display name (a username or login is an <see cref="OnlineIdentifier"/>).</summary>
    Name,

    /// <summary>Contact details: email address, phone number, postal address.</summary>
    Contact,

    /// <summary>An online identifier: user id, username or login, account handle, cookie id, a pseudonymous id.</summary>
    OnlineIdentifier,

    /// <summary>An IP address or other network address: a client's IP, a remote end point.</summary>
    NetworkAddress,

    /// <summary>A device identifier: device or installation id, advertising id, device fingerprint, push token.</summary>
    DeviceIdentifier,

    /// <summary>Location data: coordinates, a postcode, a city tied to a person.</summary>
    Location,

    /// <summary>A date of birth or an age.</summary>
    DateOfBirth,

    /// <summary>Demographic data that is not special category data: gender, nationality, language.</summary>
    Demographic,

    /// <summary>Financial data: card numbers, bank details, transactions.</summary>
    Financial,

    /// <summary>A government identifier: National Insurance number, passport or driving licence number.</summary>
    GovernmentIdentifier,

    /// <summary>Credentials: passwords, password hashes, security answers, access and refresh tokens, API keys.</summary>
    Credential,

    /// <summary>Behavioural data: activity history, preferences, engagement signals.</summary>
    Behavioural,

    /// <summary>Images, audio or video of a person.</summary>
    Image,

    /// <summary>Private communications between users.</summary>
    Communication,

    /// <summary>Records of moderation: reports, strikes, decisions, appeals about a person.</summary>
    ModerationRecord,

    /// <summary>Personal data of a category not listed here.</summary>
    Other,
}
