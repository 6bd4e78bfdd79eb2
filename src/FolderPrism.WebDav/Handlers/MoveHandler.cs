using FolderPrism.WebDav.Http;

namespace FolderPrism.WebDav.Handlers;

/// <summary>MOVE (atomic rename where possible), dead properties carried, source locks released.</summary>
internal sealed class MoveHandler(CopyMoveOperation operation) : IDavMethodHandler
{
    public IReadOnlyCollection<string> Methods { get; } = ["MOVE"];

    public Task HandleAsync(DavContext context) => operation.ExecuteAsync(context, move: true);
}
