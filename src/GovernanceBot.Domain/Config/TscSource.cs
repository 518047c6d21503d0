namespace GovernanceBot.Domain.Config;

/// <summary>Where the TSC comes from: a list of logins, or an organisation team.</summary>
public abstract record TscSource
{
    private TscSource() { }

    public sealed record Members(IReadOnlyList<string> Logins) : TscSource
    {
        public bool Equals(Members? other) => other is not null && Logins.SequenceEqual(other.Logins, StringComparer.OrdinalIgnoreCase);
        public override int GetHashCode() => Logins.Count;
    }

    public sealed record Team(string Slug) : TscSource;

    public static TscSource DefaultTeam { get; } = new Team("tsc");
}
