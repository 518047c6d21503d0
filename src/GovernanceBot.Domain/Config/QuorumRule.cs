namespace GovernanceBot.Domain.Config;

/// <summary>
/// The quorum: more than <see cref="Share"/> of the TSC must cast a vote (<c>majority</c> is more than 1/2), or, when
/// <see cref="Members"/> is set (<c>quorum: 3</c>), at least that many members.
/// </summary>
public sealed record QuorumRule(Fraction Share)
{
    public static QuorumRule Majority { get; } = new(Fraction.Half);

    /// <summary>An absolute quorum: at least this many members vote; null when the quorum is a share.</summary>
    public int? Members { get; init; }

    /// <summary>At least <paramref name="members"/> members must vote.</summary>
    public static QuorumRule AtLeast(int members) => new(Fraction.Half) { Members = members };

    /// <summary>The smallest number of votes that makes quorum for an electorate of <paramref name="electorate"/>.</summary>
    public int VotesNeeded(int electorate) =>
        Members ??
        // cast * q > p * n  <=>  cast > p*n/q  <=>  cast >= floor(p*n/q) + 1
        (int)((long)Share.Numerator * electorate / Share.Denominator) + 1;

    public bool IsMet(int cast, int electorate) =>
        Members is { } members ? cast >= members : (long)cast * Share.Denominator > (long)Share.Numerator * electorate;

    /// <summary>How the configuration writes it: <c>majority</c>, <c>2/3</c> or <c>3</c>.</summary>
    public string Setting => Members is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : Share == Fraction.Half ? "majority" : Share.ToString();

    public override string ToString() => Members is { } m ? $"at least {m}" : Share == Fraction.Half ? "majority" : $"more than {Share}";
}
