using System.Net.Sockets;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// The connection to GitHub dropped mid-request, as the bot's socket handler reports it: the next <paramref name="times"/>
/// requests matching a method and path suffix fail with "connection reset by peer", either before the request
/// reaches GitHub or (<paramref name="afterHandling"/>) after GitHub has acted on it and before its answer arrives.
/// Goes under the code being tested, in place of the network handler.
/// </summary>
public sealed class ConnectionResets(HttpMethod method, string pathSuffix, bool afterHandling, int times, HttpMessageHandler network) : DelegatingHandler(network)
{
    private int _left = times;
    private int _cut;

    /// <summary>How many requests were cut so far.</summary>
    public int Cut => Volatile.Read(ref _cut);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var matches = request.Method == method && (request.RequestUri?.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal) ?? false);
        if (!matches || Interlocked.Decrement(ref _left) < 0)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        Interlocked.Increment(ref _cut);
        if (afterHandling)
        {
            using var lost = await base.SendAsync(request, cancellationToken);
        }

        throw new HttpRequestException(
            "An error occurred while sending the request.",
            new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));
    }
}
