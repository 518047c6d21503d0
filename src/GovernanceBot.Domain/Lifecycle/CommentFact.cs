namespace GovernanceBot.Domain.Lifecycle;

/// <summary>A comment as GitHub reports it now: its current body, and when it was created and last edited.</summary>
/// <param name="AuthorIsBot">GitHub's user type is "Bot" (the bot itself included).</param>
public sealed record CommentFact(long Id, string Author, bool AuthorIsBot, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Url)
{
    public bool WasEdited => UpdatedAt > CreatedAt;

    /// <summary>Who edited the comment and its revisions, as GitHub's GraphQL API reports them; null when they were not read (never edited).</summary>
    public CommentEdits? Edits { get; init; }
}
