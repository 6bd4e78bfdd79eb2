using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host;

/// <summary>
/// What the command line (or a test) decides on top of the configuration files and environment:
/// the highest-precedence layer of the configuration, plus process-level choices (console, logging).
/// Every verb builds one, so the CLI and the daemon always agree on library and database.
/// </summary>
public sealed class ServeSettings
{
    /// <summary><c>--library</c>: overrides <c>Library:Path</c>.</summary>
    public string? LibraryPath { get; init; }

    /// <summary><c>--data</c>: overrides <c>Data:Path</c>.</summary>
    public string? DataPath { get; init; }

    /// <summary><c>--config</c>: an extra JSON file layered over appsettings.json (must exist).</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--urls</c>: overrides <c>Urls</c> (';'-separated). Tests use <c>http://127.0.0.1:0</c>.</summary>
    public string? Urls { get; init; }

    /// <summary>Extra configuration keys (e.g. <c>Auth:CacheSeconds</c>) applied last; used by tests.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where the first-start admin password is printed; defaults to the process console.</summary>
    public TextWriter? Console { get; init; }

    /// <summary>Whether Serilog also writes to the console (the rolling file under data/logs is always on).</summary>
    public bool ConsoleLogging { get; init; } = true;

    /// <summary>
    /// PBKDF2 iterations for NEW password hashes. Null means <see cref="Core.Users.PasswordHasher.DefaultIterations"/>.
    /// Only tests set it (to keep the suite fast); it is deliberately not a configuration key.
    /// </summary>
    public int? PasswordIterations { get; init; }

    /// <summary>The clock for auth caches and throttling; null means the system clock. Tests pass a manual one.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// Runs after the daemon registered its services, to wrap one of them (as WebApplicationFactory's
    /// ConfigureTestServices): tests use it to make a race happen at an exact point. Not reachable from configuration.
    /// </summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
