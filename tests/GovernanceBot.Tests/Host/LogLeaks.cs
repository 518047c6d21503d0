using System.Text.RegularExpressions;
using GovernanceBot.Tests.GitHub;

namespace GovernanceBot.Tests.Host;

/// <summary>Finds, in log lines, what must never be logged: the webhook secrets, a line of the App's private key, a token.</summary>
internal static partial class LogLeaks
{
    // An installation token (ghs_…, or the older v1.… form) or a JSON web token (the App's own credential).
    [GeneratedRegex(@"\bghs_[A-Za-z0-9_]+|\bv1\.[0-9a-f]{40}|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex Credential();

    public static IEnumerable<string> In(IEnumerable<string> lines)
    {
        var keyLines = AdapterUnderTest.AppKey.ExportRSAPrivateKeyPem()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("-----", StringComparison.Ordinal))
            .ToList();
        foreach (var line in lines)
        {
            if (line.Contains(BotHost.Secret, StringComparison.Ordinal)) yield return $"webhook secret in: {line}";
            if (line.Contains(BotHost.OldSecret, StringComparison.Ordinal)) yield return $"previous webhook secret in: {line}";
            if (keyLines.FirstOrDefault(k => line.Contains(k, StringComparison.Ordinal)) is not null) yield return $"a private key line in: {line}";
            if (Credential().Match(line) is { Success: true } m) yield return $"a credential ({m.Value[..Math.Min(8, m.Value.Length)]}…) in: {line}";
        }
    }
}
