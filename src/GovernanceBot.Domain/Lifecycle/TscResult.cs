namespace GovernanceBot.Domain.Lifecycle;

/// <summary>The TSC as resolved by the shell: a list of logins, or why it could not be read.</summary>
public abstract record TscResult
{
    private TscResult() { }

    public sealed record Resolved(IReadOnlyList<string> Members) : TscResult;

    public sealed record Unavailable(string Reason) : TscResult;
}
