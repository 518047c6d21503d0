using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Rendering;

/// <summary>One row of a worked table: when <paramref name="Cast"/> TSC members vote, <paramref name="PlusNeeded"/> +1 votes approve.</summary>
/// <param name="PlusNeeded">null when no number of +1 votes among that many approves.</param>
public sealed record WorkedRow(int Cast, int? PlusNeeded);

/// <summary>The rules in force for one trigger label, and their arithmetic for a TSC of a known size.</summary>
/// <param name="QuorumVotes">the smallest number of votes cast that makes quorum; null when the TSC size is unknown.</param>
/// <param name="Rows">one row per number of votes cast, from the quorum to the whole TSC; empty when the size is unknown.</param>
public sealed record CheckedProcess(ProcessProfile Profile, int? QuorumVotes, IReadOnlyList<WorkedRow> Rows);

/// <summary>
/// What <c>check</c> prints (design section 7): a file's problems sorted by line, or the rules in force per trigger
/// label with a worked table of the quorum and the +1 votes needed for every number of votes cast. The arithmetic is
/// asked of <see cref="Tally"/>, never re-done here. With <c>abstentions: ignore</c> the +1 needed also depends on
/// how many abstain; the table assumes nobody does and says so.
/// </summary>
public static class CheckReport
{
    private const string Nl = "\n";

    /// <summary>The largest TSC <c>--tsc-size</c> accepts: far beyond any real TSC, small enough for a table one can read.</summary>
    public const int MaxTscSize = 1000;

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The TSC size the tables are worked for: <paramref name="tscSize"/> when given, else the number of listed members.</summary>
    public static int? TscSize(GovernancePolicy policy, int? tscSize) =>
        tscSize ?? (policy.Tsc is TscSource.Members m ? m.Logins.Count : null);

    /// <summary>Each process's rules with its quorum and worked table for a TSC of <paramref name="size"/> (none when null).</summary>
    public static IReadOnlyList<CheckedProcess> Work(GovernancePolicy policy, int? size) =>
    [
        .. policy.Processes.Select(p => size is not { } n
            ? new CheckedProcess(p, null, [])
            : new CheckedProcess(
                p,
                p.Rules.Quorum.VotesNeeded(n),
                [.. Enumerable.Range(p.Rules.Quorum.VotesNeeded(n), Math.Max(0, n - p.Rules.Quorum.VotesNeeded(n) + 1))
                    .Select(cast => new WorkedRow(cast, Tally.SmallestApprovingPlus(cast, n, p.Rules)))])),
    ];

    /// <summary>The problems, sorted by line (problems with no line, about the whole file, first).</summary>
    public static IReadOnlyList<ConfigError> Sorted(IReadOnlyList<ConfigError> errors) =>
        [.. errors.OrderBy(e => e.Line ?? 0)];

    // ---- text --------------------------------------------------------------------------------------

    public static string Text(ConfigResult result, int? tscSize) => result switch
    {
        ConfigResult.Valid valid => ValidText(valid, tscSize),
        ConfigResult.Invalid invalid => InvalidText(invalid),
        _ => throw new InvalidOperationException("unknown configuration result"),
    };

    /// <summary>The file could not be read at all: missing, a directory, or not readable.</summary>
    public static string Unreadable(string path, string reason) => $"check: {path}: {reason}" + Nl;

    /// <summary>Why a missing file is worth knowing about: the bot would not fail, it would look elsewhere.</summary>
    public static string NoSuchFile(string path) =>
        Unreadable(path, "there is no such file. (Without one in the repository, the bot reads the same path in the owner's .github repository, then uses the defaults with the organisation team tsc.)");

    public static string Usage { get; } = "usage: check [PATH] [--tsc-size N] [--json]   (PATH defaults to .github/governance.yml; N is a whole number from 1 to 1000)" + Nl;

    private static string InvalidText(ConfigResult.Invalid invalid)
    {
        var sb = new StringBuilder();
        sb.Append($"{invalid.Source} is invalid: {Plural(invalid.Errors.Count, "problem")}. The bot would start and decide nothing until it is fixed.").Append(Nl).Append(Nl);
        foreach (var e in Sorted(invalid.Errors))
        {
            var where = e.Line is { } line ? $"line {line}, " : "";
            sb.Append($"  {where}{e.Key}: {e.Message}").Append(Nl);
        }

        return sb.ToString();
    }

