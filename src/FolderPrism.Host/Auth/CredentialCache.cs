using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Auth;

/// <summary>
/// Remembers successful PBKDF2 verifications for a short time, because WebDAV clients send Basic credentials
/// on every request and each verification costs ~0.3 s of CPU. Keys are an HMAC of user and password under a
/// per-process random key (no password, nor a fast unsalted hash of it, is ever held); an entry only counts
/// while the user's stored hash string is still the one it was verified against.
/// The expiry slides: each request that uses an entry keeps it for another <see cref="AuthOptions.CacheSeconds"/>, so a
/// client that keeps talking never pays PBKDF2 again. With a fixed expiry every client's request every 120 s re-hashed
/// on the request path: measured in make bench-vision, those were the ~350 ms PROPFIND outliers (420-660 ms of auth at
/// load 5, the rest of the request 4-10 ms) that made the busy or idle p99. Trust still ends at once when the password
/// changes or the user is removed (the stored hash no longer matches), and after the cache time without use.
/// </summary>
internal sealed class CredentialCache(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public string KeyFor(string userName, string password)
    {
        var material = Encoding.UTF8.GetBytes($"{userName.ToLowerInvariant()}\n{password}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, material));
    }

    /// <summary>Whether the pair was verified against this stored hash and used within the cache time; a hit extends the entry.</summary>
    public bool IsValid(string cacheKey, string currentStoredHash)
    {
        var now = clock.GetUtcNow();
        if (!entries.TryGetValue(cacheKey, out var entry)
            || entry.ExpiresAt <= now
            || !string.Equals(entry.StoredHash, currentStoredHash, StringComparison.Ordinal))
        {
            return false;
        }

        // Only replaces the entry it read: a concurrent Remember for a new stored hash wins.
        entries.TryUpdate(cacheKey, entry with { ExpiresAt = now.AddSeconds(options.Value.CacheSeconds) }, entry);
        return true;
    }

    public void Remember(string cacheKey, string storedHash)
    {
        var settings = options.Value;
        if (settings.CacheSeconds == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (entries.Count >= settings.CacheCapacity)
        {
            foreach (var (k, e) in entries)
            {
                if (e.ExpiresAt <= now)
                {
                    entries.TryRemove(k, out _);
                }
            }

            if (entries.Count >= settings.CacheCapacity)
            {
                entries.Clear();
            }
        }

        entries[cacheKey] = new Entry(storedHash, now.AddSeconds(settings.CacheSeconds));
    }

    private sealed record Entry(string StoredHash, DateTimeOffset ExpiresAt);
}
