using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

public static partial class Governance
{
    /// <summary>
    /// The electorate the bot's own voting-opened comment named, for when the status comment no longer records it (an
    /// admin deleted it): the TSC of today must not become the electorate of a vote that opened with another.
    /// </summary>
    /// <remarks>The audit compares it with the electorate the state block recorded.</remarks>
    internal static IReadOnlyList<string>? ElectorateOpenedWith(IssueFacts facts, string roundKey) => facts.Comments
        .Where(c => SameLogin(c.Author, facts.BotLogin) && Markers.KeyOf(c.Body) == Markers.VotingOpenedKey(roundKey))
        .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
        .Select(c => Markers.ElectorateNamedIn(c.Body))
        .FirstOrDefault(e => e is { Count: > 0 });
}
