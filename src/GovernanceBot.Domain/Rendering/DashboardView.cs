using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>One process as the dashboard shows it: where it lives and its latest round as last recorded.</summary>
public sealed record DashboardProcess(string Repository, int Number, string Title, string Url, bool IsPrivate, Round Round)
{
    /// <summary>The deadline of the running phase (discussion or voting); null once decided.</summary>
    public DateTimeOffset? Deadline => Round.Phase switch
    {
        Phase.Discussion => Round.DiscussionEnds,
        Phase.Voting => Round.VotingEnds,
        _ => null,
    };

    /// <summary>Every round of the issue, oldest first, for participation (the latest alone when empty).</summary>
    public IReadOnlyList<Round> History { get; init; } = [];

    public bool IsOpen => Round.Phase is Phase.Discussion or Phase.Voting;

    /// <summary>The members of the electorate without a counted binding vote (empty during discussion).</summary>
    public IReadOnlyList<string> NotVoted => Governance.NotVoted(Round);
}

/// <summary>Each member's participation in one repository: binding votes cast over the rounds whose electorate they were in.</summary>
public sealed record Participation(string Repository, string Member, int Votes, int Rounds);

/// <summary>Everything the dashboard shows, already filtered for who is looking.</summary>
public sealed record DashboardView(
    IReadOnlyList<DashboardProcess> Open,
    IReadOnlyList<DashboardProcess> Decided,
    IReadOnlyList<Participation> Participation,
    DateTimeOffset Now,
    string? Login,
    bool ShowsPrivate,
    bool TokenConfigured)
{
    /// <summary>Decisions are kept this long.</summary>
    public static readonly TimeSpan DecidedWindow = TimeSpan.FromDays(90);

    /// <summary>Participation counts rounds that started within this window.</summary>
    public static readonly TimeSpan ParticipationWindow = TimeSpan.FromDays(365);

    /// <summary>Builds the view from every recorded process: privacy filter, login filter, windows and participation.</summary>
    public static DashboardView Build(IEnumerable<DashboardProcess> all, DateTimeOffset now, string? login, bool showPrivate, bool tokenConfigured)
    {
        var visible = all.Where(p => showPrivate || !p.IsPrivate).ToList();
        var open = visible.Where(p => p.IsOpen)
            .Where(p => string.IsNullOrEmpty(login) || p.NotVoted.Contains(login, StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => p.Deadline).ThenBy(p => p.Repository, StringComparer.Ordinal).ThenBy(p => p.Number).ToList();
        var decided = visible.Where(p => !p.IsOpen && p.Round.EndedAt is { } end && now - end <= DecidedWindow)
            .OrderByDescending(p => p.Round.EndedAt).ThenBy(p => p.Repository, StringComparer.Ordinal).ToList();
        var participation = visible
            .SelectMany(p => (p.History.Count > 0 ? p.History : [p.Round]).Select(r => (p.Repository, Round: r)))
            .Where(x => x.Round.Electorate is not null && now - x.Round.Start <= ParticipationWindow)
            .SelectMany(x => x.Round.Electorate!.Select(m => (x.Repository, Member: m, Voted: x.Round.BindingBallots.Any(b => string.Equals(b.Voter, m, StringComparison.OrdinalIgnoreCase)))))
            .GroupBy(x => (x.Repository, Member: x.Member.ToLowerInvariant()))
            .Select(g => new Participation(g.Key.Repository, g.First().Member, g.Count(x => x.Voted), g.Count()))
            .OrderBy(p => p.Repository, StringComparer.Ordinal).ThenBy(p => p.Member, StringComparer.OrdinalIgnoreCase).ToList();
        return new DashboardView(open, decided, participation, now, string.IsNullOrEmpty(login) ? null : login, showPrivate, tokenConfigured);
    }
}
