using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Http;

/// <summary>
/// Ends a request with a status and, optionally, a DAV: precondition element (RFC 4918 §16) such as
/// <c>lock-token-submitted</c>; the middleware turns it into the response so handlers stay linear.
/// </summary>
public sealed class DavException(int statusCode, string? condition = null, DavPath? conditionHref = null, string? message = null)
    : Exception(message ?? $"WebDAV request failed with {statusCode}.")
{
    public int StatusCode { get; } = statusCode;

    public string? Condition { get; } = condition;

    public DavPath? ConditionHref { get; } = conditionHref;
}
