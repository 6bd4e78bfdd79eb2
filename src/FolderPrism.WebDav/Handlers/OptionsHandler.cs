using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Handlers;

/// <summary>OPTIONS: advertises class 1 and 2 everywhere (Windows probes anonymously) without touching the store.</summary>
internal sealed class OptionsHandler : IDavMethodHandler
{
    public const string AllowedMethods = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, MKCOL, COPY, MOVE, LOCK, UNLOCK";

    public IReadOnlyCollection<string> Methods { get; } = [HttpMethods.Options];

    public Task HandleAsync(DavContext context)
    {
        var headers = context.Response.Headers;
        headers["DAV"] = "1, 2";
        headers["MS-Author-Via"] = "DAV";
        headers.Allow = AllowedMethods;
        headers.AcceptRanges = "bytes";
        DavResponses.Status(context.Response, StatusCodes.Status200OK);
        return Task.CompletedTask;
    }
}
