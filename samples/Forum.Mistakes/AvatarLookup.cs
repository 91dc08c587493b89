using System.Net.Http;
using System.Threading.Tasks;
using SafePrivacy;

namespace Forum;

/// <summary>Finds a member's avatar with the avatar service.</summary>
[LawfulBasis(LawfulBasis.Contract, Purpose = "Show member avatars")]
[Recipient("Avatars Ltd", Kind = RecipientKind.Processor, Reference = "DPA-2023-04")]
public sealed class AvatarLookup
{
    private readonly HttpClient _http;

    public AvatarLookup(HttpClient http) => _http = http;

    // Mistake: the address in the query string lands in every proxy and server log on the way.
    public Task<string> FindAsync(Member member) =>
        _http.GetStringAsync($"https://avatars.example/lookup?email={member.Email}"); // ⚠ SP4002
}
