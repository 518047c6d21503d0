using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>What happens once a vote is decided (<c>on_decided</c>): announce, lock, close, each once.</summary>
public static partial class Governance
{
    /// <summary>
    /// The actions still due after the latest round was decided (approved, rejected, no quorum; not cancelled), or null
    /// when there are none or the bot's record comment says they were done. Lock only an unlocked issue, close only an
    /// open one; once the record exists an issue someone reopened or unlocked is left as they made it.
    /// </summary>
    private static DecidedActions? OnDecidedActions(IssueFacts facts, Round latest)
    {
        if (latest.Phase is not (Phase.Approved or Phase.Rejected or Phase.NoQuorum)) return null;
        var wanted = latest.Profile.OnDecided;
        if (wanted.IsNothing) return null;
        var recorded = Markers.RecordedKey(latest.Key);
        if (facts.Comments.Any(c => SameLogin(c.Author, facts.BotLogin) && Markers.KeyOf(c.Body) == recorded)) return null;
        var close = wanted.Close == CloseWhen.All || (wanted.Close == CloseWhen.Approved && latest.Phase == Phase.Approved);
        return new DecidedActions(latest, wanted.Announce, wanted.AnnounceTally, wanted.Lock && !facts.Issue.IsLocked, close && facts.Issue.IsOpen);
    }
}
