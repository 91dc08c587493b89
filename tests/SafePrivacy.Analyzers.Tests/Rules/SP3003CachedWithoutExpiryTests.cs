using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.CachedWithoutExpiryAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP3003CachedWithoutExpiryTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task Diagnostic_ForDistributedCacheWritesWithoutExpiry() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Distributed;

        public class Profiles
        {
            public async Task Run(IDistributedCache cache, User user)
            {
                await cache.SetStringAsync("email", {|#0:user.Email|});
                cache.SetString("email", [|user.Email|], new DistributedCacheEntryOptions());
                var options = new DistributedCacheEntryOptions();
                cache.SetString("name", [|user.DisplayName|], options);

                cache.SetString("email", user.Email, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20) });
                cache.SetString("email", user.Email, new DistributedCacheEntryOptions().SetAbsoluteExpiration(TimeSpan.FromHours(1)));
                var expiring = new DistributedCacheEntryOptions();
                expiring.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
                cache.SetString("email", user.Email, expiring);
                cache.SetString("theme", user.Theme);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP3003").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is cached by IDistributedCache.SetStringAsync with no expiry; set an absolute or sliding expiration so the cached copy does not outlive its purpose"));

    [Fact]
    public Task Diagnostic_ForMemoryCacheWritesWithoutExpiry() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using Microsoft.Extensions.Caching.Memory;

        public class Profiles
        {
            private static readonly MemoryCacheEntryOptions Configured = new() { SlidingExpiration = TimeSpan.FromMinutes(5) };

            public void Run(IMemoryCache cache, User user)
            {
                cache.Set("user", [|user|]);
                cache.Set("email", [|user.Email|], new MemoryCacheEntryOptions());
                cache.GetOrCreate("name", [|entry => user.DisplayName|]);
                using (var entry = cache.CreateEntry("created"))
                {
                    entry.Value = [|user.Email|];
                }

                cache.Set("user", user, TimeSpan.FromMinutes(5));
                cache.Set("user", user, DateTimeOffset.UtcNow.AddMinutes(5));
                cache.Set("email", user.Email, new MemoryCacheEntryOptions().SetSlidingExpiration(TimeSpan.FromMinutes(1)));
                cache.Set("email", user.Email, Configured);
                cache.GetOrCreate("name", entry => { entry.SlidingExpiration = TimeSpan.FromMinutes(1); return user.DisplayName; });
                using (var timed = cache.CreateEntry("timed"))
                {
                    timed.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                    timed.Value = user.Email;
                }

                cache.Set("count", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForRedisWritesWithNoTimeToLive() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;
        using System.Threading.Tasks;
        using StackExchange.Redis;

        public class Sessions
        {
            public async Task Save(IDatabase redis, User user, string key)
            {
                redis.StringSet("session:1", {|#0:user.Email|});
                await redis.StringSetAsync("session:2", [|user.Email|], (TimeSpan?)null, When.Always);
                redis.StringSet("session:3", [|user.Email|], Expiration.Persist);
                redis.HashSet("user:1", "name", [|user.DisplayName|]);
                redis.ListRightPush("recent", [|user.Email|]);
                redis.KeyExpire("other", TimeSpan.FromHours(1));
                redis.KeyExpire("recent:old", TimeSpan.FromHours(1));
                await redis.ListLeftPushAsync(key, [|user.DisplayName|]);
                redis.KeyExpire("user:2", TimeSpan.FromHours(1));
                redis.HashSet("user:2", "name", [|user.DisplayName|]);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP3003").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is cached by IDatabase.StringSet with no expiry; set an absolute or sliding expiration so the cached copy does not outlive its purpose"));

    [Fact]
    public Task NoDiagnostic_ForRedisWritesGivenATimeToLive_OrKeysExpiredAfterwards() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Threading.Tasks;
        using StackExchange.Redis;

        public class Sessions
        {
            private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

            public async Task Save(IDatabase redis, User user, string key)
            {
                redis.StringSet("session:1", user.Email, TimeSpan.FromMinutes(20));
                await redis.StringSetAsync("session:2", user.Email, Lifetime);
                redis.StringSet("session:3", user.Email, new Expiration(DateTime.UtcNow.AddHours(1)));
                redis.StringSet("session:4", user.Email, expiry: TimeSpan.FromMinutes(5), when: When.NotExists);
                redis.StringSet("session:5", user.Email, null, keepTtl: true);
                redis.HashSet("user:1", "name", user.DisplayName);
                redis.KeyExpire("user:1", TimeSpan.FromHours(1));
                await redis.ListRightPushAsync(key, user.Email);
                await redis.KeyExpireAsync(key, TimeSpan.FromDays(1));
                redis.ListRightPush($"recent:{user.Id}", user.Email);
                redis.KeyExpire($"recent:{user.Id}", TimeSpan.FromDays(1));
                redis.StringSet("theme:1", user.Theme);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_ForHybridCache_WhoseEntriesAlwaysExpire() => Verify.VerifyAnalyzerAsync($$"""
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Hybrid;

        public class Profiles
        {
            public async Task Load(HybridCache cache, User user)
            {
                await cache.SetAsync("user:1", user);
                await cache.GetOrCreateAsync("email:1", cancel => new System.Threading.Tasks.ValueTask<string>(user.Email));
            }
        }
        {{Model}}
        """);
}
