namespace GovernanceBot.GitHub;

/// <summary>A label the bot creates when the repository lacks it.</summary>
public sealed record LabelSpec(string Name, string Color, string Description);
