namespace GovernanceBot.Domain.Config;

/// <summary>One process, keyed by its trigger label (<c>rfc</c>, <c>governance-amendment</c>).</summary>
public sealed record ProcessProfile(string Label, TimeSpan Discussion, TimeSpan Voting, VotingRules Rules)
{
    public static TimeSpan DefaultDiscussion { get; } = TimeSpan.FromDays(14);
    public static TimeSpan DefaultVoting { get; } = TimeSpan.FromDays(7);

    /// <summary><c>start_by</c>: who may start the process with its label.</summary>
    public StartBy StartBy { get; init; } = StartBy.Anyone;

    /// <summary><c>proposal_changes</c>: flag changes made after voting opened, or restart the round.</summary>
    public ProposalChangesMode ProposalChanges { get; init; } = ProposalChangesMode.Flag;

    /// <summary><c>confirm</c>: whether a nominee must accept before the discussion starts.</summary>
    public ConfirmMode Confirm { get; init; } = ConfirmMode.None;

    /// <summary><c>confirm_within</c>: how long the nominee has to accept before the process is cancelled.</summary>
    public TimeSpan ConfirmWithin { get; init; } = DefaultConfirmWithin;

    public static TimeSpan DefaultConfirmWithin { get; } = TimeSpan.FromDays(14);

    /// <summary>The default <c>remind</c>: one reminder 48 hours before the voting deadline.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRemind { get; } = [TimeSpan.FromHours(48)];

    /// <summary><c>remind</c>: how long before the voting deadline each reminder is posted, longest first (empty: none).</summary>
    public IReadOnlyList<TimeSpan> Remind { get; init; } = DefaultRemind;

    /// <summary><c>on_decided</c>: what the bot does once the vote is decided (announce, lock, close).</summary>
    public OnDecided OnDecided { get; init; } = OnDecided.Nothing;

    /// <summary>What a person reads: "RFC", "Governance amendment", or the label itself.</summary>
    public string DisplayName => Label.ToLowerInvariant() switch
    {
        "rfc" => "RFC",
        "governance-amendment" => "Governance amendment",
        "maintainer-nomination" => "Maintainer nomination",
        _ => Label,
    };
}
