using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>What pull requests add to the lifecycle: merges cancel an undecided process, and proposal changes are flagged or restart the round.</summary>
public static partial class Governance
{
    /// <summary>GitHub closes a merged pull request in the same moment; a closed event that near the merge is the merge.</summary>
    private static readonly TimeSpan MergeCloseSkew = TimeSpan.FromMinutes(1);

    private static bool IsMerge(PullRequestFacts pr, IssueEvent closed) =>
        pr.MergedAt is { } merged && closed.At >= merged - MergeCloseSkew;

    /// <summary>
    /// While the latest round ended because the proposal changed (<c>proposal_changes: restart</c>), the next round starts
    /// at that moment, discussion first, as if the trigger label had been applied again then.
    /// </summary>
    private static void AddRestarts(Context context, List<Round> rounds, ProcessProfile profile, IEnumerable<IssueEvent> later)
    {
        while (rounds[^1] is { EndReason: EndReason.ProposalChanged, EndedAt: { } at } ended && at > ended.Start)
        {
            var restart = new IssueEvent(0, IssueEventKind.Labeled, ended.Profile.Label, ended.StartedBy, at);
            var round = ResolveRound(context, profile with { Confirm = ConfirmMode.None }, restart, later.Where(e => e.At >= at), rounds.Count + 1);
            rounds.Add(round with { Restarted = true });
        }
    }

    /// <summary>
    /// The changes since the round's voting opened: up to its end when it was cancelled (by that change or otherwise);
    /// for a decided round all of them, since what is merged may differ from what was approved.
    /// </summary>
    private static ProposalChanges ChangesOf(IssueFacts facts, Round round) => round.Electorate is null
        ? ProposalChanges.None
        : ProposalChanges.Since(facts, round.DiscussionEnds, round.Phase == Phase.Cancelled ? round.EndedAt : null);

    /// <summary>The comment that says why a new round started, posted once per restart.</summary>
    private static IEnumerable<OutgoingComment> RestartComment(IReadOnlyList<Round> rounds)
    {
        if (rounds.Count < 2 || rounds[^1] is not { Restarted: true } latest || rounds[^2] is not { EndReason: EndReason.ProposalChanged } ended) yield break;
        yield return new OutgoingComment(Markers.RestartedKey(ended.Key), Texts.Restarted(ended, latest), "the proposal changed after voting opened");
    }
}
