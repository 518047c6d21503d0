namespace GovernanceBot.Domain.Config;

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
