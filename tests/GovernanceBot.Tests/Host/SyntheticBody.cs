using System.Net;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// A request body of <paramref name="length"/> bytes of JSON-looking filler, made on the fly (the test holds none of
/// it) and counted as the server pulls it. With <paramref name="announceLength"/> false it goes without a
/// <c>Content-Length</c>, as a chunked upload would; with <paramref name="hold"/> it stops after the first 64 KiB
/// until the task completes, keeping the delivery in flight.
/// </summary>
public sealed class SyntheticBody(long length, bool announceLength = true, Task? hold = null) : HttpContent
{
    private const int Chunk = 64 * 1024;
    private static readonly byte[] Filler = [.. Enumerable.Repeat((byte)' ', Chunk)];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sent;

    /// <summary>How many bytes the server has taken so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Completes once the first chunk was taken, i.e. the server started reading.</summary>
    public Task Started => _started.Task;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var left = length;
        while (left > 0)
        {
            var n = (int)Math.Min(Chunk, left);
            await stream.WriteAsync(Filler.AsMemory(0, n));
            Interlocked.Add(ref _sent, n);
            left -= n;
            _started.TrySetResult();
            if (hold is not null) await hold;
        }

        _started.TrySetResult();
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length;
        return announceLength;
    }
}
