namespace GovernanceBot.Domain.Config;

/// <summary>An exact share such as 2/3. The tally never turns it into a floating-point number.</summary>
public readonly record struct Fraction
{
    public Fraction(int numerator, int denominator)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), "must be positive");
        if (numerator < 0 || numerator > denominator) throw new ArgumentOutOfRangeException(nameof(numerator), "must be between 0 and the denominator");
        Numerator = numerator;
        Denominator = denominator;
    }

    public int Numerator { get; }
    public int Denominator { get; }

    public static Fraction TwoThirds { get; } = new(2, 3);
    public static Fraction Half { get; } = new(1, 2);

    /// <summary>Parses "2/3" (whole numbers, 0 &lt; numerator ≤ denominator).</summary>
    public static bool TryParse(string? text, out Fraction fraction)
    {
        fraction = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('/');
        if (parts.Length != 2) return false;
        if (!int.TryParse(parts[0].Trim(), System.Globalization.NumberStyles.None, null, out var n)) return false;
        if (!int.TryParse(parts[1].Trim(), System.Globalization.NumberStyles.None, null, out var d)) return false;
        if (d <= 0 || n <= 0 || n > d || d > 1000) return false;
        fraction = new Fraction(n, d);
        return true;
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
