namespace GovernanceBot.Simulation.Model;

/// <summary>A comment as the model holds it; <paramref name="Repo"/> is "owner/name".</summary>
internal sealed record StoredComment(long Id, string Repo, int Number, string Author, bool IsBot, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
