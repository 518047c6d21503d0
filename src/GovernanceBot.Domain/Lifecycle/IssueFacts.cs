using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>Everything <see cref="Governance.Decide"/> looks at. Gathered by the shell from GitHub; nothing here is the bot's memory.</summary>
/// <param name="BotLogin">the App's bot user, e.g. "governance-bot[bot]": its comments are the only trusted state.</param>
public sealed record IssueFacts(
    IssueSnapshot Issue,
    IReadOnlyList<IssueEvent> Events,
    IReadOnlyList<CommentFact> Comments,
    string BotLogin,
    ConfigResult Config,
    TscResult Tsc,
    DateTimeOffset Now)
{
    /// <summary>The pull request this issue is, with its head, merge state, commits and changed files; null for a plain issue.</summary>
    public PullRequestFacts? PullRequest { get; init; }

    /// <summary>When the issue's (or pull request's) body was last edited (GraphQL <c>lastEditedAt</c>); null when never edited.</summary>
    public DateTimeOffset? BodyEditedAt { get; init; }

    public bool IsPullRequest => PullRequest is not null;
}
