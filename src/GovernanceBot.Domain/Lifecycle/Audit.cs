using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>What a difference between the recorded state and the recomputed one is about.</summary>
public enum AuditProblem
{
    /// <summary>The issue has no status comment by the bot: nothing was recorded.</summary>
    NoStatusComment,

    /// <summary>A comment not written by the bot carries the status marker or a state block (a forged copy).</summary>
    ForgedCopy,

    /// <summary>Someone other than the bot last edited the bot's status comment: its record cannot be trusted.</summary>
    StatusEditedByOther,

    /// <summary>A round recomputed as ended that the state block does not record as ended.</summary>
    NotRecorded,

    /// <summary>A round the state block records that the facts do not give.</summary>
    NotRecomputed,

    Outcome,
    ClosedAt,
    Electorate,

    /// <summary>The electorate named by the bot's voting-opened comment differs from the one recorded.</summary>
    ElectorateOpened,

    /// <summary>The binding votes counted differ.</summary>
    Votes,
}

/// <summary>One difference; <see cref="Recorded"/> and <see cref="Recomputed"/> are values (logins, slugs, times), not sentences.</summary>
public sealed record AuditDifference(AuditProblem Problem, string? RoundKey, string Recorded, string Recomputed);

/// <summary>The audit of one issue: every round recomputed from GitHub's facts and what differs from the bot's record.</summary>
/// <param name="StatusUrl">the bot's status comment whose state block was compared, or null when there is none.</param>
public sealed record AuditReport(string Issue, string BotLogin, string? StatusUrl, IReadOnlyList<Round> Rounds, IReadOnlyList<AuditDifference> Differences)
{
    public bool Agrees => Differences.Count == 0;
}

/// <summary>
/// The audit anyone can run: recomputes every round from the events, the comments (as their authors wrote them, and as
/// they stood at each close) and the rules frozen when voting opened, and compares the result with the state block the
/// bot recorded. The record is trusted only as the bot's own user wrote it.
/// </summary>
public static class Audit
{
    public static AuditReport Check(IssueFacts facts, string issue)
    {
        var differences = new List<AuditDifference>();
        foreach (var forged in facts.Comments.Where(c => !Governance.SameLogin(c.Author, facts.BotLogin)
            && (c.Body.Contains(Markers.Status, StringComparison.Ordinal) || c.Body.Contains(StateBlock.Prefix, StringComparison.Ordinal))))
        {
            differences.Add(new AuditDifference(AuditProblem.ForgedCopy, null, forged.Author, forged.Url));
        }

        var status = Governance.FindStatusComment(facts);
        if (status is null) differences.Add(new AuditDifference(AuditProblem.NoStatusComment, null, "", ""));
        if (Authorship.StatusEditor(status, facts.BotLogin) is { } editor)
        {
            differences.Add(new AuditDifference(AuditProblem.StatusEditedByOther, null, editor, status!.Url));
        }

        var records = status is null ? new Dictionary<string, RoundRecord>() : StateBlock.Read(status.Body);
        var rounds = Governance.Recompute(facts);
        foreach (var round in rounds)
        {
            CompareRound(facts, round, records.GetValueOrDefault(round.Key), differences);
        }

        foreach (var key in records.Keys.Where(k => rounds.All(r => r.Key != k)).Order(StringComparer.Ordinal))
        {
            differences.Add(new AuditDifference(AuditProblem.NotRecomputed, key, key, ""));
        }

        return new AuditReport(issue, facts.BotLogin, status?.Url, rounds, differences);
    }

    private static void CompareRound(IssueFacts facts, Round round, RoundRecord? record, List<AuditDifference> differences)
    {
        void Differ(AuditProblem problem, string recorded, string recomputed) =>
            differences.Add(new AuditDifference(problem, round.Key, recorded, recomputed));

        if (round.Electorate is { } electorate)
        {
            if (record?.Electorate is { } recorded && !SameLogins(recorded, electorate)) Differ(AuditProblem.Electorate, Logins(recorded), Logins(electorate));
            if (record?.Electorate is { } kept && Governance.ElectorateOpenedWith(facts, round.Key) is { } opened && !SameLogins(kept, opened))
            {
                Differ(AuditProblem.ElectorateOpened, Logins(kept), Logins(opened));
            }
        }

        if (!round.Phase.IsFinal())
        {
            if (record?.Outcome is { } early) Differ(AuditProblem.Outcome, early.Slug(), round.Phase.Slug());
            return;
        }

        if (record?.Outcome is not { } outcome || record.ClosedAt is not { } closedAt)
        {
            Differ(AuditProblem.NotRecorded, "", round.Phase.Slug());
            return;
        }

        if (outcome != round.Phase) Differ(AuditProblem.Outcome, outcome.Slug(), round.Phase.Slug());
        if (round.EndedAt is { } ended && closedAt != ended) Differ(AuditProblem.ClosedAt, TimeText.Utc(closedAt), TimeText.Utc(ended));
        var recordedVotes = Votes(record.Ballots.Where(b => b.Binding));
        var recomputedVotes = Votes(round.BindingBallots);
        if (recordedVotes != recomputedVotes) Differ(AuditProblem.Votes, recordedVotes, recomputedVotes);
    }

    private static bool SameLogins(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(b);

    private static string Logins(IEnumerable<string> logins) => string.Join(", ", logins.Order(StringComparer.OrdinalIgnoreCase));

    private static string Votes(IEnumerable<Ballot> ballots) => Texts.AuditBallots(ballots);
}
