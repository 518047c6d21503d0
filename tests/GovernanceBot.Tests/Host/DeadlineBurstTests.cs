using System.Diagnostics;
using GovernanceBot.Tests.Fakes;
using Xunit.Abstractions;

namespace GovernanceBot.Tests.Host;

/// <summary>A burst of deadlines: transitions due now go first, in deadline order, within GitHub's write pace.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class DeadlineBurstTests(GitHubBehindPrism wire, ITestOutputHelper output)
{
    private const int Processes = 20;
    private const int FirstIssue = 101;
    private const string VotingOpen = "**Voting is open**";
    private const string StatusMarker = "<!-- governance-bot:status -->";
    private static readonly TimeSpan Discussion = TimeSpan.FromDays(14);

    /// <summary>GitHub's secondary limit on content-creating requests (the bot's own pace is the same figure).</summary>
    private const int WritesPerMinute = 80;

    /// <summary>
    /// What opening a vote writes, and all it needs to: the status comment edited, the discussion label removed, the
    /// voting label added, the "voting is open" comment posted. (Replacing all labels in one <c>PUT</c> would save one,
    /// but would drop a label someone adds between the bot's read and its write.)
    /// </summary>
    private static readonly string[] VotingOpenWrites = ["PATCH status", "DELETE label", "POST labels", "POST comment"];

    [Fact]
    public async Task Twenty_deadlines_a_second_apart_open_their_votes_in_deadline_order_the_first_within_five_seconds()
    {
        var issues = Enumerable.Range(FirstIssue, Processes).ToList();
        await using var app = new GovernanceApp(wire, new GovernanceAppOptions
        {
            // A repository that has run votes before: its phase labels exist, so the burst creates none.
            Given = github => issues.Aggregate(
                github.RfcRepository().GivenLabel(GovernanceApp.Repo, "governance/voting", "fbca04", "Governance: the TSC is voting"),
                (g, n) => g.GivenIssue(GovernanceApp.Repo, n, $"RFC number {n}", "dana")),
        });
        await app.StartAsync();

        // Twenty discussions start a second apart, so their deadlines pass a second apart.
        var deadlines = new Dictionary<int, DateTimeOffset>();
        foreach (var n in issues)
        {
            deadlines[n] = app.Now + Discussion;
            await app.LabelAsync("rfc", issue: n);
            await app.SettleAsync(() => app.GitHub.Labels(GovernanceApp.Repo, n).Contains("governance/discussion"));
            await app.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        // The "time left" refreshes of the last day are done, a minute or more before the first deadline.
        await app.AdvanceToAsync(deadlines[FirstIssue] - TimeSpan.FromMinutes(2));
        await app.AdvanceToAsync(deadlines[FirstIssue] - TimeSpan.FromSeconds(1));
        Assert.All(issues, n => Assert.Empty(VotingOpened(app, n)));
        var writesBefore = Writes(app.GitHub);
        var requestsBefore = app.GitHub.Requests().Count;
        var burst = () => app.GitHub.Requests().Skip(requestsBefore).Where(r => r.Method is not ("GET" or "HEAD")).ToList();

        // The clock passes all twenty deadlines at once; real time is measured from that moment.
        var clock = Stopwatch.StartNew();
        app.Advance(deadlines[issues[^1]] - app.Now + TimeSpan.FromSeconds(1));
        var seen = new Dictionary<int, TimeSpan>();
        while (seen.Count < Processes && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            foreach (var n in issues.Where(n => !seen.ContainsKey(n) && VotingOpened(app, n).Count > 0)) seen[n] = clock.Elapsed;
            await Task.Delay(10);
        }

        var latencies = string.Join(", ", issues.Select(n => seen.TryGetValue(n, out var t) ? $"#{n} {t.TotalSeconds:0.00}s" : $"#{n} never"));
        output.WriteLine($"voting-opened comments after the clock passed the deadlines: {latencies}; {Writes(app.GitHub) - writesBefore} writes");
        output.WriteLine(string.Join("\n", burst().Select(r => $"{r.Method} {r.Path} {r.Body?[..Math.Min(80, r.Body.Length)]}")));
        Assert.True(seen.Count == Processes, latencies);
        await app.SettleAsync();

        // In deadline order: GitHub numbers the comments in the order they were posted.
        var posted = issues.Select(n => Assert.Single(VotingOpened(app, n))).OrderBy(c => c.Id).Select(c => c.Number).ToList();
        Assert.Equal(issues, posted);

        var first = seen[FirstIssue];
        var last = seen.Values.Max();
        var writes = Writes(app.GitHub) - writesBefore;
        output.WriteLine($"first {first.TotalSeconds:0.00}s, last {last.TotalSeconds:0.00}s, {writes} content-creating requests");
        Assert.True(first < TimeSpan.FromSeconds(5), latencies);

        // Each transition writes what it needs and no more, so the whole burst fits in GitHub's 80 a minute.
        Assert.All(issues, n => Assert.Equal(VotingOpenWrites, WritesFor(app, n, burst())));
        Assert.Equal(Processes * VotingOpenWrites.Length, writes);
        Assert.InRange(writes, Processes, WritesPerMinute);
        Assert.All(issues, n => Assert.Contains("governance/voting", app.GitHub.Labels(GovernanceApp.Repo, n)));
        app.AssertNoViolations();
    }

    private static IReadOnlyList<FakeComment> VotingOpened(GovernanceApp app, int issue) =>
        [.. app.GitHub.Comments(GovernanceApp.Repo, issue).Where(c => c.Author == app.GitHub.BotLogin && c.Body.Contains(VotingOpen, StringComparison.Ordinal))];

    /// <summary>The writes of the burst that concern issue <paramref name="issue"/>, in the order they were sent, by kind.</summary>
    private static List<string> WritesFor(GovernanceApp app, int issue, IEnumerable<FakeRequest> writes)
    {
        var status = app.GitHub.Comments(GovernanceApp.Repo, issue).First(c => c.Author == app.GitHub.BotLogin && c.Body.Contains(StatusMarker, StringComparison.Ordinal));
        var prefix = $"/repos/{GovernanceApp.Repo}/issues/{issue}/";
        return [.. writes.Select(r => r switch
        {
            { Method: "PATCH" } when r.Path == $"/repos/{GovernanceApp.Repo}/issues/comments/{status.Id}" => "PATCH status",
            { Method: "DELETE" } when r.Path.StartsWith(prefix + "labels/", StringComparison.Ordinal) => "DELETE label",
            { Method: "POST" } when r.Path == prefix + "labels" => "POST labels",
            { Method: "POST" } when r.Path == prefix + "comments" => "POST comment",
            _ when r.Path.StartsWith(prefix, StringComparison.Ordinal) => $"{r.Method} {r.Path}",
            _ => null,
        }).OfType<string>()];
    }

    private static int Writes(FakeGitHub github) =>
        github.Requests().Count(r => r.Method is not ("GET" or "HEAD") && !r.Path.EndsWith("/access_tokens", StringComparison.Ordinal) && !r.Path.EndsWith("/graphql", StringComparison.Ordinal));
}
