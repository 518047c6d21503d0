using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>What to do with the bot's status comment.</summary>
public enum StatusChange
{
    /// <summary>It already says what it should, or the issue has no process.</summary>
    None,
    Create,
    Edit,
}

/// <summary>The status comment as it should read, and the one there is now.</summary>
/// <param name="Body">the whole body it should have (never a claim line); null when the issue has no process.</param>
/// <param name="ExistingId">the bot's status comment now (the oldest, when replicas raced), or null.</param>
public sealed record StatusEdit(StatusChange Change, string? Body, long? ExistingId);

/// <summary>
/// The writes that make the issue look the way a <see cref="Decision"/> says, given the issue as it is now: the one
/// difference both the reconciler and the tests' in-memory issue apply. Applying it twice changes nothing the second
/// time (every comment is keyed by its marker, labels and the status are compared first).
/// </summary>
/// <param name="Comments">the comments not posted yet, in the order to post them: transitions before replies.</param>
/// <param name="LabelsToRemove">phase labels on the issue that the decision does not want.</param>
/// <param name="LabelsToAdd">phase labels the decision wants that are not on the issue.</param>
public sealed record WritePlan(
    StatusEdit Status,
    IReadOnlyList<OutgoingComment> Comments,
    IReadOnlyList<string> LabelsToRemove,
    IReadOnlyList<string> LabelsToAdd)
{
    /// <summary>
    /// The <c>governance</c> check run a pull request should carry (<see cref="GovernanceCheck.For"/>); null for a plain
    /// issue. Not part of <see cref="IsEmpty"/>: the facts do not read the Checks API, so the applier compares it with
    /// the check run on the head commit itself.
    /// </summary>
    public CheckRunView? Check { get; init; }

    public bool IsEmpty => Status.Change == StatusChange.None && Comments.Count == 0 && LabelsToRemove.Count == 0 && LabelsToAdd.Count == 0;

    public static WritePlan For(IssueFacts facts, Decision decision)
    {
        var existing = Governance.StatusComments(facts.Comments, facts.BotLogin).FirstOrDefault();
        var status = decision.StatusComment switch
        {
            null => new StatusEdit(StatusChange.None, null, existing?.Id),
            var body when existing is null => new StatusEdit(StatusChange.Create, body, null),
            var body when !string.Equals(Markers.WithoutClaim(existing.Body), body, StringComparison.Ordinal) => new StatusEdit(StatusChange.Edit, body, existing.Id),
            var body => new StatusEdit(StatusChange.None, body, existing.Id),
        };

        var current = facts.Issue.Labels.Where(PhaseLabels.IsPhaseLabel).ToList();
        return new WritePlan(
            status,
            [.. NotYetPosted(decision.Comments, facts.Comments, facts.BotLogin).OrderBy(c => c.Key.StartsWith("reply:", StringComparison.Ordinal))],
            [.. current.Where(l => !decision.PhaseLabels.Contains(l, StringComparer.OrdinalIgnoreCase))],
            [.. decision.PhaseLabels.Where(l => !current.Contains(l, StringComparer.OrdinalIgnoreCase))])
        {
            Check = GovernanceCheck.For(facts, decision),
        };
    }

    /// <summary>
    /// The comments of <paramref name="wanted"/> whose marker no comment of the bot's own user carries yet, in their order.
    /// The reconciler asks again right before posting, with the comments as they are then.
    /// </summary>
    public static IEnumerable<OutgoingComment> NotYetPosted(IEnumerable<OutgoingComment> wanted, IEnumerable<CommentFact> comments, string botLogin)
    {
        var posted = comments
            .Where(c => Governance.SameLogin(c.Author, botLogin))
            .Select(c => Markers.KeyOf(c.Body))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return wanted.Where(c => !posted.Contains(c.Key));
    }
}
