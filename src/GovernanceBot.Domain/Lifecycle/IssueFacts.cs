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
    DateTimeOffset Now);
