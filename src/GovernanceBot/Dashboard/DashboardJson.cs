using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Dashboard;

/// <summary>The dashboard's data as <c>/api/processes</c> answers it (the same filtering as the page).</summary>
public sealed record DashboardJson(
    DateTimeOffset Now,
    string? Login,
    IReadOnlyList<DashboardJson.Process> Open,
    IReadOnlyList<DashboardJson.Process> Decided,
    IReadOnlyList<Participation> Participation)
{
    public sealed record Process(
        string Repository,
        int Number,
        string Title,
        string Url,
        string Phase,
        DateTimeOffset? Deadline,
        DateTimeOffset? DecidedAt,
        int? Electorate,
        int? Plus,
        int? Zero,
        int? Minus,
        int? QuorumNeeded,
        string Arithmetic,
        IReadOnlyList<string> NotVoted);

    public static DashboardJson From(DashboardView view) =>
        new(view.Now, view.Login, [.. view.Open.Select(P)], [.. view.Decided.Select(P)], view.Participation);

    private static Process P(DashboardProcess p)
    {
        var t = p.Round.Tally;
        return new Process(p.Repository, p.Number, p.Title, p.Url, p.Round.Phase.ToString().ToLowerInvariant(), p.Deadline, p.Round.EndedAt,
            t?.Electorate, t?.Plus, t?.Zero, t?.Minus, t?.QuorumNeeded, Texts.DashboardArithmetic(p.Round), p.NotVoted);
    }
}
