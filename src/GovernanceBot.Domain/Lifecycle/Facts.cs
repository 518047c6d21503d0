using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>The issue as GitHub reports it now.</summary>
/// <param name="Labels">the names of the labels on the issue now.</param>
public sealed record IssueSnapshot(int Number, string Title, string Author, bool IsOpen, IReadOnlyList<string> Labels);

public enum IssueEventKind
{
    Labeled,
    Unlabeled,
    Closed,
    Reopened,
}

/// <summary>One entry of the issue's event log (only the kinds the lifecycle needs). <see cref="Label"/> is set for (un)labeled.</summary>
public sealed record IssueEvent(long Id, IssueEventKind Kind, string? Label, string Actor, DateTimeOffset At);

/// <summary>A comment as GitHub reports it now: its current body, and when it was created and last edited.</summary>
/// <param name="AuthorIsBot">GitHub's user type is "Bot" (the bot itself included).</param>
public sealed record CommentFact(long Id, string Author, bool AuthorIsBot, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Url)
{
    public bool WasEdited => UpdatedAt > CreatedAt;

    /// <summary>Who edited the comment and its revisions, as GitHub's GraphQL API reports them; null when they were not read (never edited).</summary>
    public CommentEdits? Edits { get; init; }
}

/// <summary>One revision of a comment's text from its edit history: when, by whom, and the full text then (null when it was deleted from the history).</summary>
public sealed record CommentRevision(DateTimeOffset At, string? Editor, string? Text);

/// <summary>
/// The edit facts of a comment: its last editor (null when it was never edited; "ghost" when GitHub cannot say who)
/// and its history, oldest first. <see cref="Complete"/> is false when the history was not read or not read to the end.
/// </summary>
public sealed record CommentEdits(string? Editor, DateTimeOffset? EditedAt, IReadOnlyList<CommentRevision> Revisions, bool Complete);

/// <summary>The TSC as resolved by the shell: a list of logins, or why it could not be read.</summary>
public abstract record TscResult
{
    private TscResult() { }

    public sealed record Resolved(IReadOnlyList<string> Members) : TscResult;

    public sealed record Unavailable(string Reason) : TscResult;
}

/// <summary>Everything <see cref="Governance.Decide"/> looks at. Gathered by the shell from GitHub; nothing here is the bot's memory.</summary>
/// <param name="BotLogin">the App's bot user, e.g. "governance-bot[bot]": its comments are the only trusted state.</param>
public sealed record IssueFacts(
    IssueSnapshot Issue,
    IReadOnlyList<IssueEvent> Events,
    IReadOnlyList<CommentFact> Comments,
    string BotLogin,
    ConfigResult Config,
    TscResult Tsc,
    DateTimeOffset Now);
