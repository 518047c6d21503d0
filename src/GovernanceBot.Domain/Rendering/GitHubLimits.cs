using System.Text;

namespace GovernanceBot.Domain.Rendering;

/// <summary>What GitHub accepts from the bot. A body GitHub refuses is a write that never happens, so every body must fit.</summary>
public static class GitHubLimits
{
    /// <summary>
    /// GitHub refuses a comment body longer than this with 422. GitHub counts characters; the bot counts UTF-8
    /// bytes (<see cref="Size"/>), which are never fewer, so a body that fits in bytes always fits.
    /// </summary>
    public const int CommentBody = 65_536;

    /// <summary>Room kept free in the status comment for the claim line a replica appends before posting.</summary>
    public const int ClaimReserve = 1_024;

    /// <summary>The most a status comment may take before the claim line is appended.</summary>
    public const int StatusBudget = CommentBody - ClaimReserve;

    /// <summary>The size the bot budgets for: UTF-8 bytes.</summary>
    public static int Size(string body) => Encoding.UTF8.GetByteCount(body);
}
