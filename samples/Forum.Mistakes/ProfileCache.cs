using Microsoft.Extensions.Caching.Memory;
using SafePrivacy;

namespace Forum;

/// <summary>Keeps recently viewed profiles in memory.</summary>
[LawfulBasis(LawfulBasis.Contract, Purpose = "Show member profiles quickly")]
[Retention("PT20M", Reference = "Profile cache")]
public sealed class ProfileCache
{
    private readonly IMemoryCache _cache;

    public ProfileCache(IMemoryCache cache) => _cache = cache;

    // Mistake: no expiry, so the cached copy outlives the member's deletion for as long as the process runs.
    public void Remember(Member member) => _cache.Set(member.Id, member); // ⚠ SP3003
}
