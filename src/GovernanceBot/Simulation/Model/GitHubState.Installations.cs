namespace GovernanceBot.Simulation.Model;

/// <summary>The App's installations, the repositories each was granted, and the tokens handed out.</summary>
internal sealed partial class GitHubState
{
    public Dictionary<long, List<RepoKey>> Installations { get; } = [];

    public Dictionary<string, (long InstallationId, DateTimeOffset ExpiresAt)> Tokens { get; } = [];

    /// <summary>What a person's token stands for in <see cref="InstallationOf"/>: it reads every repository.</summary>
    public const long PersonalAccess = -1;

    /// <summary>Personal access tokens (the <c>audit</c> command's): not an installation's, and they never expire here.</summary>
    public HashSet<string> PersonalTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>A new token for the installation, valid for an hour, or null when there is no such installation.</summary>
    public (string Token, DateTimeOffset ExpiresAt)? IssueToken(long installationId)
    {
        if (!Installations.ContainsKey(installationId))
        {
            return null;
        }

        var token = $"ghs_fake{NextId()}";
        var expiresAt = Now() + TimeSpan.FromHours(1);
        Tokens[token] = (installationId, expiresAt);
        return (token, expiresAt);
    }

    /// <summary>The installation an unexpired token (<c>Bearer</c> or <c>token</c>) belongs to.</summary>
    public long? InstallationOf(string? authorization)
    {
        var token = authorization?.Split(' ') is [("Bearer" or "token"), var t] ? t : null;
        if (token is not null && PersonalTokens.Contains(token)) return PersonalAccess;
        return token is not null && Tokens.TryGetValue(token, out var grant) && Now() < grant.ExpiresAt ? grant.InstallationId : null;
    }

    /// <summary>An installation sees only the repositories it was granted; any other looks absent, as on GitHub.</summary>
    public bool CanSee(long installationId, RepoKey repo) => installationId == PersonalAccess ||
        !Installations.Values.Any(r => r.Contains(repo)) || (Installations.TryGetValue(installationId, out var granted) && granted.Contains(repo));

    /// <summary>The App is uninstalled: the installation is gone and every token it was given stops working.</summary>
    public void RemoveInstallation(long id)
    {
        Installations.Remove(id);
        foreach (var token in Tokens.Where(t => t.Value.InstallationId == id).Select(t => t.Key).ToList())
        {
            Tokens.Remove(token);
        }
    }
}
