using Microsoft.IO;

namespace GovernanceBot.Webhooks;

/// <summary>
/// Reads a delivery's body into pooled blocks (<see cref="RecyclableMemoryStream"/>), counting as it goes: a body over
/// <see cref="WebhookEndpoint.MaxBodyBytes"/> is refused as soon as it passes the limit, never held whole.
/// </summary>
public sealed class DeliveryBody
{
    /// <summary>The pool every delivery borrows from. It keeps at most a few bodies' worth of free blocks between bursts.</summary>
    private readonly RecyclableMemoryStreamManager _pool = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 128 * 1024,
        LargeBufferMultiple = 1024 * 1024,
        MaximumBufferSize = 32 * 1024 * 1024,
        MaximumSmallPoolFreeBytes = 64L * 1024 * 1024,
        MaximumLargePoolFreeBytes = 64L * 1024 * 1024,
        AggressiveBufferReturn = true,
    });

    private long _bytesRead;

    /// <summary>Every byte read from any delivery so far, for diagnostics and tests.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>The pooled bytes lent to deliveries now in flight.</summary>
    public long BytesInUse => _pool.SmallPoolInUseSize + _pool.LargePoolInUseSize;

    /// <summary>The body, or null when it is over <paramref name="limit"/> bytes (the rest is left unread).</summary>
    public async Task<RecyclableMemoryStream?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var stream = _pool.GetStream("webhook-delivery");
        try
        {
            long total = 0;
            while (true)
            {
                // A hint of one byte: the rest of the current block, never a temporary buffer to copy from.
                var memory = stream.GetMemory(1);
                var read = await body.ReadAsync(memory, cancellationToken);
                if (read == 0) break;
                stream.Advance(read);
                total += read;
                Interlocked.Add(ref _bytesRead, read);
                if (total > limit)
                {
                    stream.Dispose();
                    return null;
                }
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
