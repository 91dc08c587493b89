using SafePrivacy;

// The service's default basis and retention: running the forum for its members under the terms of service.
[assembly: LawfulBasis(
    LawfulBasis.Contract,
    Purpose = "Provide the forum to its members under the terms of service")]
[assembly: Retention("P2Y", From = RetentionTrigger.AccountClosure, Then = Disposal.Delete, Reference = "Retention schedule §1")]
