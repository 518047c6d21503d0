using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>The reading half of a reconcile, for the <c>audit</c> command: the same facts, read with any token, and nothing written.</summary>
public sealed partial class Reconciler
{
    /// <summary>
    /// The issue's facts as a reconcile reads them (configuration, TSC, events, comments with their edit history, the pull
    /// request), with the bot's login found in the comments by <paramref name="findBot"/> rather than asked of GitHub's
    /// <c>/app</c>, which only the App may call. Null when the issue does not exist; the bot login null when none was found.
    /// </summary>
    public async Task<(IssueFacts Facts, bool BotFound)?> ReadFactsAsync(IssueRef issue, Func<IReadOnlyList<CommentFact>, string?> findBot, CancellationToken cancellationToken)
    {
        var snapshot = await github.GetIssueAsync(issue, cancellationToken);
        if (snapshot is null) return null;
        var comments = await github.GetCommentsAsync(issue, cancellationToken);
        var botLogin = findBot(comments);
        if (botLogin is not null) comments = await github.WithEditsAsync(issue, comments, botLogin, cancellationToken);
        var facts = await ReadFactsAsync(issue, snapshot, botLogin ?? "", () => Task.FromResult(comments), cancellationToken);
        return (facts, botLogin is not null);
    }
}
