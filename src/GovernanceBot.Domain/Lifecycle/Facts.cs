namespace GovernanceBot.Domain.Lifecycle;

/// <summary>The issue as GitHub reports it now.</summary>
/// <param name="Labels">the names of the labels on the issue now.</param>
/// <param name="IsPullRequest">true when the issue is a pull request (the issue endpoints answer for both).</param>
/// <param name="IsLocked">the conversation is locked.</param>
public sealed record IssueSnapshot(int Number, string Title, string Author, bool IsOpen, IReadOnlyList<string> Labels, bool IsPullRequest = false, bool IsLocked = false);

public enum IssueEventKind
{
    Labeled,
    Unlabeled,
    Closed,
    Reopened,
}

/// <summary>One entry of the issue's event log (only the kinds the lifecycle needs). <see cref="Label"/> is set for (un)labeled.</summary>
public sealed record IssueEvent(long Id, IssueEventKind Kind, string? Label, string Actor, DateTimeOffset At);

/// <summary>One revision of a comment's text from its edit history: when, by whom, and the full text then (null when it was deleted from the history).</summary>
public sealed record CommentRevision(DateTimeOffset At, string? Editor, string? Text);

/// <summary>
/// The edit facts of a comment: its last editor (null when it was never edited; "ghost" when GitHub cannot say who)
/// and its history, oldest first. <see cref="Complete"/> is false when the history was not read or not read to the end.
/// </summary>
public sealed record CommentEdits(string? Editor, DateTimeOffset? EditedAt, IReadOnlyList<CommentRevision> Revisions, bool Complete);
