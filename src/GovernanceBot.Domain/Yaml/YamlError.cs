namespace GovernanceBot.Domain.Yaml;

/// <summary>
/// Why a text is not a YAML document the bot can read, and where: 1-based <paramref name="Line"/> and
/// <paramref name="Column"/> (0 when no column applies), and the dotted <paramref name="Key"/> of the setting being read
/// there ("" at the top of the document).
/// </summary>
public sealed record YamlError(int Line, int Column, string Key, string Message)
{
    public override string ToString() => Column > 0 ? $"line {Line}, column {Column}: {Message}" : $"line {Line}: {Message}";
}
