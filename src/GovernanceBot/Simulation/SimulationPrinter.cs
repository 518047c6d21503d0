using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Simulation;

/// <summary>Turns a simulation into text for people, or into the one JSON object of design section 7.</summary>
public static partial class SimulationPrinter
{
    private const string Indent = "                 ";

    /// <param name="raw">keep the hidden parts of the bot's comments (markers, the state block) instead of showing them as GitHub does.</param>
    public static string Text(Scenario scenario, SimulationResult result, bool raw = false)
    {
        var sb = new StringBuilder();
        sb.Append($"Simulating “{scenario.IssueTitle}” by {scenario.IssueAuthor}, starting {TimeText.Utc(Simulator.Epoch)}").Append('\n').Append('\n');
        TallySummary? previous = null;
        foreach (var e in result.Events)
        {
            sb.Append($"{Offset(e.Offset),-12} {e.What}").Append('\n');
            if (e.ConfigRead is { } config) AppendConfig(sb, scenario.ConfigName, config);
            foreach (var change in e.BotChanges) sb.Append($"{"",-12}   bot: {change}").Append('\n');
            if (e.BotChanges.Count == 0) sb.Append($"{"",-12}   bot: no change").Append('\n');
            if (RunningTally(e, previous) is { } tally) sb.Append($"{"",-12}   {tally}").Append('\n');
            if (result.PullRequest) sb.Append($"{"",-12}   check: {CheckLine(e.Check)}").Append('\n');
            previous = e.Tally ?? previous;
        }

        sb.Append('\n');
        sb.Append($"Outcome: {result.Outcome ?? "no process"}").Append('\n');
        sb.Append($"Labels:  {(result.Labels.Count == 0 ? "(none)" : string.Join(", ", result.Labels))}").Append('\n');
        if (result.Tally is { } t)
        {
            sb.Append($"Tally:   {t.Plus} × +1, {t.Zero} × 0, {t.Minus} × -1; {Texts.QuorumSentence(t)}").Append('\n');
        }

        if (result.PullRequest) sb.Append($"Check:   {CheckLine(result.Check)}").Append('\n');
        if (!result.IssueOpen || result.IssueLocked)
            sb.Append($"Issue:   {string.Join(", ", new[] { result.IssueOpen ? null : "closed", result.IssueLocked ? "locked" : null }.OfType<string>())}").Append('\n');
        if (result.Announcements.Count > 0)
        {
            sb.Append('\n').Append("── Announcements ──").Append('\n');
            foreach (var a in result.Announcements)
            {
                var split = a.IndexOf(": ", StringComparison.Ordinal);
                sb.Append($"[{a[..split]}] governance-bot[bot]:").Append('\n');
                var body = a[(split + 2)..];
                foreach (var line in (raw ? body.TrimEnd() : AsRead(body)).Split('\n')) sb.Append("    ").Append(line).Append('\n');
            }
        }

        sb.Append('\n').Append(result.PullRequest ? "── Comments on the pull request ──" : "── Comments on the issue ──").Append('\n');
        foreach (var c in result.Comments.Where(c => !c.Body.Contains(Markers.Status, StringComparison.Ordinal)))
        {
            sb.Append($"[{Offset(c.CreatedAt - Simulator.Epoch)}] {c.Author}:").Append('\n');
            var body = c.AuthorIsBot && !raw ? AsRead(c.Body) : c.Body.TrimEnd();
            foreach (var line in body.Split('\n')) sb.Append("    ").Append(line).Append('\n');
        }

        if (result.StatusComment is { } status)
        {
            sb.Append('\n').Append($"── Status comment at the end{(raw ? " (raw)" : ", as GitHub shows it")} ──").Append('\n');
            sb.Append(raw ? status.TrimEnd() : AsRead(status)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// "alice +1: 1 × +1, 1 × -1; 2 of 5 voted, quorum 3": after a person's step, while there is a tally, when the
    /// step cast a vote or changed the count.
    /// </summary>
    private static string? RunningTally(SimulationEvent e, TallySummary? previous)
    {
        if (e.By is not { } by || e.Tally is not { } t || (e.Vote is null && t == previous)) return null;
        var counts = new List<string>();
        if (t.Plus > 0) counts.Add($"{t.Plus} × +1");
        if (t.Zero > 0) counts.Add($"{t.Zero} × 0");
        if (t.Minus > 0) counts.Add($"{t.Minus} × -1");
        var who = e.Vote is { } vote ? $"{by} {vote}" : "tally";
        return $"{who}: {(counts.Count == 0 ? "no votes" : string.Join(", ", counts))}; {t.Cast} of {t.Electorate} voted, quorum {t.QuorumNeeded}";
    }

    /// <summary>"governance on 1a2b3c4: completed, failure — Rejected: 3 of 5 voted, quorum 3, 1 of 3 +1", or that there is none.</summary>
    private static string CheckLine(GitHub.CheckRunSnapshot? check) => check is null
        ? "none on the head"
        : $"governance on {check.HeadSha[..7]}: {check.Shown.StatusName}{(check.Shown.ConclusionName is { } c ? ", " + c : "")} — {check.Shown.Title}";

    private static object? CheckJson(GitHub.CheckRunSnapshot? check) => check is null ? null : new
    {
        headSha = check.HeadSha,
        status = check.Shown.StatusName,
        conclusion = check.Shown.ConclusionName,
        title = check.Shown.Title,
        summary = check.Shown.Summary,
        detailsUrl = check.Shown.DetailsUrl,
    };

    private static void AppendConfig(StringBuilder sb, string name, ConfigResult config)
    {
        if (config is ConfigResult.Invalid invalid)
        {
            var n = invalid.Errors.Count;
            sb.Append($"{"",-12}   config: {name} is invalid ({n} {(n == 1 ? "problem" : "problems")}):").Append('\n');
            foreach (var e in invalid.Errors.OrderBy(e => e.Line ?? 0))
            {
                sb.Append(Indent).Append($"line {(e.Line is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}, {e.Key}: {e.Message}").Append('\n');
            }
        }
        else
        {
            sb.Append($"{"",-12}   config: {name} is valid").Append('\n');
        }
    }

    /// <summary>A comment as a person reads it on GitHub: HTML comments (the bot's markers, its state block, a claim) are not shown.</summary>
    public static string AsRead(string body)
    {
        var withoutWholeLines = HiddenLines().Replace(body.Replace("\r\n", "\n", StringComparison.Ordinal), "");
        return HtmlComment().Replace(withoutWholeLines, "").TrimEnd();
    }

    [GeneratedRegex(@"^[ \t]*<!--(?:(?!-->).)*-->[ \t]*(\n|$)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex HiddenLines();

    [GeneratedRegex("<!--(?:(?!-->).)*-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    public static string Json(SimulationResult result)
    {
        var t = result.Tally;
        var electorate = t?.Electorate ?? result.TscSize;
        var quorum = t?.QuorumNeeded ?? (electorate > 0 ? result.Quorum.VotesNeeded(electorate) : 0);
        var json = new
        {
            outcome = result.Outcome ?? "none",
            labels = result.Labels,
            tally = new
            {
                electorate,
                plus = t?.Plus ?? 0,
                zero = t?.Zero ?? 0,
                minus = t?.Minus ?? 0,
                quorum,
                quorumMet = t?.QuorumMet ?? false,
                approved = t?.Approved ?? false,
            },
            comments = result.Comments.Select(c => new
            {
                author = c.Author,
                body = c.Body,
                createdAt = c.CreatedAt,
                updatedAt = c.UpdatedAt,
                offset = Offset(c.CreatedAt - Simulator.Epoch),
            }),

            // On a pull request, the governance check on its head at the end (null for an issue or when there is none).
            check = CheckJson(result.Check),

            // The configuration as the bot read it at the end; each step below carries it where it was read.
            configProblems = Problems(result.Config),
            steps = result.Events.Select(e => new
            {
                at = e.At,
                offset = Offset(e.Offset),
                what = e.What,
                bot = e.BotChanges,
                outcome = e.Outcome,
                tally = e.Tally is { } s ? TallyJson(s) : null,
                configProblems = e.ConfigRead is null ? null : Problems(e.ConfigRead),
                check = CheckJson(e.Check),
            }),
        };
        return JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static object TallyJson(TallySummary t) => new
    {
        electorate = t.Electorate,
        plus = t.Plus,
        zero = t.Zero,
        minus = t.Minus,
        quorum = t.QuorumNeeded,
        quorumMet = t.QuorumMet,
        approved = t.Approved,
    };

    private static IEnumerable<object> Problems(ConfigResult? config) => config is ConfigResult.Invalid invalid
        ? invalid.Errors.OrderBy(e => e.Line ?? 0).Select(e => new { line = e.Line, key = e.Key, message = e.Message })
        : [];

    /// <summary>"+14d 02:00": the time since the scenario's start, as scenario files write it.</summary>
    public static string Offset(TimeSpan offset) => $"+{(int)offset.TotalDays}d {offset.Hours:00}:{offset.Minutes:00}";
}