    private static string ValidText(ConfigResult.Valid valid, int? tscSize)
    {
        var policy = valid.Policy;
        var size = TscSize(policy, tscSize);
        var sb = new StringBuilder();
        sb.Append($"{valid.Source} is valid.").Append(Nl).Append(Nl);
        sb.Append(TscLine(policy.Tsc, tscSize)).Append(Nl);
        sb.Append(Texts.CheckSuccession(policy));

        foreach (var process in Work(policy, size))
        {
            var p = process.Profile;
            var r = p.Rules;
            sb.Append(Nl).Append($"Label {p.Label}:").Append(Nl);
            sb.Append($"  discussion {Durations.Format(p.Discussion)}, then voting {Durations.Format(p.Voting)}; ");
            sb.Append(Texts.EarlyCloseRule(r)).Append(Nl);
            if (p.StartBy == StartBy.Tsc) sb.Append("  start_by: tsc: the label starts the process only when a TSC member applies it").Append(Nl);
            if (p.Confirm == ConfirmMode.Nominee)
                sb.Append($"  confirm: nominee: the discussion starts when the nominee (/governance nominate <login>) accepts; confirm_within {Durations.Format(p.ConfirmWithin)}, else cancelled").Append(Nl);
            sb.Append($"  quorum: {QuorumText(r.Quorum)}");
            sb.Append(process.QuorumVotes is { } q ? $": {q} of {size} TSC members must vote" : "").Append(Nl);
            sb.Append($"  approval: at least {r.Approval} of the ");
            sb.Append(r.Abstentions == AbstentionMode.Count
                ? "votes cast are +1 (abstentions count as votes)"
                : "+1 and -1 votes are +1 (abstentions count toward quorum only), and at least one +1").Append(Nl);
            if (r.MinApprovals > 0) sb.Append($"  min_approvals: at least {Plural(r.MinApprovals, "+1 vote")}, or the vote is rejected").Append(Nl);
            if (p.ProposalChanges == ProposalChangesMode.Restart)
                sb.Append("  proposal changes: restart (a commit pushed or the description edited after voting opened starts a new round)").Append(Nl);
            if (RequiredPaths(policy, p) is { Count: > 0 } paths)
                sb.Append($"  required on pull requests changing: {string.Join(", ", paths)}").Append(Nl);
            sb.Append("  ").Append(RemindText(p.Remind)).Append(Nl);
            if (OnDecidedText(p.OnDecided) is { } onDecided) sb.Append("  ").Append(onDecided).Append(Nl);
            if (process.Rows.Count == 0) continue;

            sb.Append(Nl);
            var header = r.Abstentions == AbstentionMode.Count ? "+1 needed" : "+1 needed if nobody abstains";
            AppendTable(sb, ["votes cast", header], [.. process.Rows.Select(row => new[] { row.Cast.ToString(Inv), row.PlusNeeded?.ToString(Inv) ?? "never" })]);
            if (r.Abstentions == AbstentionMode.Ignore)
            {
                sb.Append($"  With abstentions among the votes cast, at least {r.Approval} of the others must be +1:").Append(Nl);
                sb.Append("  each abstention helps reach quorum but is left out of the share.").Append(Nl);
            }
        }

        return sb.ToString();
    }

    /// <summary>The <c>pull_requests.require</c> patterns of a process, as written.</summary>
    public static IReadOnlyList<string> RequiredPaths(GovernancePolicy policy, ProcessProfile profile) =>
        [.. policy.Required.Where(r => string.Equals(r.Label, profile.Label, StringComparison.OrdinalIgnoreCase)).SelectMany(r => r.Patterns).Select(p => p.Text)];

    private static string TscLine(TscSource tsc, int? tscSize) => (tsc, tscSize) switch
    {
        (TscSource.Members m, null) => $"TSC: {Plural(m.Logins.Count, "member")}: {string.Join(", ", m.Logins)}.",
        (TscSource.Members m, { } n) => $"TSC: {Plural(m.Logins.Count, "member")} listed ({string.Join(", ", m.Logins)}); the tables below are worked for --tsc-size {n}.",
        (TscSource.Team t, null) => $"TSC: the organisation team {t.Slug}, read from GitHub. Run check again with --tsc-size N (the team's size) to see the quorum and the +1 votes needed.",
        (TscSource.Team t, { } n) => $"TSC: the organisation team {t.Slug}; the tables below are worked for --tsc-size {n}.",
        _ => "TSC: unknown.",
    };

    private static string QuorumText(QuorumRule quorum) =>
        quorum.Members is { } m ? $"at least {Plural(m, "member")} of the TSC"
        : quorum.Share == Fraction.Half ? "majority (more than half of the TSC)" : $"more than {quorum.Share} of the TSC";

