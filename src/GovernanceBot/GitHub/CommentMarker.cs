namespace GovernanceBot.GitHub;

/// <summary>
/// Every comment the bot posts carries a hidden <c>&lt;!-- governance-bot:... --&gt;</c> line; the first such line is the
/// comment's identity. It is how the bot finds its own comments again, and how a POST that failed in flight is told
/// apart from one that never reached GitHub.
/// </summary>
public static class CommentMarker
{
    public const string Prefix = "<!-- governance-bot:";

    /// <summary>The first marker line of <paramref name="body"/>, trimmed, or null when it has none.</summary>
    public static string? Identity(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        foreach (var line in body.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(Prefix, StringComparison.Ordinal) && trimmed.EndsWith("-->", StringComparison.Ordinal))
            {
                return trimmed;
            }
        }

        return null;
    }
}
