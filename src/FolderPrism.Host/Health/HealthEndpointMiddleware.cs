using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace FolderPrism.Host.Health;

/// <summary>
/// <c>GET /healthz</c> → 200 <c>ok</c> once the daemon has started (503 before). Answered before auth and
/// WebDAV, so it needs no credentials, reveals nothing else and never shows up in a WebDAV listing.
/// </summary>
internal sealed class HealthEndpointMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    public static readonly PathString Path = new("/healthz");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.Equals(Path, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var ready = lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested;
        response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        response.ContentType = "text/plain; charset=utf-8";
        var body = ready ? "ok" : "starting";
        response.ContentLength = body.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.WriteAsync(body, context.RequestAborted);
        }
    }
}
