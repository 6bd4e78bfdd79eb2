using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Locking;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Handlers;

/// <summary>UNLOCK: accepts the Lock-Token with or without angle brackets (Windows omits them); only the owner may unlock.</summary>
internal sealed class UnlockHandler(ILockManager locks) : IDavMethodHandler
{
    public IReadOnlyCollection<string> Methods { get; } = ["UNLOCK"];

    public Task HandleAsync(DavContext context)
    {
        var token = context.Request.Headers["Lock-Token"].ToString().Trim().TrimStart('<').TrimEnd('>').Trim();
        if (token.Length == 0)
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Lock-Token header required.");
        }

        var existing = locks.Find(token);
        if (existing is null || !existing.Covers(context.Path))
        {
            throw new DavException(StatusCodes.Status409Conflict, "lock-token-matches-request-uri");
        }

        if (!string.Equals(existing.Principal, context.Principal, StringComparison.Ordinal))
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }

        locks.Remove(token);
        DavResponses.Status(context.Response, StatusCodes.Status204NoContent);
        return Task.CompletedTask;
    }
}
