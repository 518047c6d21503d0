using GovernanceBot.Domain.Commands;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>A human's comment with the commands found in it.</summary>
internal sealed record ParsedComment(CommentFact Comment, IReadOnlyList<Command> Commands)
{
    public DateTimeOffset At => Comment.CreatedAt;

    public string Author => Comment.Author;

    public IReadOnlyList<Command.Vote> Votes { get; } = [.. Commands.OfType<Command.Vote>()];

    /// <summary>The comment's single vote, or null when it has none or several (ambiguous).</summary>
    public Command.Vote? OnlyVote => Votes.Count == 1 ? Votes[0] : null;

    /// <summary>A vote the rules can count: exactly one <c>/vote</c>, and a -1 that states concerns.</summary>
    public Command.Vote? CountableVote => OnlyVote is { } v && (v.Choice != VoteChoice.Reject || v.Concerns.Length > 0) ? v : null;
}
