namespace GovernanceBot.GitHub;

/// <summary>A user's latest activity GitHub's issue search found: when the issue or pull request was last updated, and its page.</summary>
public sealed record UserActivity(DateTimeOffset At, string Url);

/// <summary>An issue as the issue listing shows it (succession keeps its issues by the markers in their bodies).</summary>
public sealed record IssueSummary(int Number, string Title, string Body, bool IsOpen, string Url);
