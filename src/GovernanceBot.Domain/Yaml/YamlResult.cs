namespace GovernanceBot.Domain.Yaml;

/// <summary>The outcome of <see cref="YamlLoader.Load"/>.</summary>
public abstract record YamlResult
{
    private YamlResult() { }

    public sealed record Parsed(YamlNode Root) : YamlResult;

    public sealed record Failed(YamlError Error) : YamlResult;
}
