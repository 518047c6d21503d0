namespace GovernanceBot.Domain.Config;

/// <summary>Whether abstentions (0 votes) count in the approval denominator.</summary>
public enum AbstentionMode
{
    /// <summary><c>3 * plus >= 2 * cast</c>: an abstention weighs like a vote that is not +1.</summary>
    Count,

    /// <summary><c>3 * plus >= 2 * (plus + minus)</c>: abstentions only help reach quorum.</summary>
    Ignore,
}

/// <summary>The quorum: more than <see cref="Share"/> of the TSC must cast a vote (<c>majority</c> is more than 1/2).</summary>
public sealed record QuorumRule(Fraction Share)
{
    public static QuorumRule Majority { get; } = new(Fraction.Half);

    /// <summary>The smallest number of votes that makes quorum for an electorate of <paramref name="electorate"/>.</summary>
    public int VotesNeeded(int electorate) =>
        // cast * q > p * n  <=>  cast > p*n/q  <=>  cast >= floor(p*n/q) + 1
        (int)((long)Share.Numerator * electorate / Share.Denominator) + 1;

    public bool IsMet(int cast, int electorate) => (long)cast * Share.Denominator > (long)Share.Numerator * electorate;

    public override string ToString() => Share == Fraction.Half ? "majority" : $"more than {Share}";
}

/// <summary>How votes are counted for one process.</summary>
public sealed record VotingRules(QuorumRule Quorum, Fraction Approval, AbstentionMode Abstentions, bool CloseEarly)
{
    public static VotingRules Default { get; } = new(QuorumRule.Majority, Fraction.TwoThirds, AbstentionMode.Count, CloseEarly: true);
}

/// <summary>One process, keyed by its trigger label (<c>rfc</c>, <c>governance-amendment</c>).</summary>
public sealed record ProcessProfile(string Label, TimeSpan Discussion, TimeSpan Voting, VotingRules Rules)
{
    public static TimeSpan DefaultDiscussion { get; } = TimeSpan.FromDays(14);
    public static TimeSpan DefaultVoting { get; } = TimeSpan.FromDays(7);

    /// <summary>What a person reads: "RFC", "Governance amendment", or the label itself.</summary>
    public string DisplayName => Label.ToLowerInvariant() switch
    {
        "rfc" => "RFC",
        "governance-amendment" => "Governance amendment",
        _ => Label,
    };
}

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

/// <summary>The typed, validated <c>.github/governance.yml</c>.</summary>
public sealed record GovernancePolicy(TscSource Tsc, IReadOnlyList<ProcessProfile> Processes)
{
    public static IReadOnlyList<string> DefaultTriggerLabels { get; } = ["rfc", "governance-amendment"];

    public static GovernancePolicy Default { get; } = new(
        TscSource.DefaultTeam,
        [.. DefaultTriggerLabels.Select(l => new ProcessProfile(l, ProcessProfile.DefaultDiscussion, ProcessProfile.DefaultVoting, VotingRules.Default))]);

    /// <summary>The profile for a trigger label; GitHub label names compare case-insensitively.</summary>
    public ProcessProfile? ProfileFor(string label) =>
        Processes.FirstOrDefault(p => string.Equals(p.Label, label, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One problem in the configuration file, pointing at the key and line.</summary>
public sealed record ConfigError(int? Line, string Key, string Message)
{
    public override string ToString() => Line is { } line ? $"line {line}: {Key}: {Message}" : $"{Key}: {Message}";
}

/// <summary>The configuration as read: valid, or the list of what is wrong.</summary>
public abstract record ConfigResult
{
    private ConfigResult() { }

    /// <param name="Source">where it came from, e.g. ".github/governance.yml" or "defaults".</param>
    public sealed record Valid(GovernancePolicy Policy, string Source) : ConfigResult;

    public sealed record Invalid(IReadOnlyList<ConfigError> Errors, string Source) : ConfigResult;
}
