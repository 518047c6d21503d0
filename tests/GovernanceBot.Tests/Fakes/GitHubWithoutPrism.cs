namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// One fake GitHub for a test class, with no Prism in front: for tests that make no request whose shape they check
/// (the webhook endpoint answers before any GitHub call). Starting Node and Prism costs seconds and ties a test to the
/// <see cref="GitHubBehindPrismCollection"/>, so only tests that assert <see cref="PrismProxy.AssertNoViolations"/> use it.
/// Each test calls <see cref="Fresh"/> for an empty GitHub.
/// </summary>
public sealed class GitHubWithoutPrism : IDisposable
{
    public FakeGitHub GitHub { get; } = new();

    public FakeGitHub Fresh(TimeProvider? clock = null)
    {
        GitHub.Reset(clock);
        return GitHub;
    }

    public void Dispose() => GitHub.Dispose();
}
