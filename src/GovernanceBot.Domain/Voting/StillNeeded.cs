namespace GovernanceBot.Domain.Voting;

/// <summary>What would change the result, for "what is still needed".</summary>
/// <param name="MoreVotesForQuorum">votes still needed to reach quorum (0 when met).</param>
/// <param name="MorePlusToApprove">further +1 votes from TSC members who have not voted that would approve; null when not enough members are left to do it.</param>
public sealed record StillNeeded(int MoreVotesForQuorum, int? MorePlusToApprove);
