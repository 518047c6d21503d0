namespace GovernanceBot.Domain.Lifecycle;

/// <summary>The JSON shape of the state block: one shape reads both versions (version 1 has every ballot in full).</summary>
public static partial class StateBlock
{
    private sealed record StateDto(int V, List<RoundDto>? Rounds);

    /// <param name="Rules">the rules frozen when voting opened (version 1: only once final).</param>
    /// <param name="Changed">when the bot first saw the configuration differ from the frozen rules.</param>
    /// <param name="Tally">version 1 only; the tally is re-derived from the votes.</param>
    /// <param name="Anchor">the vote URL without its comment id, shared by the votes that have no URL of their own.</param>
    /// <param name="Votes">version 2: the binding votes; version 1: every vote.</param>
    /// <param name="Others">version 2: the non-binding votes as [+1, 0, -1] counts.</param>
    /// <param name="Nominee">a nomination's nominee (<c>confirm: nominee</c>), frozen with the rules.</param>
    /// <param name="Nominator">who named the nominee.</param>
    /// <param name="Nominated">when the nominee was named.</param>
    /// <param name="Accepted">when the nominee accepted: the discussion started then.</param>
    private sealed record RoundDto(
        string? Key,
        IReadOnlyList<string>? Electorate,
        RulesDto? Rules,
        DateTimeOffset? Changed,
        string? Outcome,
        DateTimeOffset? ClosedAt,
        string? Reason,
        string? By,
        DateTimeOffset? DiscussionEnds,
        DateTimeOffset? VotingEnds,
        int[]? Tally,
        string? Anchor,
        List<BallotDto>? Votes,
        int[]? Others,
        string? Nominee = null,
        string? Nominator = null,
        DateTimeOffset? Accepted = null,
        DateTimeOffset? Nominated = null);

    /// <param name="Quorum">a fraction (more than that share) or a whole number (at least that many members).</param>
    /// <param name="Discussion">seconds (version 2).</param>
    /// <param name="Voting">seconds (version 2).</param>
    /// <param name="Close">"decided" for <c>close_early: decided</c>; otherwise <paramref name="CloseEarly"/> says all-voted or never.</param>
    /// <param name="MinVoting">seconds; absent when there is no <c>min_voting</c>.</param>
    /// <param name="Changes">"restart" for <c>proposal_changes: restart</c>; absent for flag (the only mode before it existed).</param>
    /// <param name="MinApprovals">absent when there is no <c>min_approvals</c>.</param>
    private sealed record RulesDto(
        string? Quorum,
        string? Approval,
        string? Abstentions,
        bool? CloseEarly = null,
        long? Discussion = null,
        long? Voting = null,
        string? Close = null,
        long? MinVoting = null,
        int? MinApprovals = null,
        string? Changes = null);

    /// <param name="Binding">version 1; version 2 keeps only binding votes.</param>
    /// <param name="Sha">the digest of the whole concerns when <paramref name="Concerns"/> keeps only their start.</param>
    private sealed record BallotDto(string? Login, string? Vote, DateTimeOffset At, long Comment, string? Url, bool? Binding, string? Concerns, string? Sha = null);
}

/// <summary>What the bot recorded about one round. <see cref="Outcome"/> is set once the round is final.</summary>
public sealed record RoundRecord(
    string Key,
    IReadOnlyList<string>? Electorate,
    Phase? Outcome,
    DateTimeOffset? ClosedAt,
    EndReason? Reason,
    string? By,
    DateTimeOffset? DiscussionEnds,
    DateTimeOffset? VotingEnds,
    IReadOnlyList<Ballot> Ballots,
    Config.VotingRules? Rules)
{
    /// <summary>The discussion period frozen when voting opened (version 2).</summary>
    public TimeSpan? Discussion { get; init; }

    /// <summary>The voting period frozen when voting opened (version 2).</summary>
    public TimeSpan? Voting { get; init; }

    /// <summary>When the bot first saw the configuration differ from the rules this round keeps.</summary>
    public DateTimeOffset? RulesChangedAt { get; init; }

    /// <summary>The <c>proposal_changes</c> frozen with the rules (flag when the block does not say).</summary>
    public Config.ProposalChangesMode ProposalChanges { get; init; }

    /// <summary>A nomination's nominee, as frozen when voting opened (or when the round ended).</summary>
    public string? Nominee { get; init; }

    /// <summary>Who named the nominee.</summary>
    public string? NominatedBy { get; init; }

    /// <summary>When the nominee was named.</summary>
    public DateTimeOffset? NominatedAt { get; init; }

    /// <summary>When the nominee accepted; null when they never did (or the process is no nomination).</summary>
    public DateTimeOffset? Accepted { get; init; }

    /// <summary>The non-binding votes as counts (version 2); null when <see cref="Ballots"/> has them all.</summary>
    public VoteCounts? NonBinding { get; init; }

    /// <summary>The digest of the whole concerns, by comment id, of each ballot whose concerns the block keeps only the start of.</summary>
    public IReadOnlyDictionary<long, string> ConcernDigests { get; init; } = new Dictionary<long, string>();

    /// <summary>Only the rules frozen when voting opened: what the audit recomputes a round with.</summary>
    public RoundRecord FrozenRulesOnly() => this with
    {
        Electorate = null,
        Outcome = null,
        ClosedAt = null,
        Reason = null,
        By = null,
        DiscussionEnds = null,
        VotingEnds = null,
        Ballots = [],
        NonBinding = null,
        ConcernDigests = new Dictionary<long, string>(),
    };

    /// <summary>
    /// The binding tally as recorded, re-derived from the recorded ballots under the rules in force when it closed. A round
    /// cancelled during voting keeps the tally of the votes cast before the cancellation, as the reconcile that cancelled
    /// it showed (else the next reconcile would rewrite the status comment once more, without it).
    /// </summary>
    public Voting.TallySummary? TallyUnder(Config.VotingRules current) =>
        Electorate is { Count: > 0 } electorate && Outcome is not null
            ? GovernanceBot.Domain.Voting.Tally.Count(Ballots.Where(b => b.Binding).Select(b => b.Choice), electorate.Count, Rules ?? current)
            : null;
}
