using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using SafePrivacy;

namespace Forum;

/// <summary>Preserves evidence of child sexual abuse material and reports it to the National Crime Agency.</summary>
[LawfulBasis(
    LawfulBasis.LegalObligation,
    Purpose = "Report child sexual exploitation and abuse content to the National Crime Agency",
    Reference = "Online Safety Act 2023 s.66")]
// Mistake: neither the Schedule 1 condition for criminal offence data nor the recipient is declared.
public sealed class CsamReporter
{
    private readonly HttpClient _nca;
    private readonly ForumDbContext _db;

    public CsamReporter(HttpClient nca, ForumDbContext db)
    {
        _nca = nca;
        _db = db;
    }

    public async Task ReportAsync(CsamEvidence evidence, CancellationToken cancellationToken)
    {
        _db.Evidence.Add(evidence); // ⚠ SP1003
        await _db.SaveChangesAsync(cancellationToken);
        await _nca.PostAsJsonAsync("reports", evidence, cancellationToken); // ⚠ SP1003, SP4001
    }
}
