namespace GovernanceBot.Domain.Lifecycle;

/// <summary>
/// A comment the bot wants to exist on the issue. <see cref="Key"/> is deterministic (derived from facts),
/// rendered into the body as a hidden marker, so the applier posts it only if no bot comment carries it yet:
/// a replay, a restart or a second replica never posts it twice.
/// </summary>
public sealed record OutgoingComment(string Key, string Body, string Why)
{
    /// <summary>The transition this comment announces (<c>voting_opened</c>, <c>approved</c>, <c>no_quorum</c>, <c>cancelled</c>...), counted once it is posted; null for a reply.</summary>
    public string? Transition { get; init; }
}

/// <summary>What should be true on the issue: the value the applier makes so (each comment says why it is due).</summary>
/// <param name="PhaseLabels">the governance/* labels that should be on the issue (none, or exactly one).</param>
/// <param name="StatusComment">the whole body of the status comment, or null when the issue has no process.</param>
/// <param name="Comments">replies and transition comments that should exist.</param>
/// <param name="NextDeadline">the next moment the phase or outcome can change by time alone.</param>
/// <param name="RefreshAt">the next moment the status comment's text changes by time alone (time left), or a reminder falls due (<see cref="ReminderAt"/>).</param>
/// <param name="Outcome">where the latest process stands, in the words of the simulate JSON.</param>
public sealed record Decision(
    IReadOnlyList<string> PhaseLabels,
    string? StatusComment,
    IReadOnlyList<OutgoingComment> Comments,
    DateTimeOffset? NextDeadline,
    DateTimeOffset? RefreshAt,
    string? Outcome,
    Voting.TallySummary? Tally)
{
    public static Decision Nothing { get; } = new([], null, [], null, null, null, null);

    /// <summary>Every round of the issue, oldest first (empty when it has no process or governance is paused).</summary>
    public IReadOnlyList<Round> Rounds { get; init; } = [];

    /// <summary>What <c>on_decided</c> still asks for once the latest round is decided (announce, lock, close); null when nothing.</summary>
    public DecidedActions? OnDecided { get; init; }

    /// <summary>When the next reminder falls due (<c>remind</c>), before the deadline; also in <see cref="RefreshAt"/>.</summary>
    public DateTimeOffset? ReminderAt { get; init; }

    /// <summary>Governance is paused on the issue: the configuration or the TSC could not be read.</summary>
    public bool Paused => Outcome == PausedOutcome;

    /// <summary>The <see cref="Outcome"/> of a paused issue.</summary>
    public const string PausedOutcome = "invalid-config";
}
