using System;
using Microsoft.Extensions.Caching.Memory;

namespace Forum;

/// <summary>Keeps recently viewed profiles in memory.</summary>
public sealed class ProfileCache
{
    private readonly IMemoryCache _cache;

    public ProfileCache(IMemoryCache cache) => _cache = cache;

    // A cached copy expires: it never outlives the member's deletion by more than twenty minutes.
    public void Remember(Member member) =>
        _cache.Set(member.Id, member, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20) });
}
