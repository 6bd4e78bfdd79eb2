using System.IO.Pipelines;

namespace FolderPrism.WebDav.Http.DirectSend;

/// <summary>The connection's transport as Kestrel's HTTP layer sees it: the socket's input, our output.</summary>
internal sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;
}
