using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovernanceBot.Benchmarks.Load;

/// <summary>
/// The reference the bot is measured against: a bare Kestrel minimal API on 127.0.0.1 that reads the body, checks its
/// <c>X-Hub-Signature-256</c> (HMAC-SHA256 with the same secret) in constant time and answers 202. No logging, no
/// parsing, no queue. Run as its own process by <see cref="LoadCommand"/> (<c>bare --port P --secret S</c>).
/// </summary>
internal static class BareEndpoint
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = Arguments.Int(args, "--port", 5080);
        var secret = Encoding.UTF8.GetBytes(Arguments.Text(args, "--secret") ?? throw new ArgumentException("--secret is required"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/healthz", () => "Healthy");
        app.MapPost("/api/github/webhooks", (Delegate)((HttpContext context) => AcknowledgeAsync(context, secret)));
        await app.RunAsync();
        return 0;
    }

    private static async Task<IResult> AcknowledgeAsync(HttpContext context, byte[] secret)
    {
        var header = context.Request.Headers["X-Hub-Signature-256"].ToString();
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            if (read.IsCompleted)
            {
                var valid = IsValid(read.Buffer, header, secret);
                reader.AdvanceTo(read.Buffer.End);
                return valid ? Results.Text("accepted", statusCode: StatusCodes.Status202Accepted) : Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static bool IsValid(ReadOnlySequence<byte> body, string header, byte[] secret)
    {
        Span<byte> claimed = stackalloc byte[32];
        Span<byte> actual = stackalloc byte[32];
        if (!header.StartsWith("sha256=", StringComparison.Ordinal)
            || Convert.FromHexString(header.AsSpan(7), claimed, out _, out var written) != OperationStatus.Done || written != 32)
        {
            return false;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        foreach (var segment in body) hmac.AppendData(segment.Span);
        hmac.GetHashAndReset(actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }
}
