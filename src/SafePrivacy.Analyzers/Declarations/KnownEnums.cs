namespace SafePrivacy.Analyzers.Declarations;

// Mirrors of the attributes assembly's enums, read from attribute arguments as integers. A convention test keeps
// names and values in step with SafePrivacy.dll.

internal enum LawfulBasisKind
{
    Consent = 1,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    RecognisedLegitimateInterest,
    LegitimateInterests,
}
