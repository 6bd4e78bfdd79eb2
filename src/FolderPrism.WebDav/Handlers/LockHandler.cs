using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Properties;
using FolderPrism.WebDav.Store;
using FolderPrism.WebDav.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// LOCK: exclusive or shared write locks, Depth 0 or infinity, capped timeouts, refresh through the If header (also via
/// a member of a locked collection), and a lock on an unmapped URL creating an empty file (201), as davfs2 and Finder
/// expect.
/// </summary>
internal sealed class LockHandler(
    IDavStore store, ILockManager locks, WriteGuard guard, IOptions<WebDavOptions> options, TimeProvider time) : IDavMethodHandler
{
    public IReadOnlyCollection<string> Methods { get; } = ["LOCK"];

    public async Task HandleAsync(DavContext context)
    {
        var timeout = ParseTimeout(context.Request.Headers["Timeout"].ToString(), options.Value.MaxLockTimeout);
        var body = await DavXmlBody.ReadAsync(context.Request, options.Value, context.Aborted);
        var item = await store.GetItemAsync(context.Path, context.Aborted);
        if (body is null)
        {
            await RefreshAsync(context, timeout);
            return;
        }

        var info = body.Root!;
        var scope = info.Element(DavNames.Dav + "lockscope")?.Elements().FirstOrDefault()?.Name;
        var type = info.Element(DavNames.Dav + "locktype")?.Elements().FirstOrDefault()?.Name;
        if (info.Name != DavNames.Dav + "lockinfo" || (scope != DavNames.Dav + "exclusive" && scope != DavNames.Dav + "shared")
            || type != DavNames.Dav + "write")
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Expected a write lockinfo.");
        }

        var owner = info.Element(DavNames.Dav + "owner") is { } ownerElement ? DavXmlBody.InnerXml(ownerElement) : null;
        var depth = context.Request.Headers["Depth"].ToString().Trim();
        if (depth.Length > 0 && depth != "0" && !depth.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "LOCK Depth must be 0 or infinity.");
        }

        if (store.IsProtectedRoot(context.Path))
        {
            // One client must not be able to freeze the whole library (or all of Originals/) for everyone.
            throw new DavException(StatusCodes.Status403Forbidden, message: "The root folders cannot be locked.");
        }

        if (context.IfLists is not null)
        {
            await guard.CheckConditionsAsync(context, item);
        }

        string? physical = null;
        if (item is null)
        {
            physical = store.MapPhysicalPath(context.Path);
            if (physical is null)
            {
                throw new DavException(StatusCodes.Status403Forbidden);
            }

            if (await store.GetItemAsync(context.Path.Parent!, context.Aborted) is not { IsCollection: true })
            {
                throw new DavException(StatusCodes.Status409Conflict);
            }
        }

        var outcome = locks.TryLock(context.Path, depth != "0", scope == DavNames.Dav + "exclusive", owner, context.Principal, timeout);
        if (outcome.TooManyLocks)
        {
            throw new DavException(StatusCodes.Status503ServiceUnavailable, message: "Too many locks held by this user.");
        }

        var granted = outcome.Lock ?? throw new DavException(StatusCodes.Status423Locked, "no-conflicting-lock", outcome.Conflict?.Root);
        if (physical is not null)
        {
            try
            {
                await using (new FileStream(physical, FileMode.CreateNew, FileAccess.Write))
                {
                }
            }
            catch
            {
                locks.Remove(granted.Token);
                throw;
            }
        }

        context.Response.Headers["Lock-Token"] = $"<{granted.Token}>";
        await WriteLockDiscoveryAsync(context, [granted], physical is null ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    private async Task RefreshAsync(DavContext context, TimeSpan timeout)
    {
        if (context.IfLists is null)
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "A refresh needs an If header.");
        }

        var submitted = context.SubmittedTokens;
        var refreshed = locks.GetCovering(context.Path)
            .Where(l => submitted.Contains(l.Token) && string.Equals(l.Principal, context.Principal, StringComparison.Ordinal))
            .Select(l => locks.Refresh(l.Token, timeout))
            .OfType<DavLock>()
            .ToList();
        if (refreshed.Count == 0)
        {
            throw new DavException(StatusCodes.Status412PreconditionFailed, "lock-token-matches-request-uri");
        }

        await WriteLockDiscoveryAsync(context, refreshed, StatusCodes.Status200OK);
    }

    private async Task WriteLockDiscoveryAsync(DavContext context, IReadOnlyList<DavLock> granted, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = DavResponses.XmlContentType;
        using var w = DavResponses.CreateXmlWriter(context.Response);
        w.WriteStartDocument();
        w.WriteStartElement(DavNames.Prefix, "prop", DavNames.Namespace);
        w.WriteStartElement(DavNames.Prefix, "lockdiscovery", DavNames.Namespace);
        foreach (var davLock in granted)
        {
            ActiveLockWriter.Write(w, davLock, time.GetUtcNow());
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
        await DavResponses.FlushAsync(w, context.Response);
    }

    private static TimeSpan ParseTimeout(string header, TimeSpan max)
    {
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals("Infinite", StringComparison.OrdinalIgnoreCase))
            {
                return max;
            }

            if (part.StartsWith("Second-", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(part.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, (long)max.TotalSeconds));
            }
        }

        return max;
    }
}
