using System.Text;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The size budget: whatever people write, every body the bot writes fits <see cref="GitHubLimits.CommentBody"/>.</summary>
public static partial class Texts
{
    /// <summary>Names listed in a sentence before "and N more".</summary>
    private const int ListedNames = 20;

    /// <summary>TSC members named in the timeline's frozen electorate.</summary>
    private const int ListedMembers = 50;

    private const int ListedExtensions = 20;

    private const int ListedRounds = 20;

    /// <summary>Refused lines a reply quotes back before "and N more".</summary>
    public const int ListedLines = 5;

    /// <summary>How much of the status comment is shown: each level shows less, and the first that fits is written.</summary>
    /// <param name="ConcernChars">characters quoted of each -1's concerns; 0 quotes none and links the comment.</param>
    /// <param name="Members">rows of the tally table (and names of the not-yet-voted).</param>
    /// <param name="Help">the collapsed "How to take part" section.</param>
    private sealed record Detail(int ConcernChars, int Members, bool Help);

    private static readonly Detail[] Details =
    [
        new(MarkdownText.QuoteLimit, 200, Help: true),
        new(1_000, 200, Help: true),
        new(500, 200, Help: true),
        new(250, 200, Help: true),
        new(100, 100, Help: true),
        new(0, 50, Help: false),
    ];

    /// <summary>The first rendering, from the most detailed, that leaves room for a replica's claim line under GitHub's limit.</summary>
    private static string WithinBudget(Func<Detail, string> render)
    {
        var body = "";
        foreach (var detail in Details)
        {
            body = render(detail);
            if (GitHubLimits.Size(body) <= GitHubLimits.StatusBudget) return body;
        }

        return body;
    }

    private static void AppendConcerns(StringBuilder sb, Ballot ballot, Detail detail)
    {
        if (detail.ConcernChars == 0)
        {
            sb.Append($"**Concerns of {ballot.Voter}**: not quoted here, to keep this comment within GitHub's size limit; see [the comment]({ballot.Url}).").Append(Nl).Append(Nl);
            return;
        }

        sb.Append($"**Concerns of {ballot.Voter}** ([comment]({ballot.Url})):").Append(Nl);
        sb.Append(MarkdownText.Quote(ballot.Concerns, detail.ConcernChars)).Append(Nl).Append(Nl);
    }

    /// <summary>"a, b, c" or, past <paramref name="shown"/>, "a, b and 998 more".</summary>
    private static string Names(IReadOnlyList<string> names, int shown) =>
        names.Count <= shown ? string.Join(", ", names) : $"{string.Join(", ", names.Take(shown))} and {names.Count - shown} more";

    private static string MoreRows(int n) => $"| and {n} more | | | |";

    private static string MoreRefused(int n) => $"- and {Plural(n, "more command line")} I could not act on, not quoted here.";

    /// <summary>The first <see cref="ListedLines"/> lines, quoted, then how many more.</summary>
    private static string QuotedLines(IReadOnlyList<string> lines) =>
        string.Join(", ", lines.Take(ListedLines).Select(Quoted)) + (lines.Count > ListedLines ? $" and {lines.Count - ListedLines} more" : "");
}