    /// <summary>A plain table: columns right-aligned under their headers, indented like the lines above it.</summary>
    private static void AppendTable(StringBuilder sb, string[] headers, IReadOnlyList<string[]> rows)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        sb.Append("  ").Append(string.Join("   ", headers.Select((h, i) => h.PadLeft(widths[i])))).Append(Nl);
        sb.Append("  ").Append(string.Join("   ", widths.Select(w => new string('-', w)))).Append(Nl);
        foreach (var row in rows) sb.Append("  ").Append(string.Join("   ", row.Select((c, i) => c.PadLeft(widths[i])))).Append(Nl);
    }

    // ---- JSON --------------------------------------------------------------------------------------

    /// <summary>The same report as one JSON object.</summary>
    public static string JsonReport(ConfigResult result, int? tscSize)
    {
        object report = result switch
        {
            ConfigResult.Valid valid => ValidJson(valid, tscSize),
            ConfigResult.Invalid invalid => new
            {
                path = invalid.Source,
                valid = false,
                problems = Sorted(invalid.Errors).Select(e => new { line = e.Line, key = e.Key, message = e.Message }),
            },
            _ => throw new InvalidOperationException("unknown configuration result"),
        };
        return JsonSerializer.Serialize(report, Json) + Nl;
    }

    private static object ValidJson(ConfigResult.Valid valid, int? tscSize)
    {
        var policy = valid.Policy;
        var size = TscSize(policy, tscSize);
        return new
        {
            path = valid.Source,
            valid = true,
            problems = Array.Empty<object>(),
            tsc = new
            {
                members = policy.Tsc is TscSource.Members m ? m.Logins : null,
                team = policy.Tsc is TscSource.Team t ? t.Slug : null,
                size,
            },
            processes = Work(policy, size).Select(process => new
            {
                label = process.Profile.Label,
                discussion = Durations.Format(process.Profile.Discussion),
                voting = Durations.Format(process.Profile.Voting),
                quorum = process.Profile.Rules.Quorum.Setting,
                approval = process.Profile.Rules.Approval.ToString(),
                abstentions = process.Profile.Rules.Abstentions == AbstentionMode.Count ? "count" : "ignore",
                closeEarly = process.Profile.Rules.CloseEarly switch
                {
                    EarlyClose.AllVoted => "all-voted",
                    EarlyClose.Decided => "decided",
                    _ => "never",
                },
                minVoting = process.Profile.Rules.MinVoting > TimeSpan.Zero ? Durations.Format(process.Profile.Rules.MinVoting) : null,
                minApprovals = process.Profile.Rules.MinApprovals,
                startBy = process.Profile.StartBy == StartBy.Tsc ? "tsc" : "anyone",
                confirm = process.Profile.Confirm == ConfirmMode.Nominee ? "nominee" : "none",
                confirmWithin = process.Profile.Confirm == ConfirmMode.Nominee ? Durations.Format(process.Profile.ConfirmWithin) : null,
                proposalChanges = process.Profile.ProposalChanges == ProposalChangesMode.Restart ? "restart" : "flag",
                requiredPaths = RequiredPaths(policy, process.Profile),
                remind = process.Profile.Remind.Select(Durations.Format),
                onDecided = new
                {
                    announce = process.Profile.OnDecided.Announce?.ToString(),
                    announceTally = process.Profile.OnDecided.AnnounceTally,
                    @lock = process.Profile.OnDecided.Lock,
                    close = process.Profile.OnDecided.Close.ToString().ToLowerInvariant(),
                },
                quorumVotes = process.QuorumVotes,

                // With abstentions ignored, as in the text: the +1 needed when nobody abstains.
                table = size is null ? null : process.Rows.Select(row => new { cast = row.Cast, plusNeeded = row.PlusNeeded }),
            }),
        };
    }

    /// <summary>The <c>remind</c> line: when reminders are posted, or none.</summary>
    private static string RemindText(IReadOnlyList<TimeSpan> remind) => remind.Count == 0
        ? "remind: none (no reminder before the voting deadline)"
        : $"remind: {JoinWithAnd([.. remind.Select(Durations.Format)])} before the voting deadline, mentioning the TSC members who have not voted";

    /// <summary>The <c>on_decided</c> line, or null when the profile does nothing once decided.</summary>
    private static string? OnDecidedText(OnDecided d)
    {
        if (d.IsNothing) return null;
        var parts = new List<string>();
        if (d.Announce is { } target) parts.Add($"announce the outcome on {target}{(d.AnnounceTally ? " with the tally" : " (outcome only, no names or tally)")}");
        if (d.Lock) parts.Add("lock the issue");
        if (d.Close == CloseWhen.Approved) parts.Add("close the issue if approved");
        if (d.Close == CloseWhen.All) parts.Add("close the issue whatever the outcome");
        return "once decided: " + string.Join("; ", parts);
    }

    private static string JoinWithAnd(string[] items) =>
        items.Length == 1 ? items[0] : $"{string.Join(", ", items[..^1])} and {items[^1]}";

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
