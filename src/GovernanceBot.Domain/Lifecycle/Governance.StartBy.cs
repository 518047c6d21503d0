using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>Who may start a process (<c>start_by</c>).</summary>
public static partial class Governance
{
    /// <summary>
    /// Whether the label event starts a round: anyone's label does unless the profile says <c>start_by: tsc</c>. A round
    /// the bot already keeps a record of (its vote has opened) goes on whoever started it, so setting <c>start_by: tsc</c>
    /// later stops no open vote; a discussion an outsider started before the change is not recorded yet and stops.
    /// </summary>
    private static bool MayStart(Context context, ProcessProfile profile, IssueEvent labeled) =>
        profile.StartBy != StartBy.Tsc
        || context.IsTsc(labeled.Actor)
        || context.Records.ContainsKey(Round.KeyFor(profile.Label, labeled.At));

    /// <summary>
    /// One polite reply per label to a trigger label that started nothing because someone outside the TSC applied it;
    /// none when a round has started since (the reply would only confuse).
    /// </summary>
    private static IEnumerable<OutgoingComment> StartsRefused(List<Round> rounds, List<(ProcessProfile Profile, IssueEvent Labeled)> refused) =>
        refused
            .Where(r => !rounds.Any(round => round.Start >= r.Labeled.At))
            .GroupBy(r => r.Profile.Label, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Select(r => new OutgoingComment(Markers.StartRefusedKey(r.Profile.Label), Texts.StartRefused(r.Profile, r.Labeled.Actor), "a trigger label from outside the TSC started nothing"));
}
