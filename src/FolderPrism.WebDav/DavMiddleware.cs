using FolderPrism.WebDav.Handlers;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace FolderPrism.WebDav;

/// <summary>
/// Terminal middleware: validates the raw request path once, then dispatches to the handler registered for the method.
/// Handler errors (<see cref="DavException"/>) become status responses; client disconnects end the request quietly.
/// </summary>
public sealed class DavMiddleware
{
    private readonly Dictionary<string, IDavMethodHandler> _handlers;
    private readonly ILogger<DavMiddleware> _logger;
    private readonly DavWriteCounter _writes;

    public DavMiddleware(RequestDelegate next, IEnumerable<IDavMethodHandler> handlers, DavWriteCounter writes, ILogger<DavMiddleware> logger)
    {
        _ = next;
        _logger = logger;
        _writes = writes;
        _handlers = new Dictionary<string, IDavMethodHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            foreach (var method in handler.Methods)
            {
                _handlers[method] = handler;
            }
        }
    }

    public async Task InvokeAsync(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
        if (raw == "*" && HttpMethods.IsOptions(http.Request.Method))
        {
            raw = "/";
        }
        else if (!raw.StartsWith('/'))
        {
            // Absolute-form (RFC 9112 §3.2.2: servers must accept it; proxies and some load tools send it).
            // Kestrel has already checked its authority against Host; we only need the path part.
            if (!UriPathExtractor.TryExtract(raw, http.Request, out raw, out var otherHost) || otherHost)
            {
                DavResponses.Status(http.Response, StatusCodes.Status400BadRequest);
                return;
            }
        }

        if (!DavPathParser.TryParse(raw, out var path, out var trailingSlash))
        {
            DavResponses.Status(http.Response, StatusCodes.Status400BadRequest);
            return;
        }

        if (!_handlers.TryGetValue(http.Request.Method, out var handler))
        {
            http.Response.Headers.Allow = OptionsHandler.AllowedMethods;
            DavResponses.Status(http.Response, StatusCodes.Status405MethodNotAllowed);
            return;
        }

        var context = new DavContext(http, path, trailingSlash);
        var write = DavWriteCounter.MayWrite(http.Request.Method);
        if (write)
        {
            _writes.Begin();
        }

        try
        {
            await handler.HandleAsync(context);
        }
        catch (DavException e) when (!http.Response.HasStarted)
        {
            _logger.LogDebug("{Method} {Path} -> {Status}: {Message}", http.Request.Method, path, e.StatusCode, e.Message);
            http.Response.Clear();
            if (e.Condition is not null)
            {
                await DavResponses.ErrorAsync(http.Response, e.StatusCode, e.Condition, e.ConditionHref, http.RequestAborted);
            }
            else
            {
                DavResponses.Status(http.Response, e.StatusCode);
            }
        }
        catch (Exception e) when (http.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            _logger.LogDebug("{Method} {Path} aborted by the client.", http.Request.Method, path);
        }
        catch (IOException e) when (!http.Response.HasStarted)
        {
            _logger.LogWarning(e, "{Method} {Path} failed on the file system.", http.Request.Method, path);
            http.Response.Clear();
            DavResponses.Status(http.Response, e is FileNotFoundException or DirectoryNotFoundException
                ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError);
        }
        catch (UnauthorizedAccessException e) when (!http.Response.HasStarted)
        {
            _logger.LogWarning(e, "{Method} {Path} was denied by the file system.", http.Request.Method, path);
            http.Response.Clear();
            DavResponses.Status(http.Response, StatusCodes.Status403Forbidden);
        }
        finally
        {
            if (write)
            {
                _writes.End();
            }
        }
    }
}
