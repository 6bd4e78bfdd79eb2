using System.Security.Claims;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Paths;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Http;

/// <summary>One WebDAV request after path validation: the decoded path, the caller and the parsed <c>If</c> header.</summary>
public sealed class DavContext
{
    private IReadOnlyList<IfList>? _ifLists;
    private bool _ifParsed;

    public DavContext(HttpContext http, DavPath path, bool trailingSlash)
    {
        Http = http;
        Path = path;
        TrailingSlash = trailingSlash;
        Principal = http.User.FindFirst(ClaimTypes.Name)?.Value ?? http.User.Identity?.Name ?? string.Empty;
    }

    public HttpContext Http { get; }

    public HttpRequest Request => Http.Request;

    public HttpResponse Response => Http.Response;

    public DavPath Path { get; }

    public bool TrailingSlash { get; }

    /// <summary>Authenticated user name (lock owner); empty when the host let the request through anonymously.</summary>
    public string Principal { get; }

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>Parsed <c>If</c> header lists, or null when absent; a malformed header is a 400.</summary>
    public IReadOnlyList<IfList>? IfLists
    {
        get
        {
            if (!_ifParsed)
            {
                _ifParsed = true;
                var header = Request.Headers["If"].ToString();
                if (header.Length > 0)
                {
                    _ifLists = IfHeaderParser.Parse(header) ?? throw new DavException(StatusCodes.Status400BadRequest, message: "Malformed If header.");
                }
            }

            return _ifLists;
        }
    }

    /// <summary>Lock tokens the client submitted (every non-negated state token of the If header).</summary>
    public IReadOnlySet<string> SubmittedTokens =>
        IfLists?.SelectMany(l => l.Conditions).Where(c => !c.Not && c.StateToken is not null).Select(c => c.StateToken!)
            .ToHashSet(StringComparer.Ordinal) ?? (IReadOnlySet<string>)new HashSet<string>();
}
