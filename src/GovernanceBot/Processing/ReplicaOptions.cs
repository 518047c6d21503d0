namespace GovernanceBot.Processing;

/// <summary>
/// Who this instance is among replicas of the bot, and how long a claim must survive before posting.
/// </summary>
/// <param name="Id">a name unique among running replicas.</param>
/// <param name="ClaimSettle">the wait between writing a claim and checking it is still ours (longer than a comment POST takes).</param>
public sealed record ReplicaOptions(string Id, TimeSpan ClaimSettle, TimeSpan RecheckAfterYield)
{
    /// <summary>One instance alone (simulate, tests): a fixed name and no wait.</summary>
    public static ReplicaOptions Single { get; } = new("single", TimeSpan.Zero, TimeSpan.FromMinutes(1));
}
