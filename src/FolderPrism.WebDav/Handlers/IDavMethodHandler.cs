using FolderPrism.WebDav.Http;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// Serves one HTTP method (GET and HEAD share one). The middleware picks the handler by method name, so each method's
/// rules live in one small class and a later issue can replace or extend one method without touching the others.
/// </summary>
public interface IDavMethodHandler
{
    IReadOnlyCollection<string> Methods { get; }

    Task HandleAsync(DavContext context);
}
