namespace GovernanceBot.Tests.Fakes.Model;

/// <summary>Files on each repository's default branch.</summary>
internal sealed partial class GitHubState
{
    public Dictionary<(RepoKey, string), string> Files { get; } = [];

    public void SetFile(RepoKey repo, string path, string text) => Files[(repo, path.Trim('/'))] = text;

    public string? File(RepoKey repo, string path) => Files.GetValueOrDefault((repo, path));
}
