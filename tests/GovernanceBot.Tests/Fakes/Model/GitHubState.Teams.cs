namespace GovernanceBot.Tests.Fakes.Model;

/// <summary>Organisation teams and their members, named without case.</summary>
internal sealed partial class GitHubState
{
    public Dictionary<(string Org, string Slug), List<string>> Teams { get; } = [];

    public void SetTeam(string org, string slug, IEnumerable<string> members) => Teams[(org.ToLowerInvariant(), slug.ToLowerInvariant())] = [.. members];

    public IReadOnlyList<string>? TeamMembers(string org, string slug) =>
        Teams.TryGetValue((org.ToLowerInvariant(), slug.ToLowerInvariant()), out var members) ? members : null;
}
