namespace GovernanceBot.Domain.Config;

/// <summary>When <c>on_decided.close</c> closes the issue once the vote is decided.</summary>
public enum CloseWhen
{
    /// <summary><c>never</c> (the default): the issue stays as it is.</summary>
    Never,

    /// <summary><c>approved</c>: only when the vote approved it.</summary>
    Approved,

    /// <summary><c>all</c>: whatever the outcome (approved, rejected, no quorum).</summary>
    All,
}

/// <summary>An issue named by <c>OWNER/REPO#N</c>, where <c>on_decided.announce</c> posts the outcome.</summary>
public sealed record IssueAddress(string Owner, string Repo, int Number)
{
    public override string ToString() => $"{Owner}/{Repo}#{Number}";

    /// <summary>Reads <c>OWNER/REPO#N</c>: a GitHub owner and repository name and an issue number from 1.</summary>
    public static bool TryParse(string text, out IssueAddress address)
    {
        address = new IssueAddress("", "", 0);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var hash = text.LastIndexOf('#');
        if (slash <= 0 || hash <= slash + 1) return false;
        var owner = text[..slash];
        var repo = text[(slash + 1)..hash];
        var number = text[(hash + 1)..];
        if (!ConfigParser.IsValidLogin(owner)) return false;
        if (repo.Length > 100 || repo is "." or ".." || !repo.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return false;
        if (number.Length is 0 or > 9 || !number.All(char.IsAsciiDigit)) return false;
        var n = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        if (n < 1) return false;
        address = new IssueAddress(owner, repo, n);
        return true;
    }
}

/// <summary>
/// <c>on_decided</c>: what the bot does, once, after a vote is decided (approved, rejected or closed without quorum;
/// not after a cancellation).
/// </summary>
/// <param name="Announce">the issue where one line with the outcome and a link is posted; null for none.</param>
/// <param name="AnnounceTally">the line gives the tally (false: the outcome only, for private votes).</param>
/// <param name="Lock">lock the issue's conversation.</param>
/// <param name="Close">close the issue (never, when approved, or whatever the outcome).</param>
public sealed record OnDecided(IssueAddress? Announce, bool AnnounceTally, bool Lock, CloseWhen Close)
{
    public static OnDecided Nothing { get; } = new(null, true, false, CloseWhen.Never);

    public bool IsNothing => Announce is null && !Lock && Close == CloseWhen.Never;
}
