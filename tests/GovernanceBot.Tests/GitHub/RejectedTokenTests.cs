using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using Octokit;

namespace GovernanceBot.Tests.GitHub;

/// <summary>A token GitHub stops accepting is dropped at its first 401, not used until it would have expired.</summary>
[Collection(GitHubBehindPrismCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class RejectedTokenTests(GitHubBehindPrism wire) : IDisposable
{
    private const string Repo = "octo-org/rfcs";
    private static readonly RepoRef RepoRef = new(7, "octo-org", "rfcs");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private AdapterUnderTest? _adapter;

    public void Dispose() => _adapter?.Dispose();

    [Fact]
    public async Task After_GitHub_revokes_the_token_one_call_fails_and_the_next_asks_for_a_new_token()
    {
        var github = wire.Fresh(_clock).GivenApp("governance-bot").GivenInstallation(7, Repo);
        github.GivenIssue(Repo, 12, "RFC", "dana");
        _adapter = new AdapterUnderTest(wire.Prism.Url, _clock, wire.Prism.CreateCheckingHandler());
        var issue = new IssueRef(RepoRef, 12);

        Assert.NotNull(await _adapter.GitHub.GetIssueAsync(issue, CancellationToken.None));
        Assert.Equal(1, github.TokensIssued);

        // Ten minutes later (the token has 50 more to live) GitHub stops accepting it.
        _clock.Advance(TimeSpan.FromMinutes(10));
        github.RevokeTokens();
        await Assert.ThrowsAsync<AuthorizationException>(() => _adapter.GitHub.GetIssueAsync(issue, CancellationToken.None));

        var again = await _adapter.GitHub.GetIssueAsync(issue, CancellationToken.None);
        Assert.Equal("RFC", again!.Title);
        Assert.Equal(2, github.Requests().Count(r => r.Method == "POST" && r.Path.EndsWith("/access_tokens", StringComparison.Ordinal)));
        wire.Prism.AssertNoViolations(responsesToo: false);
    }
}
