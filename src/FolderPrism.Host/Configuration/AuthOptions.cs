namespace FolderPrism.Host.Configuration;

/// <summary>Tuning of HTTP Basic authentication (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>How long a verified user+password pair stays trusted without re-running PBKDF2 after its last use.</summary>
    public int CacheSeconds { get; set; } = 120;

    /// <summary>How many verified pairs are kept at most (bounded memory).</summary>
    public int CacheCapacity { get; set; } = 1024;

    /// <summary>How often a user's stored hash is re-read, so a password changed by the CLI takes effect.</summary>
    public int UserRefreshSeconds { get; set; } = 2;

    /// <summary>Failed logins (per client address and per user) tolerated before throttling starts.</summary>
    public int FailuresBeforeThrottle { get; set; } = 5;

    /// <summary>Cap of the exponential lock-out after repeated failures.</summary>
    public int MaxThrottleSeconds { get; set; } = 60;
}
