using System.Text;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Benchmarks;

/// <summary>
/// The facts of one issue for the benchmarks, built the way the domain tests' IssueStory builds them: the trigger
/// label at day 0, comments in time order, decided at a given day. No bot status comment yet (the first run).
/// </summary>
public sealed class Issue
{
    public const string Bot = "governance-bot[bot]";
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Mixed scripts, an emoji, markup and mentions: about 3 UTF-8 bytes a character.</summary>
    public const string Pattern = "Это решение ломает совместимость. 这会破坏兼容性。😀 <b>&amp; @alice @org/team #12 --> </details> ";

    private readonly List<CommentFact> _comments = [];
    private long _id = 100;

    public Issue(int tscSize)
    {
        Tsc = [.. Enumerable.Range(1, tscSize).Select(i => $"member{i:00}")];
        Policy = new GovernancePolicy(new TscSource.Members(Tsc), GovernancePolicy.Default.Processes);
    }

    public IReadOnlyList<string> Tsc { get; }

    public GovernancePolicy Policy { get; }

    public static DateTimeOffset Day(double days) => T0 + TimeSpan.FromDays(days);

    public Issue Comment(double day, string by, string body)
    {
        var at = Day(day);
        var id = ++_id;
        _comments.Add(new CommentFact(id, by, false, body, at, at, $"https://github.com/o/r/issues/1#issuecomment-{id}"));
        return this;
    }

    public IssueFacts FactsAt(double day)
    {
        var now = Day(day);
        return new IssueFacts(
            new IssueSnapshot(1, "RFC: adopt a release train", "dana", true, ["rfc"]),
            [new IssueEvent(1, IssueEventKind.Labeled, "rfc", "dana", T0)],
            [.. _comments.Where(c => c.CreatedAt <= now)],
            Bot,
            new ConfigResult.Valid(Policy, ".github/governance.yml"),
            new TscResult.Resolved(Tsc),
            now);
    }

    /// <summary>
    /// <paramref name="count"/> comments during the vote (days 14–21): every TSC member votes (+1, 0, or -1 with
    /// concerns of a few thousand characters, some changing their mind), the rest are outsiders' votes and plain talk.
    /// </summary>
    public static Issue WithComments(int count, int tscSize = 15)
    {
        var issue = new Issue(tscSize);
        var concerns = Repeat(Pattern, 4_000);
        string[] outsiders = ["/vote +1", "/vote 0", "/vote -1 " + Repeat(Pattern, 500), "I think this needs more discussion.\n\n> quoted /vote +1\n\nThanks!"];
        for (var i = 0; i < count; i++)
        {
            var day = 14.05 + (i * 6.9 / count);
            if (i % 20 == 0)
            {
                var member = issue.Tsc[(i / 20) % tscSize];
                var body = ((i / 20) % 3) switch { 0 => "/vote +1", 1 => "/vote 0", _ => "/vote -1 " + concerns };
                issue.Comment(day, member, body);
            }
            else
            {
                issue.Comment(day, $"outsider{i:0000}", outsiders[i % outsiders.Length]);
            }
        }

        return issue;
    }

    public static string Repeat(string pattern, int length)
    {
        var sb = new StringBuilder(length + pattern.Length);
        while (sb.Length < length) sb.Append(pattern);
        var cut = char.IsHighSurrogate(sb[length - 1]) ? length - 1 : length;
        return sb.ToString(0, cut);
    }
}
