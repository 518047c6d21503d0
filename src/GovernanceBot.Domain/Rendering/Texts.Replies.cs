using System.Text;
using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The reply to a comment the bot could not act on as written: one line per problem, saying how to fix it.</summary>
public static partial class Texts
{
    public static string Reply(string key, string author, IReadOnlyList<ReplyItem> items, GovernancePolicy policy)
    {
        var sb = new StringBuilder();
        sb.Append(Markers.For(key)).Append(Nl);
        var onlyHelp = items.All(i => i is ReplyItem.Help);
        sb.Append('@').Append(author).Append(onlyHelp ? ", here is how governance works on this repository." : ", thank you. I could not act on this comment as written:").Append(Nl).Append(Nl);
        if (items.Any(i => i is ReplyItem.Help)) AppendHelp(sb, policy, collapsed: false);
        var refused = items.Where(i => i is not ReplyItem.Help).ToList();
        foreach (var item in refused.Take(ListedLines))
        {
            sb.Append(ReplyLine(item)).Append(Nl).Append(Nl);
        }

        if (refused.Count > ListedLines) sb.Append(MoreRefused(refused.Count - ListedLines)).Append(Nl).Append(Nl);
        return sb.ToString();
    }

    private static string ReplyLine(ReplyItem item) => item switch
    {
        ReplyItem.Ambiguous a =>
            $"- This comment has {a.Lines.Count} `/vote` lines ({QuotedLines(a.Lines)}), so none of them was counted. Please edit it to keep one vote, or post a new comment with one.",
        ReplyItem.Malformed { Problem: CommandProblem.UnknownVoteValue } m =>
            $"- {Quoted(m.Line)} is not a vote I understand. Write `/vote +1` (or `yes`, `approve`), `/vote 0` (or `abstain`), or `/vote -1` followed by your concerns (or `no`, `reject`).",
        ReplyItem.Malformed { Problem: CommandProblem.BadDuration } m =>
            $"- {Quoted(m.Line)} needs a duration such as `7d`, `36h` or `1d12h` (at most 365d). TSC members may extend the current phase.",
        ReplyItem.Malformed { Problem: CommandProblem.BadNominee } m =>
            $"- {Quoted(m.Line)} needs the nominee's GitHub login, like `/governance nominate octocat`: one login, nothing after it.",
        ReplyItem.Malformed m =>
            $"- {Quoted(m.Line)} is not a command I know. The `/governance` commands are `extend <duration>`, `cancel`, `nominate <login>`, `accept`, `decline` and `help`.",
        ReplyItem.VoteTooEarly e =>
            $"- {Quoted(e.Line)} was not counted: the discussion period is still running. Voting opens on {TimeText.Utc(e.VotingOpens)}; please vote again then.",
        ReplyItem.VoteAfterClose l when l.Outcome == Phase.Cancelled =>
            $"- {Quoted(l.Line)} was not counted: this process was cancelled on {TimeText.Utc(l.ClosedAt)}.",
        ReplyItem.VoteAfterClose l =>
            $"- {Quoted(l.Line)} was not counted: the vote closed on {TimeText.Utc(l.ClosedAt)} and its result is final.",
        ReplyItem.MissingConcerns m =>
            $"- {Quoted(m.Line)} was not counted: a -1 must state specific concerns that could change your vote if addressed. Please edit this comment to add them after `/vote -1`, or on the lines below it.",
        ReplyItem.NotAllowed { Verb: "extend" } n =>
            $"- {Quoted(n.Line)} was not applied: only TSC members may extend a phase.",
        ReplyItem.NotAllowed { Verb: "nominate" } n =>
            $"- {Quoted(n.Line)} was not applied: only the issue's author and TSC members may name the nominee.",
        ReplyItem.NotAllowed n =>
            $"- {Quoted(n.Line)} was not applied: only TSC members and the issue's author may cancel the process.",
        ReplyItem.NoNomination or ReplyItem.NotTheNominee or ReplyItem.NominationSettled or ReplyItem.BeforeAcceptance => NominationReplyLine(item),
        ReplyItem.NothingRunning n =>
            $"- {Quoted(n.Line)} was not applied: no process is running on this issue now (the last one was {Outcome(n.Phase)}).",
        _ => "",
    };

    private static string Quoted(string line) => "“" + MarkdownText.Inline(line) + "”";
}
