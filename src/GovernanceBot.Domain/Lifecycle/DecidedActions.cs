using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>
/// What <c>on_decided</c> still asks for after <see cref="Round"/> was decided: the shell announces, locks and closes,
/// then posts the record comment (<see cref="Rendering.Markers.RecordedKey"/>), after which this is null for good.
/// </summary>
/// <param name="Announce">the issue to announce the outcome on; null for none.</param>
/// <param name="AnnounceTally">the announcement gives the tally and the title (false: the outcome only).</param>
/// <param name="Lock">lock the issue (it is not locked yet).</param>
/// <param name="Close">close the issue (it is open and the outcome is one <c>close</c> asks for).</param>
public sealed record DecidedActions(Round Round, IssueAddress? Announce, bool AnnounceTally, bool Lock, bool Close);
