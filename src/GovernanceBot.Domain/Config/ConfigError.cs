namespace GovernanceBot.Domain.Config;

/// <summary>One problem in the configuration file, pointing at the key and line.</summary>
public sealed record ConfigError(int? Line, string Key, string Message)
{
    public override string ToString() => Line is { } line ? $"line {line}: {Key}: {Message}" : $"{Key}: {Message}";
}
