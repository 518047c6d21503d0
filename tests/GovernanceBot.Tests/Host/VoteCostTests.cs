using System.Text.RegularExpressions;
using GovernanceBot.Tests.Fakes;
using Xunit.Abstractions;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// What one vote costs GitHub's rate limit: the requests its webhook's reconcile makes that GitHub counts (anything but a
/// 304), on an issue in voting whose earlier reads are cached. At most 4 with 50 comments, at most 14 with 1,000.
/// Reproduce: <c>dotnet test tests/GovernanceBot.Tests --filter "FullyQualifiedName~VoteCostTests"</c>.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class VoteCostTests(GitHubBehindPrism wire, ITestOutputHelper output)
{
    private static readonly DateTimeOffset VotingOpens = GovernanceApp.DefaultStart + TimeSpan.FromDays(14);

    private static string Endpoint(FakeRequest r) => $"{r.Method} {Regex.Replace(r.Path, @"/\d+", "/{n}")}{(r.Query.Contains("page=", StringComparison.Ordinal) ? Regex.Match(r.Query, @"[?&]page=\d+").Value.TrimStart('?', '&').Insert(0, " ") : "")}";

    [Theory]
    [InlineData(50, 4)]
    [InlineData(1000, 14)]
    public async Task One_vote_costs_no_more_than_its_share_of_the_rate_limit(int comments, int atMost)
    {
        await using var app = new GovernanceApp(wire);
        await app.StartAsync();
        await app.LabelAsync("rfc", by: "dana");
        await app.SettleAsync(() => app.Has("governance/discussion"));
        await app.AdvanceToAsync(VotingOpens + TimeSpan.FromMinutes(1));
        await app.SettleAsync(() => app.Has("governance/voting"));

        // The discussion so far: enough comments that the vote is the issue's comment number <comments>.
        for (var n = app.Comments.Count; n < comments - 1; n++) app.CommentWithoutWebhook("erin", $"A thought, number {n}.");
        Assert.Equal(comments - 1, app.Comments.Count);

        // Two sweeps read the issue as it now is; from then on the bot holds an ETag for every page.
        await app.AdvanceAsync(TimeSpan.FromMinutes(5));
        await app.AdvanceAsync(TimeSpan.FromMinutes(5));

        var before = app.GitHub.Exchanges().Count;
        await app.VoteAsync("alice", "+1");
        await app.SettleAsync(() => app.Status.Contains("| alice | +1 |", StringComparison.Ordinal));
        await app.SettleAsync();
        var vote = app.GitHub.Exchanges().Skip(before).ToList();
        var counted = vote.Where(e => e.Status != 304).ToList();

        Assert.Equal(comments, app.Comments.Count);
        output.WriteLine($"one vote on an issue with {comments} comments: {vote.Count} requests, {counted.Count} counted against the rate limit (not 304)");
        foreach (var group in vote.GroupBy(e => $"{Endpoint(e.Request)} → {e.Status}")) output.WriteLine($"  {group.Count(),3} × {group.Key}");
        Assert.True(counted.Count <= atMost, $"{counted.Count} counted requests: {string.Join(", ", counted.Select(e => $"{Endpoint(e.Request)} {e.Status}"))}");
        app.AssertNoViolations();
    }
}
