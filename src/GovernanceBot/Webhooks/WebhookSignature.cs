using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace GovernanceBot.Webhooks;

/// <summary>
/// <c>X-Hub-Signature-256</c>: HMAC-SHA256 over the exact bytes GitHub sent, compared in constant time against every
/// configured secret (the current one and, during a rotation, the previous one). Fails closed.
/// </summary>
public sealed class WebhookSignature
{
    private const string Prefix = "sha256=";
    private readonly byte[][] _secrets;

    public WebhookSignature(IEnumerable<string?> secrets)
    {
        _secrets = [.. secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => Encoding.UTF8.GetBytes(s!))];
        if (_secrets.Length == 0) throw new InvalidOperationException("A webhook secret is required (GitHub:WebhookSecret).");
    }

    /// <summary>
    /// Whether <paramref name="header"/> has the shape of a signature (<c>sha256=</c> and 64 hex digits). A delivery
    /// without one is refused before its body is read: no secret can make it valid.
    /// </summary>
    public static bool IsWellFormed(string? header) => TryParse(header, stackalloc byte[32]);

    public bool IsValid(ReadOnlySpan<byte> body, string? header)
    {
        Span<byte> claimed = stackalloc byte[32];
        if (!TryParse(header, claimed)) return false;

        Span<byte> actual = stackalloc byte[32];
        var valid = false;
        foreach (var secret in _secrets)
        {
            HMACSHA256.HashData(secret, body, actual);
            valid |= CryptographicOperations.FixedTimeEquals(actual, claimed);
        }

        return valid;
    }

    /// <summary>Checks a body held in pieces (pooled blocks) without copying it into one array.</summary>
    public bool IsValid(ReadOnlySequence<byte> body, string? header)
    {
        Span<byte> claimed = stackalloc byte[32];
        if (!TryParse(header, claimed)) return false;

        Span<byte> actual = stackalloc byte[32];
        var valid = false;
        foreach (var secret in _secrets)
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
            foreach (var segment in body) hmac.AppendData(segment.Span);
            hmac.GetHashAndReset(actual);

            // Every secret is tried, so the time taken does not tell which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(actual, claimed);
        }

        return valid;
    }

    /// <summary>The header GitHub would send for <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static bool TryParse(string? header, Span<byte> claimed)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64) return false;
        try
        {
            return Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) == OperationStatus.Done && written == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
