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

    public bool IsValid(ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64) return false;
        Span<byte> claimed = stackalloc byte[32];
        try
        {
            if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32) return false;
        }
        catch (FormatException)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        var valid = false;
        foreach (var secret in _secrets)
        {
            HMACSHA256.HashData(secret, body, actual);
            // Every secret is tried, so the time taken does not tell which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(actual, claimed);
        }

        return valid;
    }

    /// <summary>The header GitHub would send for <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
