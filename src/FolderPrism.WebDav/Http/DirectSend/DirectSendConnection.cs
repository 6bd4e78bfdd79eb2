using System.Buffers;
using System.Diagnostics.Metrics;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.Win32.SafeHandles;

namespace FolderPrism.WebDav.Http.DirectSend;

/// <summary>
/// One connection's output, sent by us instead of Kestrel's socket transport: Kestrel writes into our pipe, and the
/// single loop below is the only code that writes to the socket, strictly in stream order. That is what makes
/// sendfile(2) race-free: the headers and anything written before a file region are on the socket before the
/// region's first byte, and nothing Kestrel writes later (the next keep-alive response) can overtake it, because the
/// loop only moves on once the region is sent. Positions inside a registered region carry placeholder bytes in the
/// pipe (so Kestrel's byte counting stays exact); the loop skips them and sends the file's bytes instead: a large
/// region whole, from a sending thread, as soon as its first placeholder arrives (<see cref="SendFileThreads"/>),
/// else as much of it as there are placeholders at hand, with asynchronous sendfile.
/// </summary>
internal sealed class DirectSendConnection : IFileRegionSender
{
    // Kestrel's own default transport buffer (SocketTransportOptions.MaxWriteBufferSize): same memory per connection.
    private const int PauseWriterThreshold = 64 * 1024;
    private const int MaxSendFileChunk = 1 << 30;

    private readonly ConnectionContext _connection;
    private readonly Socket _socket;
    private readonly PipeWriter _transportOutput;
    private readonly Pipe _pipe;
    private readonly Lock _lock = new();
    private readonly Queue<FileRegion> _regions = new();
    private readonly List<ArraySegment<byte>> _gather = [];
    private readonly Counter<long>? _sentBytes;
    private readonly SendFileThreads _threads;
    private SocketAsyncEventArgs? _sendFileArgs;
    private bool _closed;

    // Stream positions: bytes on the socket, and bytes taken from the pipe. A region sent whole runs ahead of its
    // placeholders; those still to come are then skipped until the two meet again.
    private long _sent;
    private long _consumed;

    public DirectSendConnection(ConnectionContext connection, Socket socket, PipeWriter transportOutput, MemoryPool<byte>? pool,
        Counter<long>? sentBytes, SendFileThreads threads)
    {
        _sentBytes = sentBytes;
        _threads = threads;
        _connection = connection;
        _socket = socket;
        _transportOutput = transportOutput;
        _pipe = new Pipe(new PipeOptions(pool, PipeScheduler.ThreadPool, PipeScheduler.ThreadPool,
            PauseWriterThreshold, PauseWriterThreshold / 2, useSynchronizationContext: false));
        Output = new CountingPipeWriter(_pipe.Writer);
    }

    /// <summary>What Kestrel's HTTP layer writes to.</summary>
    public CountingPipeWriter Output { get; }

    public void BeginRegion(SafeFileHandle file, long fileOffset, long count)
    {
        FileRegion region;
        try
        {
            region = new FileRegion(file, Output.Written, fileOffset, count);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        lock (_lock)
        {
            var overlaps = _regions.Count > 0 && _regions.Last().End > region.Start;
            if (!_closed && count > 0 && !overlaps)
            {
                _regions.Enqueue(region);
                return;
            }

            if (overlaps)
            {
                region.Dispose();
                throw new InvalidOperationException("A file region was declared before the previous one was written.");
            }
        }

        // The connection is gone (the placeholders will meet a completed pipe) or there is nothing to send.
        region.Dispose();
    }

    /// <summary>The send loop: runs until Kestrel completes the output or the socket fails.</summary>
    public async Task RunAsync()
    {
        var reader = _pipe.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                while (!buffer.IsEmpty)
                {
                    buffer = buffer.Slice(await SendSomeAsync(buffer));
                }

                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or ArgumentException or OperationCanceledException)
        {
            // The client went away, the socket was aborted, or a file shrank under us: Kestrel cannot finish this
            // response correctly, so the connection ends (as with a failed send in Kestrel's own transport).
            _connection.Abort(new ConnectionAbortedException("Sending the response failed.", e));
        }
        finally
        {
            // Completing without an error makes Kestrel's next flush report a closed connection.
            await reader.CompleteAsync();
            lock (_lock)
            {
                _closed = true;
                while (_regions.TryDequeue(out var region))
                {
                    region.Dispose();
                }
            }

            _sendFileArgs?.Dispose();
            // Hands the close (FIN after the last byte, or the abort's reset) back to the socket transport.
            await _transportOutput.CompleteAsync();
        }
    }

