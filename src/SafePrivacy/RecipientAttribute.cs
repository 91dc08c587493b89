using System;

namespace SafePrivacy;

/// <summary>
/// Declares a party that receives the personal data sent from its scope: a moderation vendor, a cloud
/// processor, or the National Crime Agency under Online Safety Act 2023 s.66. The nearest declarations apply:
/// the method, then its containing types outward, then the assembly.
/// </summary>
/// <remarks>
/// Required in scope by SP4001 for HTTP bodies, <see cref="ExternalTransferAttribute"/> sinks and external
/// <see cref="ModerationClassifierAttribute"/> calls. Listed as recipients in the <c>safeprivacy inventory</c>
/// (UK GDPR Art 30(1)(d)).
/// </remarks>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct |
    AttributeTargets.Interface | AttributeTargets.Assembly,
    Inherited = false,
    AllowMultiple = true)]
public sealed class RecipientAttribute : Attribute
{
    /// <summary>Declares a recipient.</summary>
    /// <param name="name">Who receives the data ("National Crime Agency", "Acme Moderation Ltd").</param>
    public RecipientAttribute(string name)
    {
        Name = name;
    }

    /// <summary>Who receives the data.</summary>
    public string Name { get; }

    /// <summary>The recipient's role.</summary>
    public RecipientKind Kind { get; set; }

    /// <summary>The contract, data processing agreement or statute behind the disclosure.</summary>
    public string? Reference { get; set; }
}

/// <summary>The role of a party that receives personal data.</summary>
public enum RecipientKind
{
    /// <summary>Processes the data on the service's behalf under a contract (UK GDPR Art 28).</summary>
    Processor = 0,

    /// <summary>Decides for itself why and how the data is processed.</summary>
    Controller,

    /// <summary>A public authority, such as the National Crime Agency or the police.</summary>
    PublicAuthority,
}
