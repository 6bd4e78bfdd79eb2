using FolderPrism.Core.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace FolderPrism.Host.Logging;

/// <summary>Serilog for the daemon: levels from the <c>Serilog</c> config section, console + daily rolling file in data/logs.</summary>
internal static class SerilogSetup
{
    private const string Template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, DataOptions data, ServeSettings settings)
    {
        logger.ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.File(
                Path.Combine(data.LogsPath, "folderprism-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                fileSizeLimitBytes: 50 * 1024 * 1024,
                rollOnFileSizeLimit: true,
                outputTemplate: Template);
        if (settings.ConsoleLogging)
        {
            logger.WriteTo.Console(outputTemplate: Template);
        }
    }

    /// <summary>
    /// One line per request with the user. Changes (writes) and refusals are logged at Information, server errors at
    /// Error; successful reads (a file manager browsing sends hundreds a second) and health probes only at Debug, so
    /// the hot read path does not pay for a synchronous log write.
    /// </summary>
    public static void ConfigureRequestLogging(RequestLoggingOptions options)
    {
        options.GetLevel = (context, _, exception) =>
            exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : context.Request.Path.StartsWithSegments("/healthz") ? LogEventLevel.Debug
            : context.Response.StatusCode < 400 && IsRead(context.Request.Method) ? LogEventLevel.Debug
            : LogEventLevel.Information;
        options.EnrichDiagnosticContext = (diagnostics, context) =>
            diagnostics.Set("UserName", context.User.Identity?.Name ?? "-");
        options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} by {UserName} responded {StatusCode} in {Elapsed:0.0} ms";
    }

    private static bool IsRead(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || method == "PROPFIND";
}
