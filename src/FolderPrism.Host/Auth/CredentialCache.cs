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

    public bool IsValid(string cacheKey, string currentStoredHash) =>
        entries.TryGetValue(cacheKey, out var entry)
        && entry.ExpiresAt > clock.GetUtcNow()
        && string.Equals(entry.StoredHash, currentStoredHash, StringComparison.Ordinal);

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
