using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace FolderPrism.WebDav.Http.DirectSend;

/// <summary>
/// Sends large file regions much as Apache does: one thread calls sendfile(2) for the whole rest of the region and,
/// when the socket buffer is full, waits for room itself (in poll(2); Apache's worker blocks inside sendfile).
/// .NET's asynchronous sendfile instead returns to the thread pool at every full socket buffer (the epoll thread
/// wakes a pool thread, which spins before it sleeps again): measured on the 2-core bench machine, a 1 GiB GET made
/// ~1,000 sendfile calls and ~10,000 sched_yield calls that way, against 27 sendfile calls for Apache. A thread per
/// download does not scale to many clients, so only a few run at once, a region that finds no free thread takes the
/// asynchronous path, and a thread whose client stops reading (a paused video player) hands the rest of its region
/// back to the asynchronous path.
/// </summary>
internal sealed class SendFileThreads(int maxThreads)
{
    /// <summary>The sending threads' name (as /proc shows it: at most 15 characters).</summary>
    public const string ThreadName = "fp-sendfile";

    /// <summary>Below this a thread's start-up (tens of microseconds) is not paid back.</summary>
    public const long MinRegionBytes = 4L * 1024 * 1024;

    // Only a few stack pages are ever touched; the reservation is what a plain thread would take 1.5 MiB of.
    private const int StackBytes = 256 * 1024;
    private const int PollTimeoutMs = 500;
    private const int StalledPolls = 4; // two seconds without the client taking a byte
    private const int MaxChunk = 0x7ffff000; // what Linux sends at most per call
    private const int EINTR = 4;
    private const int EAGAIN = 11;
    private const short POLLOUT = 0x4;
    private const short POLLNVAL = 0x20;

    private readonly SemaphoreSlim _slots = new(maxThreads, maxThreads);

    // Set when libc has no sendfile/poll under the names used here (not glibc): every region then goes asynchronously.
    private volatile bool _unavailable;

    /// <summary>Threads allowed at once: one per core, at least two (a photo and a video served together).</summary>
    public static SendFileThreads ForThisMachine() => new(Math.Max(2, Environment.ProcessorCount));

    /// <summary>
    /// Starts sending <paramref name="count"/> bytes of <paramref name="file"/> from <paramref name="offset"/> on a
    /// thread of its own, if one is free (and the process is 64-bit, where libc's sendfile takes a 64-bit offset).
    /// The task gives the bytes sent: all of them, or fewer when the client stopped reading for a while or this libc
    /// lacks the calls. It fails with <see cref="IOException"/> when the socket fails or the file is shorter than the
    /// region, and with <see cref="OperationCanceledException"/> once <paramref name="closed"/> fires.
    /// </summary>
    public bool TryStart(Socket socket, SafeFileHandle file, long offset, long count, CancellationToken closed, out Task<long> sending)
    {
        if (_unavailable || !Environment.Is64BitProcess || count < MinRegionBytes || !_slots.Wait(0))
        {
            sending = Task.FromResult(0L);
            return false;
        }

        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var position = offset;
            try
            {
                Send(socket.SafeHandle, file, ref position, offset + count, closed);
                done.SetResult(position - offset);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // The caller sends the rest (normally all of it: the first call fails) the asynchronous way.
                _unavailable = true;
                done.SetResult(position - offset);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
            finally
            {
                _slots.Release();
            }
        }, StackBytes) { IsBackground = true, Name = ThreadName };
        try
        {
            thread.UnsafeStart();
        }
        catch
        {
            _slots.Release();
            throw;
        }

        sending = done.Task;
        return true;
    }

    /// <summary>
    /// Sends from <paramref name="offset"/> (moved on as bytes go out) to <paramref name="end"/>, or until the client
    /// stalls.
    /// </summary>
    private static void Send(SafeSocketHandle socket, SafeFileHandle file, ref long offset, long end, CancellationToken closed)
    {
        var socketAdded = false;
        var fileAdded = false;
        try
        {
            socket.DangerousAddRef(ref socketAdded);
            file.DangerousAddRef(ref fileAdded);
            var socketFd = (int)socket.DangerousGetHandle();
            var fileFd = (int)file.DangerousGetHandle();
            var idlePolls = 0;
            while (offset < end && idlePolls < StalledPolls)
            {
                closed.ThrowIfCancellationRequested();
                var sent = sendfile(socketFd, fileFd, ref offset, (nuint)Math.Min(end - offset, MaxChunk));
                if (sent > 0)
                {
                    idlePolls = 0;
                    continue;
                }

                if (sent == 0)
                {
                    throw new IOException($"sendfile found the file {end - offset} bytes short; it was truncated while being served.");
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == EAGAIN)
                {
                    idlePolls = WaitWritable(socketFd) ? 0 : idlePolls + 1;
                }
                else if (errno != EINTR)
                {
                    throw new IOException($"sendfile failed (errno {errno}).");
                }
            }
        }
        finally
        {
            if (fileAdded)
            {
                file.DangerousRelease();
            }

            if (socketAdded)
            {
                socket.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Waits until the socket takes more bytes, or an error or hang-up is pending (the next sendfile reports it).
    /// False when the timeout passed first: it lets the caller notice a closed connection or a stalled client.
    /// </summary>
    private static bool WaitWritable(int socketFd)
    {
        var fds = new PollFd { Fd = socketFd, Events = POLLOUT };
        var ready = poll(ref fds, 1, PollTimeoutMs);
        if (ready < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == EINTR ? true : throw new IOException($"poll failed (errno {errno}).");
        }

        if ((fds.Revents & POLLNVAL) != 0)
        {
            throw new IOException("The socket was closed while a file was being sent.");
        }

        return ready > 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern nint sendfile(int outFd, int inFd, ref long offset, nuint count);

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int poll(ref PollFd fds, nuint count, int timeoutMs);
}
