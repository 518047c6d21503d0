namespace GovernanceBot.Tests.Fakes.Model;

/// <summary>A repository's "owner/name", compared without case as GitHub does.</summary>
internal readonly record struct RepoKey(string Owner, string Name)
{
    public static RepoKey Parse(string repo) =>
        repo.Split('/') is [var owner, var name] ? new RepoKey(owner, name) : throw new ArgumentException($"'{repo}' is not owner/name", nameof(repo));

    public bool Equals(RepoKey other) =>
        string.Equals(Owner, other.Owner, StringComparison.OrdinalIgnoreCase) && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(Owner.ToLowerInvariant(), Name.ToLowerInvariant());

    public override string ToString() => $"{Owner}/{Name}";
}
