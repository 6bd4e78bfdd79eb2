using FolderPrism.Host.Auth;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Tests;

public sealed class CredentialCacheTests
{
    private readonly ManualClock clock = new();
    private readonly CredentialCache cache;

    public CredentialCacheTests() => cache = new CredentialCache(Options.Create(new AuthOptions { CacheSeconds = 120 }), clock);

    [Fact]
    public void A_login_in_use_stays_cached_past_the_cache_time()
    {
        var key = cache.KeyFor("ann", "pw");
        cache.Remember(key, "hash-1");

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(100));
            cache.IsValid(key, "hash-1").ShouldBeTrue();
        }
    }

    [Fact]
    public void An_unused_login_expires_after_the_cache_time()
    {
        var key = cache.KeyFor("ann", "pw");
        cache.Remember(key, "hash-1");
        clock.Advance(TimeSpan.FromSeconds(100));
        cache.IsValid(key, "hash-1").ShouldBeTrue();

        clock.Advance(TimeSpan.FromSeconds(121));
        cache.IsValid(key, "hash-1").ShouldBeFalse();
    }

    [Fact]
    public void A_changed_stored_hash_ends_the_trust_however_recently_used()
    {
        var key = cache.KeyFor("ann", "pw");
        cache.Remember(key, "hash-1");
        cache.IsValid(key, "hash-1").ShouldBeTrue();

        cache.IsValid(key, "hash-2").ShouldBeFalse();
        cache.IsValid(cache.KeyFor("ann", "other"), "hash-1").ShouldBeFalse();
    }
}
