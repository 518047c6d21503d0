using GovernanceBot.Simulation.Model;

namespace GovernanceBot.Tests.Fakes;

/// <summary>The fake's hostile side: repositories that are gone or closed to the App.</summary>
public sealed partial class FakeGitHub
{
    /// <summary>
    /// Every request about <paramref name="repo"/> ("owner/name") is answered with <paramref name="status"/> from now on:
    /// 410 for a repository whose issues were switched off or that was blocked, 404 for one deleted or transferred, 403
    /// for one the App may no longer read.
    /// </summary>
    public FakeGitHub GivenRepositoryAnswers(string repo, int status)
    {
        lock (gate)
        {
            state.RepositoryStatus[RepoKey.Parse(repo)] = status;
        }

        return this;
    }

    /// <summary>The App is uninstalled: the installation is gone and every token it was given stops working.</summary>
    public FakeGitHub RemoveInstallation(long id)
    {
        lock (gate)
        {
            state.RemoveInstallation(id);
        }

        return this;
    }

    /// <summary>GitHub revokes every installation token handed out so far (a key rotation, a reinstall); the installations stay.</summary>
    public FakeGitHub RevokeTokens()
    {
        lock (gate)
        {
            state.Tokens.Clear();
        }

        return this;
    }

    private Answer? RepositoryFault(string[] segments)
    {
        if (segments is not ["repos", var owner, var name, ..] || !state.RepositoryStatus.TryGetValue(new RepoKey(owner, name), out var status))
        {
            return null;
        }

        var message = status switch
        {
            410 => "Issues are disabled for this repo",
            404 => "Not Found",
            403 => "Resource not accessible by integration",
            _ => "Error",
        };
        return Answer.Of(status, Error(message, "https://docs.github.com/rest"));
    }
}