    private async ValueTask<long> SendSomeAsync(ReadOnlySequence<byte> buffer)
    {
        if (_consumed < _sent)
        {
            var skipped = Math.Min(buffer.Length, _sent - _consumed);
            _consumed += skipped;
            return skipped;
        }

        FileRegion? region;
        lock (_lock)
        {
            _regions.TryPeek(out region);
        }

        if (region is not null && _sent >= region.Start)
        {
            var fileOffset = region.FileOffset + (_sent - region.Start);
            var rest = region.End - _sent;
            if (!region.Stalled && _threads.TryStart(_socket, region.File.SafeFileHandle, fileOffset, rest, _connection.ConnectionClosed, out var sending))
            {
                var sent = await sending;
                _sentBytes?.Add(sent);
                _sent += sent;
                // The client stopped reading: the rest goes the asynchronous way, which holds no thread while it waits.
                region.Stalled = sent < rest;
            }
            else
            {
                var inRegion = Math.Min(buffer.Length, rest);
                await SendFileAsync(region.File, fileOffset, inRegion);
                _sent += inRegion;
            }

            if (_sent == region.End)
            {
                lock (_lock)
                {
                    _regions.Dequeue();
                }

                region.Dispose();
            }

            var placeholders = Math.Min(buffer.Length, _sent - _consumed);
            _consumed += placeholders;
            return placeholders;
        }

        var plain = region is null ? buffer.Length : Math.Min(buffer.Length, region.Start - _sent);
        await SendBytesAsync(buffer.Slice(0, plain));
        _sent += plain;
        _consumed += plain;
        return plain;
    }

    private async ValueTask SendBytesAsync(ReadOnlySequence<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            int sent;
            if (bytes.IsSingleSegment)
            {
                sent = await _socket.SendAsync(bytes.First, SocketFlags.None);
            }
            else
            {
                _gather.Clear();
                foreach (var segment in bytes)
                {
                    if (!MemoryMarshal.TryGetArray(segment, out var array))
                    {
                        break;
                    }

                    _gather.Add(array);
                }

                sent = _gather.Count > 0
                    ? await _socket.SendAsync(_gather, SocketFlags.None)
                    : await _socket.SendAsync(bytes.First, SocketFlags.None);
            }

            if (sent <= 0)
            {
                throw new IOException("The socket accepted no bytes.");
            }

            bytes = bytes.Slice(sent);
        }
    }

    private async ValueTask SendFileAsync(FileStream file, long offset, long count)
    {
        var args = _sendFileArgs ??= CreateSendFileArgs();
        while (count > 0)
        {
            var chunk = (int)Math.Min(count, MaxSendFileChunk);
            var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            args.UserToken = done;
            args.SendPacketsElements = [new SendPacketsElement(file, offset, chunk, endOfPacket: false)];
            if (!_socket.SendPacketsAsync(args))
            {
                OnSendFileCompleted(_socket, args);
            }

            var sent = await done.Task;
            if (sent != chunk)
            {
                throw new IOException($"sendfile sent {sent} of {chunk} bytes; the file was truncated while being served.");
            }

            _sentBytes?.Add(chunk);
            offset += chunk;
            count -= chunk;
        }
    }

    private static SocketAsyncEventArgs CreateSendFileArgs()
    {
        var args = new SocketAsyncEventArgs();
        args.Completed += OnSendFileCompleted;
        return args;
    }

    private static void OnSendFileCompleted(object? sender, SocketAsyncEventArgs args)
    {
        var done = (TaskCompletionSource<int>)args.UserToken!;
        if (args.SocketError == SocketError.Success)
        {
            done.TrySetResult(args.BytesTransferred);
        }
        else
        {
            done.TrySetException(new SocketException((int)args.SocketError));
        }
    }
}
