using FolderPrism.Core.Configuration;
using FolderPrism.Data;
using FolderPrism.Data.Users;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Cli;

/// <summary>
/// The services a non-daemon verb works with — same configuration layers, validation and database as
/// <c>serve</c>, migrations applied — plus the uniform error handling: one line on stderr, no stack trace.
/// </summary>
public sealed class CliSession : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private CliSession(ServiceProvider provider, IConfiguration configuration, CliConsole console)
    {
        this.provider = provider;
        Configuration = configuration;
        Console = console;
    }

    public IConfiguration Configuration { get; }

    public CliConsole Console { get; }

    public IServiceProvider Services => provider;

    public LibraryOptions Library => provider.GetRequiredService<IOptions<LibraryOptions>>().Value;

    public DataOptions Data => provider.GetRequiredService<IOptions<DataOptions>>().Value;

    /// <summary>Builds the session (validating settings, migrating the database) and runs <paramref name="body"/>.</summary>
    public static async Task<int> RunAsync(
        ServeSettings settings, CliConsole console, Func<CliSession, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        return await Guard(console, async () =>
        {
            var configuration = FolderPrismConfiguration.Build(settings);
            OptionsRegistration.ValidateNow(configuration);
            var services = new ServiceCollection().AddLogging().AddFolderPrismCore(configuration, settings);
            await using var session = new CliSession(services.BuildServiceProvider(), configuration, console);
            await session.provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            return await body(session, cancellationToken);
        });
    }

    /// <summary>Turns the expected failures into one line on stderr and an exit code.</summary>
    public static async Task<int> Guard(CliConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (SettingsException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.InvalidSettings;
        }
        catch (UserStoreException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("error: cancelled");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await console.Error.WriteLineAsync($"error: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failed;
        }
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
