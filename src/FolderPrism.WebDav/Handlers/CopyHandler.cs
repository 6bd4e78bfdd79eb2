using FolderPrism.WebDav.Http;

namespace FolderPrism.WebDav.Handlers;

/// <summary>COPY (Depth 0 or infinity), dead properties duplicated.</summary>
internal sealed class CopyHandler(CopyMoveOperation operation) : IDavMethodHandler
{
    public IReadOnlyCollection<string> Methods { get; } = ["COPY"];

    public Task HandleAsync(DavContext context) => operation.ExecuteAsync(context, move: false);
}
