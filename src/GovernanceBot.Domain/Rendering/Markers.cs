using System.Globalization;
using System.Text;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The hidden markers that let the bot find its own comments again on GitHub, which is its only memory.</summary>
public static class Markers
{
    public const string Prefix = "<!-- governance-bot:";
    public const string Status = Prefix + "status" + Close;
    private const string Close = " -->";
    private const string ClaimPrefix = Prefix + "claim ";
    private const string RecomputedPrefix = Prefix + "recomputed ";

    /// <summary>The marker line that makes a comment with this key recognisable.</summary>
    public static string For(string key) => $"{Prefix}{key}{Close}";

    /// <summary>The key of the first marker in a body ("status", "reply:12:ab..", "decision:rfc@..."), or null.</summary>
    public static string? KeyOf(string body) =>
        Find(body, Prefix) is { Text: var key } && !key.StartsWith("state ", StringComparison.Ordinal) ? key : null;

    /// <summary>
    /// The hidden line a replica appends to the status comment to claim the right to post the comments now due.
    /// It is not part of what the status comment says: comparisons ignore it (<see cref="WithoutClaim"/>).
    /// </summary>
    public static string Claim(string replicaId) => $"{ClaimPrefix}{replicaId}{Close}";

    public static string WithoutClaim(string body)
    {
        if (Find(body, ClaimPrefix) is not { } claim) return body;
        var after = claim.End;
        if (after < body.Length && body[after] == '\n') after++;
        return body[..claim.Start] + body[after..];
    }

    /// <summary>The hidden line that keeps the notice once the bot has rewritten its status comment (<see cref="Authorship"/>).</summary>
    public static string Recomputed(StatusEditedByOther edit) => $"{RecomputedPrefix}{edit.Editor} {edit.At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}{Close}";

    /// <summary>The notice recorded in a status comment the bot wrote itself, or null.</summary>
    public static StatusEditedByOther? RecomputedIn(string body)
    {
        if (Find(body, RecomputedPrefix) is not { Text: var text }) return null;
        var parts = text.Split(' ');
        return parts.Length == 2 && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? new StatusEditedByOther(parts[0], at)
            : null;
    }

    public static string VotingOpenedKey(string roundKey) => $"voting-opened:{roundKey}";

    public static string DecisionKey(string roundKey) => $"decision:{roundKey}";

    public static string CancelledKey(string roundKey) => $"cancelled:{roundKey}";

    /// <summary>The request to a nominee to confirm: once per nomination comment, so that naming another nominee asks again.</summary>
    public static string NomineeAskedKey(string roundKey, long commentId) => $"nominee-asked:{roundKey}:{commentId}";

    /// <summary>The comment saying the nominee accepted and the discussion started: once per round.</summary>
    public static string NomineeAcceptedKey(string roundKey) => $"nominee-accepted:{roundKey}";

    /// <summary>The reminder posted <paramref name="offset"/> before the voting deadline of round <paramref name="roundKey"/>: once per round and offset.</summary>
    public static string ReminderKey(string roundKey, TimeSpan offset) => $"reminder:{roundKey}:{Config.Durations.Format(offset)}";

    /// <summary>The announcement of round <paramref name="roundKey"/> of <paramref name="source"/> ("owner/repo#12") on another issue.</summary>
    public static string AnnouncementKey(string source, string roundKey) => $"announcement:{source.ToLowerInvariant()}:{roundKey}";

    /// <summary>The record of what <c>on_decided</c> did after round <paramref name="roundKey"/>: once it exists, nothing is done again.</summary>
    public static string RecordedKey(string roundKey) => $"recorded:{roundKey}";

    /// <summary>The reply to a trigger label applied by someone outside the TSC (<c>start_by: tsc</c>): once per issue and label.</summary>
    public static string StartRefusedKey(string label) => $"start-refused:{label.ToLowerInvariant()}";

    /// <summary>The comment saying a new round started because round <paramref name="roundKey"/>'s proposal changed.</summary>
    public static string RestartedKey(string roundKey) => $"restarted:{roundKey}";

    /// <summary>
    /// A reply's key: the comment it answers plus a stable hash of what it says, so the same problem is answered once,
    /// and an edit that creates a different problem gets a new answer.
    /// </summary>
    public static string ReplyKey(long commentId, IEnumerable<ReplyItem> items)
    {
        var text = string.Join("\n", items.Select(i => i.Identity));
        return $"reply:{commentId}:{Fnv1a(text):x8}";
    }

    /// <summary>What follows the mentions of the electorate in the voting-opened comment (<see cref="Texts.VotingOpened"/>).</summary>
    public const string ElectorateCall = ": as TSC members, please vote";

    /// <summary>
    /// The electorate named by a voting-opened comment, or null when <paramref name="body"/> names none: the record of
    /// who may vote that survives the status comment being deleted.
    /// </summary>
    public static IReadOnlyList<string>? ElectorateNamedIn(string body)
    {
        foreach (var line in body.Split('\n'))
        {
            var end = line.IndexOf(ElectorateCall, StringComparison.Ordinal);
            if (end <= 0) continue;
            var mentions = line[..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return mentions.All(m => m.Length > 1 && m[0] == '@') ? [.. mentions.Select(m => m[1..])] : null;
        }

        return null;
    }

    /// <summary>The state block of a body, verbatim, or null.</summary>
    public static string? ExtractStateBlock(string body) => Find(body, StateBlock.Prefix) is { } block ? body[block.Start..block.End] : null;

    /// <summary>
    /// The first hidden line in <paramref name="body"/> that starts with <paramref name="prefix"/>: where it starts, its text
    /// up to the closing <c> --&gt;</c>, and where it ends (after that); null when there is none. Every marker is read here.
    /// </summary>
    internal static (int Start, string Text, int End)? Find(string body, string prefix)
    {
        var start = body.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0) return null;
        var from = start + prefix.Length;
        var end = body.IndexOf(Close, from, StringComparison.Ordinal);
        return end < 0 ? null : (start, body[from..end], end + Close.Length);
    }

    // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return hash;
    }
}
