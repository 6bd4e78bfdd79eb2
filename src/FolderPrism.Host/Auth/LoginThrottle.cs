using System.Collections.Concurrent;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Auth;

/// <summary>
/// Counts failed logins per client address and per user name. After
/// <see cref="AuthOptions.FailuresBeforeThrottle"/> failures the key is locked out for 1 s, doubling with each
/// further failure up to <see cref="AuthOptions.MaxThrottleSeconds"/>; locked-out requests get 429 without a
/// password check, which bounds both guessing speed and the CPU an attacker can burn on PBKDF2.
/// </summary>
internal sealed class LoginThrottle(IOptions<AuthOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, State> states = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait, or null when the attempt may proceed.</summary>
    public TimeSpan? RetryAfter(string address, string userName)
    {
        var now = clock.GetUtcNow();
        var wait = Max(Remaining(AddressKey(address), now), Remaining(UserKey(userName), now));
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>Records a failure; returns the lock-out it caused (zero while under the threshold).</summary>
    public TimeSpan RecordFailure(string address, string userName)
    {
        var now = clock.GetUtcNow();
        if (states.Count >= MaxEntries)
        {
            Prune(now);
        }

        return Max(Fail(AddressKey(address), now), Fail(UserKey(userName), now));
    }

    /// <summary>A correct password clears the user's counter (the address keeps its history until it ages out).</summary>
    public void RecordSuccess(string userName) => states.TryRemove(UserKey(userName), out _);

    private TimeSpan Fail(string key, DateTimeOffset now)
    {
        var state = states.GetOrAdd(key, _ => new State());
        lock (state)
        {
            if (now - state.LastFailure > ForgetAfter)
            {
                state.Failures = 0;
            }

            state.Failures++;
            state.LastFailure = now;
            var settings = options.Value;
            var over = state.Failures - settings.FailuresBeforeThrottle;
            if (over < 0)
            {
                return TimeSpan.Zero;
            }

            var seconds = Math.Min(Math.Pow(2, Math.Min(over, 30)), settings.MaxThrottleSeconds);
            state.LockedUntil = now.AddSeconds(seconds);
            return TimeSpan.FromSeconds(seconds);
        }
    }

    private TimeSpan Remaining(string key, DateTimeOffset now)
    {
        if (!states.TryGetValue(key, out var state))
        {
            return TimeSpan.Zero;
        }

        lock (state)
        {
            return state.LockedUntil - now;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, state) in states)
        {
            bool stale;
            lock (state)
            {
                stale = now - state.LastFailure > ForgetAfter && state.LockedUntil <= now;
            }

            if (stale)
            {
                states.TryRemove(key, out _);
            }
        }

        if (states.Count >= MaxEntries)
        {
            states.Clear();
        }
    }

    private static string AddressKey(string address) => "a:" + address;

    private static string UserKey(string userName) => "u:" + userName.ToLowerInvariant();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class State
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
