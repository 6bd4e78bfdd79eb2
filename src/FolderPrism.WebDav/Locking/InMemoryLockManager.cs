using FolderPrism.WebDav.Paths;
using Microsoft.Extensions.Options;

namespace FolderPrism.WebDav.Locking;

/// <summary>Thread-safe in-memory lock table with lazy expiry and a per-user cap.</summary>
public sealed class InMemoryLockManager(TimeProvider time, IOptions<WebDavOptions> options) : ILockManager
{
    private readonly Dictionary<string, DavLock> _locks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyList<DavLock> GetCovering(DavPath path) => Select(l => l.Covers(path));

    public IReadOnlyList<DavLock> GetWithin(DavPath path) => Select(l => path.Contains(l.Root));

    public DavLock? Find(string token)
    {
        lock (_gate)
        {
            Purge();
            return _locks.GetValueOrDefault(token);
        }
    }

    public LockOutcome TryLock(DavPath path, bool infinite, bool exclusive, string? ownerXml, string principal, TimeSpan timeout)
    {
        lock (_gate)
        {
            Purge();
            foreach (var existing in _locks.Values)
            {
                var overlaps = existing.Covers(path) || (infinite && path.Contains(existing.Root));
                if (overlaps && (exclusive || existing.Exclusive))
                {
                    return new LockOutcome(null, existing, false);
                }
            }

            if (_locks.Values.Count(l => l.Principal == principal) >= options.Value.MaxLocksPerUser)
            {
                return new LockOutcome(null, null, true);
            }

            var granted = new DavLock("opaquelocktoken:" + Guid.NewGuid().ToString("D"), path, infinite, exclusive, ownerXml,
                principal, timeout, time.GetUtcNow() + timeout);
            _locks[granted.Token] = granted;
            return new LockOutcome(granted, null, false);
        }
    }

    public DavLock? Refresh(string token, TimeSpan timeout)
    {
        lock (_gate)
        {
            Purge();
            if (!_locks.TryGetValue(token, out var existing))
            {
                return null;
            }

            var refreshed = existing with { Timeout = timeout, ExpiresAt = time.GetUtcNow() + timeout };
            _locks[token] = refreshed;
            return refreshed;
        }
    }

    public bool Remove(string token)
    {
        lock (_gate)
        {
            return _locks.Remove(token);
        }
    }

    public void RemoveWithin(DavPath path) => RemoveWithinExcept(path, new HashSet<DavPath>());

    public void RemoveWithinExcept(DavPath path, IReadOnlySet<DavPath> survivors)
    {
        lock (_gate)
        {
            foreach (var token in _locks.Values.Where(l => path.Contains(l.Root) && !survivors.Contains(l.Root)).Select(l => l.Token).ToList())
            {
                _locks.Remove(token);
            }
        }
    }

    private List<DavLock> Select(Func<DavLock, bool> predicate)
    {
        lock (_gate)
        {
            if (_locks.Count == 0)
            {
                return [];
            }

            Purge();
            return _locks.Values.Where(predicate).ToList();
        }
    }

    private void Purge()
    {
        var now = time.GetUtcNow();
        List<string>? expired = null;
        foreach (var l in _locks.Values)
        {
            if (l.ExpiresAt <= now)
            {
                (expired ??= []).Add(l.Token);
            }
        }

        expired?.ForEach(t => _locks.Remove(t));
    }
}
