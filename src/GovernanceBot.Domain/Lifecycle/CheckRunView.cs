namespace GovernanceBot.Domain.Lifecycle;

/// <summary>The two states of a check run the bot uses (GitHub's <c>status</c>).</summary>
public enum CheckStatus
{
    /// <summary><c>in_progress</c>: discussion or voting runs; branch protection waits.</summary>
    InProgress,

    /// <summary><c>completed</c>, with a <see cref="CheckConclusion"/>.</summary>
    Completed,
}

/// <summary>The conclusions the bot uses (GitHub's <c>conclusion</c>).</summary>
public enum CheckConclusion
{
    /// <summary>Approved, or no vote is needed.</summary>
    Success,

    /// <summary>Rejected, closed without quorum, cancelled, or a required vote is missing.</summary>
    Failure,
}

/// <summary>
/// What the check run named <see cref="Name"/> on the pull request's head commit should say: the value the applier
/// makes so with one create or update. Computed by <see cref="GovernanceCheck.For"/>.
/// </summary>
/// <param name="HeadSha">the commit the check belongs on.</param>
/// <param name="Conclusion">set exactly when <paramref name="Status"/> is <see cref="CheckStatus.Completed"/>.</param>
/// <param name="Title">one line: the phase and the arithmetic.</param>
/// <param name="Summary">Markdown: the deadline, what is still needed, proposal changes.</param>
/// <param name="DetailsUrl">the status comment; null when it does not exist yet (the applier uses the one it creates).</param>
public sealed record CheckRunView(string HeadSha, CheckStatus Status, CheckConclusion? Conclusion, string Title, string Summary, string? DetailsUrl)
{
    /// <summary>The check's name: the one branch protection requires.</summary>
    public const string Name = "governance";

    /// <summary>GitHub's word for <see cref="Status"/>: <c>in_progress</c> or <c>completed</c>.</summary>
    public string StatusText => Status == CheckStatus.InProgress ? "in_progress" : "completed";

    /// <summary>GitHub's word for <see cref="Conclusion"/>: <c>success</c>, <c>failure</c>, or null while in progress.</summary>
    public string? ConclusionText => Conclusion switch
    {
        CheckConclusion.Success => "success",
        CheckConclusion.Failure => "failure",
        _ => null,
    };
}
