using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FolderPrism.WebDav.Http;

/// <summary>
/// Preconditions of state-changing methods: the WebDAV <c>If</c> header (412 when false), the HTTP validators
/// (If-Match, If-None-Match, If-Unmodified-Since) and lock enforcement (423 with <c>lock-token-submitted</c>).
/// A lock token only counts when submitted by the user who owns the lock, and never under <c>Not</c>.
/// </summary>
public sealed class WriteGuard(IDavStore store, ILockManager locks)
{
    public async Task CheckConditionsAsync(DavContext context, IDavItem? item)
    {
        var lists = context.IfLists;
        if (lists is not null && !await EvaluateIfAsync(context, item, lists))
        {
            throw new DavException(StatusCodes.Status412PreconditionFailed);
        }

        var headers = context.Request.Headers;
        var ifMatch = headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && !(item is not null && (ifMatch.Trim() == "*" || EntityTagMatcher.Matches(ifMatch, item.ETag, false))))
        {
            throw new DavException(StatusCodes.Status412PreconditionFailed);
        }

        var ifNoneMatch = headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && item is not null && (ifNoneMatch.Trim() == "*" || EntityTagMatcher.Matches(ifNoneMatch, item.ETag, true)))
        {
            throw new DavException(StatusCodes.Status412PreconditionFailed);
        }

        if (ifMatch.Length == 0 && item is not null && HeaderUtilities.TryParseDate(headers.IfUnmodifiedSince.ToString(), out var since)
            && item.LastModified.ToUnixTimeSeconds() > since.ToUnixTimeSeconds())
        {
            throw new DavException(StatusCodes.Status412PreconditionFailed);
        }
    }

    /// <summary>
    /// Throws 423 unless every lock on <paramref name="path"/> (and optionally its parent collection and all its
    /// descendants) was submitted by its owner.
    /// </summary>
    public void CheckLocks(DavContext context, DavPath path, bool includeParent, bool includeDescendants)
    {
        var required = new List<DavLock>(locks.GetCovering(path));
        if (includeParent && path.Parent is { } parent)
        {
            required.AddRange(locks.GetCovering(parent));
        }

        if (includeDescendants)
        {
            required.AddRange(locks.GetWithin(path));
        }

        if (required.Count == 0)
        {
            return;
        }

        var submitted = context.SubmittedTokens;
        bool Held(DavLock l) => submitted.Contains(l.Token) && string.Equals(l.Principal, context.Principal, StringComparison.Ordinal);
        foreach (var needed in required)
        {
            if (Held(needed))
            {
                continue;
            }

            if (!needed.Exclusive && required.Any(o => !o.Exclusive && o.Root.Equals(needed.Root) && Held(o)))
            {
                continue;
            }

            throw new DavException(StatusCodes.Status423Locked, "lock-token-submitted", needed.Root);
        }
    }

    private async Task<bool> EvaluateIfAsync(DavContext context, IDavItem? requestItem, IReadOnlyList<IfList> lists)
    {
        foreach (var list in lists)
        {
            var item = requestItem;
            var path = context.Path;
            if (list.ResourceTag is not null)
            {
                if (!UriPathExtractor.TryExtract(list.ResourceTag, context.Request, out var raw, out _)
                    || !DavPathParser.TryParse(raw, out path, out _))
                {
                    continue;
                }

                item = path.Equals(context.Path) ? requestItem : await store.GetItemAsync(path, context.Aborted);
            }

            var covering = locks.GetCovering(path);
            var allTrue = true;
            foreach (var condition in list.Conditions)
            {
                bool matched = condition.StateToken is not null
                    ? covering.Any(l => string.Equals(l.Token, condition.StateToken, StringComparison.Ordinal))
                    : item?.ETag is not null && string.Equals(condition.ETag, item.ETag, StringComparison.Ordinal);
                if (matched == condition.Not)
                {
                    allTrue = false;
                    break;
                }
            }

            if (allTrue)
            {
                return true;
            }
        }

        return false;
    }
}
