using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>A vote as counted: who, what, when, and from which comment.</summary>
/// <param name="Binding">the voter is in the round's electorate.</param>
public sealed record Ballot(string Voter, VoteChoice Choice, string Concerns, DateTimeOffset At, long CommentId, string Url, bool Binding);

/// <summary>A recorded <c>/governance extend</c>.</summary>
public sealed record Extension(string By, TimeSpan Duration, Phase Phase, DateTimeOffset At, string Url);

/// <summary>
/// Who was nominated, by whom and when (the latest nomination before an acceptance replaces earlier ones), until when they may
/// accept, and when they did. The discussion starts at <see cref="AcceptedAt"/>.
/// </summary>
public sealed record Nomination(string? Nominee, string? NominatedBy, DateTimeOffset? NominatedAt, DateTimeOffset ConfirmBy, DateTimeOffset? AcceptedAt)
{
    /// <summary>The nominees named before the current one, in order.</summary>
    public IReadOnlyList<string> Replaced { get; init; } = [];

    /// <summary>The comment that named the current nominee (its id keys the bot's request to them).</summary>
    public long? NominationCommentId { get; init; }
}

/// <summary>Why a round ended.</summary>
public enum EndReason
{
    /// <summary>The voting deadline passed.</summary>
    Deadline,

    /// <summary>Every member of the electorate had a counted vote (<c>close_early</c>).</summary>
    AllVoted,

    /// <summary>No vote still missing could change the outcome (<c>close_early: decided</c>).</summary>
    Decided,

    LabelRemoved,
    IssueClosed,
    CancelCommand,

    /// <summary>The pull request was merged before the vote was decided.</summary>
    Merged,

    /// <summary>The pull request was closed without merging.</summary>
    PullRequestClosed,

    /// <summary>The nominee declined the nomination (<c>/governance decline</c>).</summary>
    Declined,

    /// <summary>No nominee accepted within <c>confirm_within</c>.</summary>
    NotConfirmed,

    /// <summary>The proposal changed after voting opened and the profile says <c>proposal_changes: restart</c>: a new round started.</summary>
    ProposalChanged,
}

/// <summary>
/// One round of a process, computed from facts (or, once final, read back from the bot's own state block).
/// A round starts when a trigger label is applied and ends decided or cancelled.
/// </summary>
public sealed record Round
{
    public required string Key { get; init; }
    public required int Number { get; init; }
    public required ProcessProfile Profile { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required string StartedBy { get; init; }
    public required DateTimeOffset DiscussionEnds { get; init; }
    public required DateTimeOffset VotingEnds { get; init; }
    public required Phase Phase { get; init; }
    public IReadOnlyList<Extension> Extensions { get; init; } = [];

    /// <summary>When the round was decided or cancelled; null while it runs.</summary>
    public DateTimeOffset? EndedAt { get; init; }
    public EndReason? EndReason { get; init; }

    /// <summary>Who ended it (label removed by, closed by, cancelled by).</summary>
    public string? EndedBy { get; init; }

    /// <summary>The TSC frozen when voting opened; null during discussion.</summary>
    public IReadOnlyList<string>? Electorate { get; init; }

    /// <summary>The latest counted vote of each voter, binding and non-binding, ordered by time.</summary>
    public IReadOnlyList<Ballot> Ballots { get; init; } = [];

    /// <summary>The binding tally; null during discussion.</summary>
    public TallySummary? Tally { get; init; }

    /// <summary>Votes left out because their comment was edited after the vote closed (its text at the close is unknown).</summary>
    public IReadOnlyList<string> EditedAfterClose { get; init; } = [];

    /// <summary>Vote comments someone other than their author edited: counted as the author wrote them, or not at all.</summary>
    public IReadOnlyList<EditedByOther> EditedByOthers { get; init; } = [];

    /// <summary>When the bot first saw the configuration differ from the rules this round keeps (frozen when voting opened).</summary>
    public DateTimeOffset? RulesChangedAt { get; init; }

    /// <summary>How the proposal changed after this round's voting opened (commits pushed, body edited).</summary>
    public ProposalChanges Changes { get; init; } = ProposalChanges.None;

    /// <summary>This round was started by the bot because the proposal changed during the previous round's vote (<c>proposal_changes: restart</c>).</summary>
    public bool Restarted { get; init; }

    /// <summary>The nomination of a process with <c>confirm: nominee</c>; null for other processes.</summary>
    public Nomination? Nomination { get; init; }

    public IEnumerable<Ballot> BindingBallots => Ballots.Where(b => b.Binding);

    public IEnumerable<Ballot> NonBindingBallots => Ballots.Where(b => !b.Binding);

    /// <summary>The non-binding votes as the state block recorded them (counts only); null when <see cref="Ballots"/> has them all.</summary>
    public VoteCounts? RecordedNonBinding { get; init; }

    public VoteCounts NonBindingCounts => RecordedNonBinding ?? VoteCounts.Of(NonBindingBallots);

    public static string KeyFor(string label, DateTimeOffset start) =>
        $"{label.ToLowerInvariant()}@{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
}
