using SafePrivacy;

// Mistake: legitimate interests with no assessment behind it (SP1001).
[assembly: LawfulBasis(
    LawfulBasis.LegitimateInterests,
    Purpose = "Provide the forum to its members")]
