using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using GovernanceBot.Simulation;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovernanceBot.Tests.Processing;

/// <summary>The reconciler against the in-memory GitHub: reads facts, decides, applies only the difference.</summary>
public sealed class ReconcilerTests
{
    private static readonly RepoRef Repo = new(1, "acme", "widgets");
    private static readonly IssueRef Issue = new(Repo, 7);

    private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryGitHub _github;
    private readonly CountingGitHub _counted;
    private readonly Reconciler _reconciler;

    public ReconcilerTests()
    {
        _github = new InMemoryGitHub(_clock);
        _counted = new CountingGitHub(_github);
        _reconciler = new Reconciler(_counted, _clock, NullLogger<Reconciler>.Instance);
        _github.SetFile("acme", "widgets", Reconciler.ConfigPath, "tsc: { members: [alice, bob, carol] }\n");
        _github.CreateIssue(Repo, 7, "RFC: plugins", "dana");
    }

    private int Writes => new[] { "PostComment", "EditComment", "AddLabel", "RemoveLabel" }.Sum(c => _counted.Calls.GetValueOrDefault(c));

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(15.0)]
    [InlineData(30.0)]
    public async Task Running_twice_on_the_same_facts_changes_nothing_the_second_time(double days)
    {
        _github.AsUserAddLabel(Issue, "rfc", "dana");
        _github.AsUserComment(Issue, "/vote +1", "alice");
        _clock.MoveTo(_clock.GetUtcNow() + TimeSpan.FromDays(days));
        _github.AsUserComment(Issue, "/vote -1", "bob");

        var first = await _reconciler.ReconcileAsync(Issue, CancellationToken.None);
        var writesAfterFirst = Writes;
        var second = await _reconciler.ReconcileAsync(Issue, CancellationToken.None);

        Assert.True(first.Changed);
        Assert.False(second.Changed, string.Join("; ", second.Changes));
        Assert.Equal(writesAfterFirst, Writes);
        Assert.Equal(first.Decision!.StatusComment, second.Decision!.StatusComment);
    }

    [Fact]
    public async Task The_status_comment_is_edited_in_place_never_posted_twice()
    {
        _github.AsUserAddLabel(Issue, "rfc", "dana");
        await _reconciler.ReconcileAsync(Issue, CancellationToken.None);
        _clock.MoveTo(_clock.GetUtcNow() + TimeSpan.FromDays(14));
        await _reconciler.ReconcileAsync(Issue, CancellationToken.None);
        _clock.MoveTo(_clock.GetUtcNow() + TimeSpan.FromDays(8));
        await _reconciler.ReconcileAsync(Issue, CancellationToken.None);

        var statuses = _github.GetIssue(Issue).Comments.Count(c => c.Body.Contains("<!-- governance-bot:status -->", StringComparison.Ordinal));
        Assert.Equal(1, statuses);
        Assert.Equal(["rfc", "governance/no-quorum"], _github.GetIssue(Issue).Labels);
    }

    [Fact]
    public async Task The_configuration_falls_back_to_the_owners_dot_github_repository_then_to_the_defaults()
    {
        _github.SetFile("acme", "widgets", Reconciler.ConfigPath, null);
        _github.SetFile("acme", ".github", Reconciler.ConfigPath, "tsc: { members: [zed] }\n");
        var fromOwner = await _reconciler.LoadConfigAsync(Repo, CancellationToken.None);
        Assert.Contains("acme/.github", Assert.IsType<GovernanceBot.Domain.Config.ConfigResult.Valid>(fromOwner).Source);

        _github.SetFile("acme", ".github", Reconciler.ConfigPath, null);
        var defaults = await _reconciler.LoadConfigAsync(Repo, CancellationToken.None);
        Assert.Equal("defaults", Assert.IsType<GovernanceBot.Domain.Config.ConfigResult.Valid>(defaults).Source);
    }

    [Fact]
    public async Task A_default_config_with_no_tsc_team_pauses_and_says_how_to_fix_it()
    {
        _github.SetFile("acme", "widgets", Reconciler.ConfigPath, null);
        _github.AsUserAddLabel(Issue, "rfc", "dana");

        var result = await _reconciler.ReconcileAsync(Issue, CancellationToken.None);

        Assert.Equal("invalid-config", result.Decision!.Outcome);
        Assert.Contains("the team acme/tsc does not exist", result.Decision.StatusComment);
    }

    [Fact]
    public async Task Missing_phase_labels_are_created_in_the_repository_once()
    {
        _github.AsUserAddLabel(Issue, "rfc", "dana");
        await _reconciler.ReconcileAsync(Issue, CancellationToken.None);
        await _reconciler.ReconcileAsync(Issue, CancellationToken.None);

        Assert.Single(_github.BotActions, a => a.Kind == "CreateLabel" && a.Detail.Contains("governance/discussion", StringComparison.Ordinal));
    }
}
