using SafePrivacy;

namespace PackageConsumer;

// SP1001: a legal obligation that names no statute.
[LawfulBasis(LawfulBasis.LegalObligation, Purpose = "Remove illegal content")]
public sealed class IllegalContentDuty
{
    // The attributes come from lib/netstandard2.0 and the runtime helper from the same assembly.
    public string Describe([PersonalData(DataCategory.Contact)] string email) => Redact.Value(email);
}

[Retention("P90D", Then = Disposal.Delete)]
public sealed class UserReport
{
    [UserGeneratedContent]
    public string Text { get; set; } = string.Empty;
}
