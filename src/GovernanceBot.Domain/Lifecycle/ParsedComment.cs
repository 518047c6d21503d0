using GovernanceBot.Domain.Commands;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>A human's comment with the commands found in it.</summary>
internal sealed record ParsedComment(CommentFact Comment, IReadOnlyList<Command> Commands)
{
    public DateTimeOffset At => Comment.CreatedAt;

    /// <summary>Someone other than the author last edited the text considered; null when the author wrote it as it stands.</summary>
    public string? OtherEditor { get; init; }

    /// <summary>Someone else edited it and the history does not give the author's own text: nothing in it counts.</summary>
    public bool Unreadable { get; init; }

    /// <summary>The text as someone else left it has a <c>/vote</c> line (what the status comment flags).</summary>
    public bool OtherTextHasVote { get; init; }

    /// <summary>The status comment says so: someone else edited it, and it has (or had) a vote.</summary>
    public bool Flagged => OtherEditor is not null && (Votes.Count > 0 || OtherTextHasVote || Unreadable);

    public string Author => Comment.Author;

    public IReadOnlyList<Command.Vote> Votes { get; } = [.. Commands.OfType<Command.Vote>()];

    /// <summary>The comment's single vote, or null when it has none or several (ambiguous).</summary>
    public Command.Vote? OnlyVote => Votes.Count == 1 ? Votes[0] : null;

    /// <summary>A vote the rules can count: exactly one <c>/vote</c>, and a -1 that states concerns.</summary>
    public Command.Vote? CountableVote => OnlyVote is { } v && (v.Choice != VoteChoice.Reject || v.Concerns.Length > 0) ? v : null;
}
