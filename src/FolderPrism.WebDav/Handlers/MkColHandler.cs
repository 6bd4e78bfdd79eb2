using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FolderPrism.WebDav.Handlers;

/// <summary>MKCOL: 201 created, 405 when something exists (see <see cref="IDavVirtualWrites.OccupiesAsync"/>), 409 without a parent, 415 for any request body.</summary>
internal sealed class MkColHandler(IDavStore store, WriteGuard guard) : IDavMethodHandler
{
    public IReadOnlyCollection<string> Methods { get; } = ["MKCOL"];

    public async Task HandleAsync(DavContext context)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0
            || (request.ContentLength is null && context.Http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);
        if (await store.GetItemAsync(context.Path, context.Aborted) is { } existing
            && (store.GetVirtualWrites(context.Path) is not { } virtualWrites || await virtualWrites.OccupiesAsync(existing, context.Aborted)))
        {
            throw new DavException(StatusCodes.Status405MethodNotAllowed);
        }

        if (hasBody)
        {
            throw new DavException(StatusCodes.Status415UnsupportedMediaType);
        }

        var physical = store.MapPhysicalPath(context.Path);
        if (physical is null && store.GetVirtualWrites(context.Path) is { } writes && !store.IsProtectedRoot(context.Path))
        {
            await guard.CheckConditionsAsync(context, null);
            guard.CheckLocks(context, context.Path, includeParent: true, includeDescendants: false);
            await writes.CreateCollectionAsync(context.Path, context.Aborted);
            context.Response.Headers.Location = HrefEncoder.Encode(context.Path, true);
            DavResponses.Status(context.Response, StatusCodes.Status201Created);
            return;
        }

        if (physical is null || store.IsProtectedRoot(context.Path))
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }

        if (await store.GetItemAsync(context.Path.Parent!, context.Aborted) is not { IsCollection: true })
        {
            throw new DavException(StatusCodes.Status409Conflict);
        }

        await guard.CheckConditionsAsync(context, null);
        guard.CheckLocks(context, context.Path, includeParent: true, includeDescendants: false);
        Directory.CreateDirectory(physical);
        context.Response.Headers.Location = HrefEncoder.Encode(context.Path, true);
        DavResponses.Status(context.Response, StatusCodes.Status201Created);
    }
}
