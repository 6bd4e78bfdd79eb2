using System.Collections.Concurrent;
using FolderPrism.Core.Users;

namespace FolderPrism.Host.Auth;

/// <summary>
/// Checks a user name and password against the users table: cached verification when possible,
/// otherwise PBKDF2 (at most one computation at a time for the same credentials, so a burst of
/// parallel requests from one client does not multiply the cost).
/// </summary>
internal sealed class BasicAuthenticator(UserDirectory users, CredentialCache cache, PasswordHasher hasher)
{
    /// <summary>
    /// Verified against when the user does not exist, so unknown names cost as much as wrong passwords. A decoy, not a
    /// real hash: computing one here put 600,000 PBKDF2 iterations on the daemon's start-up path.
    /// </summary>
    private readonly string decoyHash = hasher.CreateDecoy();

    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> inFlight = new(StringComparer.Ordinal);

    public async Task<AuthenticatedUser?> AuthenticateAsync(string name, string password, CancellationToken cancellationToken)
    {
        if (UserNames.Problem(name) is not null)
        {
            return null;
        }

        var user = await users.FindAsync(name, cancellationToken);
        if (user is null)
        {
            hasher.Verify(password, decoyHash);
            return null;
        }

        var cacheKey = cache.KeyFor(user.Name, password);
        if (cache.IsValid(cacheKey, user.PasswordHash))
        {
            return new AuthenticatedUser(user.Name, user.Role);
        }

        var flightKey = cacheKey + "\n" + user.PasswordHash;
        var flight = inFlight.GetOrAdd(flightKey, _ => new Lazy<Task<bool>>(
            () => Task.Run(() => hasher.Verify(password, user.PasswordHash), CancellationToken.None)));
        bool ok;
        try
        {
            ok = await flight.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            inFlight.TryRemove(KeyValuePair.Create(flightKey, flight));
        }

        if (!ok)
        {
            return null;
        }

        cache.Remember(cacheKey, user.PasswordHash);
        return new AuthenticatedUser(user.Name, user.Role);
    }
}
