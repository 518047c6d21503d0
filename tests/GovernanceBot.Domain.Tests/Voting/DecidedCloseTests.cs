using FsCheck.Xunit;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Tests.Voting;

/// <summary>
/// <c>close_early: decided</c> (design section 9): the vote closes exactly when no vote still missing can change the
/// outcome, counted with the same quorum, share, abstentions and <c>min_approvals</c> as the close itself.
/// </summary>
public sealed class DecidedCloseTests
{
    private static readonly string[] Logins = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan"];

    /// <summary>The rule sets the tables are worked for.</summary>
    private static readonly Dictionary<string, VotingRules> RuleSets = new()
    {
        ["default"] = VotingRules.Default with { CloseEarly = EarlyClose.Decided },
        ["abstentions ignored, 3/4"] = VotingRules.Default with { CloseEarly = EarlyClose.Decided, Abstentions = AbstentionMode.Ignore, Approval = new Fraction(3, 4) },
        ["quorum 3 members"] = VotingRules.Default with { CloseEarly = EarlyClose.Decided, Quorum = QuorumRule.AtLeast(3) },
        ["min_approvals 2, quorum 2/3, 1/2"] = VotingRules.Default with { CloseEarly = EarlyClose.Decided, MinApprovals = 2, Quorum = new QuorumRule(new Fraction(2, 3)), Approval = Fraction.Half },
    };

    private static readonly string[] RuleNames = [.. RuleSets.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every TSC size 1..9, every split of cast votes (+1, 0, -1; the rest missing), under each rule set.</summary>
    public static TheoryData<string, int, int, int, int> Splits()
    {
        var data = new TheoryData<string, int, int, int, int>();
        foreach (var rules in RuleSets.Keys)
        {
            for (var n = 1; n <= 9; n++)
            {
                for (var plus = 0; plus <= n; plus++)
                {
                    for (var zero = 0; plus + zero <= n; zero++)
                    {
                        for (var minus = 0; plus + zero + minus <= n; minus++) data.Add(rules, n, plus, zero, minus);
                    }
                }
            }
        }

        return data;
    }

    /// <summary>The reference: the verdict now, and whether every way the missing members could vote (or not) gives it.</summary>
    private static (Outcome Now, bool Settled) BruteForce(int plus, int zero, int minus, int n, VotingRules rules)
    {
        var now = Tally.Count(plus, zero, minus, n, rules).Verdict;
        var missing = n - plus - zero - minus;
        for (var a = 0; a <= missing; a++)
        {
            for (var b = 0; a + b <= missing; b++)
            {
                for (var c = 0; a + b + c <= missing; c++)
                {
                    if (Tally.Count(plus + a, zero + b, minus + c, n, rules).Verdict != now) return (now, false);
                }
            }
        }

        return (now, true);
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void The_vote_closes_exactly_when_no_missing_vote_can_change_the_outcome(string rules, int size, int plus, int zero, int minus)
    {
        var r = RuleSets[rules];
        var (now, settled) = BruteForce(plus, zero, minus, size, r);
        Assert.Equal(settled, Tally.CannotChange(plus, zero, minus, size, r));

        // The same split cast on the first day of the vote, read on the second: closed (with that outcome) or still open.
        var decision = Cast(size, r, plus, zero, minus).BotRunsAt(15.5);
        Assert.Equal(settled ? now.ToPhase().Slug() : "voting", decision.Outcome);
    }

    [Property(MaxTest = 300, Replay = "(20261127,511)")]
    public bool Closing_early_never_gives_another_outcome_than_waiting_for_the_deadline(byte size, byte rules, byte[] cast, byte[] late)
    {
        var n = size % 9 + 1;
        var r = RuleSets[RuleNames[rules % RuleNames.Length]];
        var votes = cast.Take(n).Select(b => b % 4).ToList();

        // Some members vote (choice 3: not yet); read before the deadline under close_early: decided.
        var early = Story(n, r, votes);
        var closed = early.BotRunsAt(15.5);
        if (closed.Outcome == "voting") return true;

        // The same votes, then every member who had not voted votes any way (or not at all), and the vote waits for its deadline.
        var waited = Story(n, r with { CloseEarly = EarlyClose.Never }, votes);
        for (var i = 0; i < n; i++)
        {
            var missing = i >= votes.Count || votes[i] == 3;
            var choice = i < late.Length ? late[i] % 4 : 3;
            if (missing && choice != 3) waited.Comment(17 + i * 0.1, Logins[i], Body(choice));
        }

        return waited.BotRunsAt(22).Outcome == closed.Outcome;
    }

    private static IssueStory Cast(int size, VotingRules rules, int plus, int zero, int minus) =>
        Story(size, rules, [.. Enumerable.Repeat(0, plus), .. Enumerable.Repeat(1, zero), .. Enumerable.Repeat(2, minus)]);

    /// <summary>A TSC of <paramref name="size"/> whose i-th member casts <paramref name="votes"/>[i] (0: +1, 1: 0, 2: -1, 3: nothing) on day 14-15.</summary>
    private static IssueStory Story(int size, VotingRules rules, IReadOnlyList<int> votes)
    {
        var story = new IssueStory(Logins[..size]);
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { Rules = rules })] };
        story.Label(0);
        for (var i = 0; i < votes.Count && i < size; i++)
        {
            if (votes[i] != 3) story.Comment(14.1 + i * 0.1, Logins[i], Body(votes[i]));
        }

        return story;
    }

    private static string Body(int choice) => choice switch
    {
        0 => "/vote +1",
        1 => "/vote 0",
        _ => "/vote -1 A concern that could be addressed.",
    };
}
