namespace GovernanceBot.Simulation.Model;

/// <summary>One revision of a comment: when, who (their REST login, "name[bot]" for an App) and its whole text.</summary>
internal sealed record StoredRevision(DateTimeOffset At, string Editor, bool EditorIsBot, string Body);
