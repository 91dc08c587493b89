using System;

namespace SafePrivacy;

/// <summary>
/// Declares the UK GDPR Art 6 lawful basis, and the purpose, for the personal data processed in its scope.
/// The nearest declaration applies: the method, then its containing types outward, then the assembly.
/// </summary>
/// <remarks>
/// Checked by SP1001 (a purpose is stated; legal obligation and (recognised) legitimate interests name a
/// <see cref="Reference"/>; consent is not used in a moderation pipeline). Required in scope by SP2001
/// (logging) and SP3001 (storage). Each declaration is an activity in the <c>safeprivacy inventory</c>.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct |
    AttributeTargets.Interface | AttributeTargets.Assembly,
    Inherited = false,
    AllowMultiple = false)]
public sealed class LawfulBasisAttribute : Attribute
{
    /// <summary>Declares the lawful basis for processing in this scope.</summary>
    /// <param name="basis">The Art 6(1) basis.</param>
    public LawfulBasisAttribute(LawfulBasis basis)
    {
        Basis = basis;
    }

    /// <summary>The Art 6(1) basis.</summary>
    public LawfulBasis Basis { get; }

    /// <summary>Why the data is processed, in words a reviewer understands ("Detect illegal content").</summary>
    public string? Purpose { get; set; }

    /// <summary>
    /// The statute for a legal obligation ("Online Safety Act 2023 s.10"), the legitimate interests assessment,
    /// or the Annex 1 condition for a recognised legitimate interest.
    /// </summary>
    public string? Reference { get; set; }
}
