using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>What a round keeps from its record in the state block: the rules frozen when voting opened, the concerns as counted.</summary>
public static partial class Governance
{
    /// <summary>Every round computed again from the facts, with only the rules frozen in the records (<see cref="Audit"/>).</summary>
    public static IReadOnlyList<Round> Recompute(IssueFacts facts) => Decide(facts, recompute: true).Rounds;

    /// <summary>The profile as frozen in the round's record when voting opened, or as configured when nothing is frozen.</summary>
    private static ProcessProfile Frozen(ProcessProfile configured, RoundRecord? record) => record?.Rules is { } rules
        ? configured with { Rules = rules, Discussion = record.Discussion ?? configured.Discussion, Voting = record.Voting ?? configured.Voting, ProposalChanges = record.ProposalChanges }
        : configured;

    private static bool SameRules(ProcessProfile a, ProcessProfile b) =>
        a.Rules == b.Rules && a.Discussion == b.Discussion && a.Voting == b.Voting && a.ProposalChanges == b.ProposalChanges;

    /// <summary>
    /// The recorded ballots, each with its concerns in full again when the block kept only their start and the comment
    /// still says what was counted (same digest); otherwise the kept start, which ends with an ellipsis.
    /// </summary>
    private static List<Ballot> WithConcernsAsWritten(Context context, RoundRecord record) =>
        [.. record.Ballots.Select(b =>
            record.ConcernDigests.TryGetValue(b.CommentId, out var digest)
            && context.Comments.FirstOrDefault(c => c.Comment.Id == b.CommentId)?.CountableVote is { Concerns: var concerns }
            && StateBlock.Digest(concerns) == digest
                ? b with { Concerns = concerns }
                : b)];
}
