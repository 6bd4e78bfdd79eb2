using FolderPrism.Core.Configuration;
using FolderPrism.Host.Auth;
using FolderPrism.Host.Configuration;
using FolderPrism.Host.Health;
using FolderPrism.Host.Logging;
using FolderPrism.Host.Startup;
using FolderPrism.Indexing;
using FolderPrism.Indexing.Import;
using FolderPrism.WebDav;
using FolderPrism.WebDav.Http.DirectSend;
using FolderPrism.Views;
using FolderPrism.Vision;
using FolderPrism.Vision.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace FolderPrism.Host;

/// <summary>
/// Builds the daemon exactly as <c>folderprism serve</c> runs it — configuration layers, validated options,
/// Serilog, systemd integration, and the pipeline request logging → /healthz → Basic auth → WebDAV.
/// Public so in-process tests start the real thing: <c>Build</c>, then <c>StartAsync</c>, then read
/// <c>app.Urls</c> (with <c>Urls = "http://127.0.0.1:0"</c> it holds the bound port).
/// </summary>
public static class FolderPrismServer
{
    /// <summary>Builds (does not start) the daemon. Throws <see cref="SettingsException"/> for a bad setting.</summary>
    public static WebApplication Build(ServeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The slim builder: no IIS integration, no QUIC/HTTP/3 transport, no host filtering, no EventSource/Debug log
        // providers; none of them is used here, and each loads assemblies and types that stay in the daemon's RSS
        // (issue 3). HTTPS from Urls and the Kestrel:Certificates section stays on (UseKestrelHttpsConfiguration below).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(FolderPrismServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Only our layers: no ASPNETCORE_/DOTNET_ variables or content-root files sneak in.
        builder.Configuration.Sources.Clear();
        FolderPrismConfiguration.AddLayers(builder.Configuration, settings);
        OptionsRegistration.ValidateNow(builder.Configuration);

        var data = builder.Configuration.GetSection(DataOptions.SectionName).Get<DataOptions>() ?? new DataOptions();
        builder.WebHost.UseUrls(builder.Configuration[ServerOptions.UrlsKey] ?? ServerOptions.DefaultUrls);
        builder.WebHost.UseKestrelHttpsConfiguration();
        // GET bodies go out with sendfile(2) (WebDav:DirectFileSend); the connection middleware must be the first.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.UseFolderPrismDirectSend()));
        builder.Host.UseSystemd();
        // preserveStaticLogger: each app gets its own logger (no static Serilog.Log), so several servers
        // in one process (tests) never write into each other's data/logs.
        builder.Services.AddSerilog(
            (_, logger) => SerilogSetup.Configure(logger, builder.Configuration, data, settings), preserveStaticLogger: true);

        builder.Services.AddFolderPrismCore(builder.Configuration, settings);
        builder.Services.AddFolderPrismAuth();
        builder.Services.AddSingleton<AdminBootstrapper>();
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddFolderPrismIndexingWorkers();
        builder.Services.AddFolderPrismImport(watchImportFolder: true);
        builder.Services.AddHostedService<DaemonStateFile>();
        builder.Services.AddHostedService<MemoryReportService>();
        builder.Services.AddHostedService<NativeHeapTrimService>();
        builder.Services.AddFolderPrismVisionWorker();
        builder.Services.AddFolderPrismViews();
        builder.Services.AddFolderPrismWebDav();
        settings.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        var serilog = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            SerilogSetup.ConfigureRequestLogging(options);
            options.Logger = serilog;
        });
        app.UseMiddleware<HealthEndpointMiddleware>();
        app.UseMiddleware<ServingActivityMiddleware>();
        app.UseMiddleware<BasicAuthenticationMiddleware>();
        app.UseFolderPrismWebDav();
        return app;
    }
}
