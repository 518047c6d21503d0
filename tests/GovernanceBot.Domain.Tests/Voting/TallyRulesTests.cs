using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Tests.Voting;

/// <summary>Design section 1, as tables: quorum <c>2 * cast > N</c>, approval <c>3 * plus >= 2 * cast</c> (or of +1/-1 only).</summary>
public sealed class TallyRulesTests
{
    private static readonly VotingRules Counted = VotingRules.Default;
    private static readonly VotingRules Ignored = VotingRules.Default with { Abstentions = AbstentionMode.Ignore };

    // The design's worked table: the smallest quorum and the +1 votes needed at that quorum, N = 1..9.
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 2)]
    [InlineData(3, 2, 2)]
    [InlineData(4, 3, 2)]
    [InlineData(5, 3, 2)]
    [InlineData(6, 4, 3)]
    [InlineData(7, 4, 3)]
    [InlineData(8, 5, 4)]
    [InlineData(9, 5, 4)]
    public void The_smallest_winning_vote_at_exact_quorum_matches_the_design_table(int n, int quorum, int plusNeeded)
    {
        var atQuorumAllPlus = Tally.Count(plus: quorum, zero: 0, minus: 0, n, Counted);
        Assert.Equal(quorum, atQuorumAllPlus.QuorumNeeded);
        Assert.True(atQuorumAllPlus.QuorumMet);

        var winning = Tally.Count(plus: plusNeeded, zero: quorum - plusNeeded, minus: 0, n, Counted);
        Assert.True(winning.Approved);
        Assert.Equal(plusNeeded, winning.PlusNeeded);

        if (plusNeeded > 1)
        {
            var oneShort = Tally.Count(plus: plusNeeded - 1, zero: quorum - plusNeeded + 1, minus: 0, n, Counted);
            Assert.True(oneShort.QuorumMet);
            Assert.False(oneShort.Approved);
            Assert.Equal(Outcome.Rejected, oneShort.Verdict);
        }
    }

    public static TheoryData<int> Sizes() => [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Quorum_is_met_exactly_when_more_than_half_of_the_TSC_voted(int n)
    {
        for (var cast = 0; cast <= n; cast++)
        {
            var tally = Tally.Count(plus: cast, zero: 0, minus: 0, n, Counted);
            Assert.Equal(2 * cast > n, tally.QuorumMet);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Approval_with_abstentions_counted_is_three_plus_at_least_two_cast(int n)
    {
        foreach (var (plus, zero, minus) in Splits(n))
        {
            var tally = Tally.Count(plus, zero, minus, n, Counted);
            var cast = plus + zero + minus;
            Assert.Equal(plus > 0 && 3 * plus >= 2 * cast, tally.ApprovalMet);
            Assert.Equal(2 * cast > n && plus > 0 && 3 * plus >= 2 * cast, tally.Approved);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Approval_with_abstentions_ignored_is_three_plus_at_least_two_plus_and_minus(int n)
    {
        foreach (var (plus, zero, minus) in Splits(n))
        {
            var tally = Tally.Count(plus, zero, minus, n, Ignored);
            Assert.Equal(plus > 0 && 3 * plus >= 2 * (plus + minus), tally.ApprovalMet);
            Assert.Equal(2 * (plus + zero + minus) > n, tally.QuorumMet);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void All_minus_one_is_rejected_once_quorum_is_met(int n)
    {
        var tally = Tally.Count(0, 0, n, n, Counted);
        Assert.Equal(Outcome.Rejected, tally.Verdict);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void All_abstaining_is_rejected_in_both_modes(int n)
    {
        Assert.Equal(Outcome.Rejected, Tally.Count(0, n, 0, n, Counted).Verdict);
        Assert.Equal(Outcome.Rejected, Tally.Count(0, n, 0, n, Ignored).Verdict);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Nobody_voting_is_no_quorum(int n)
    {
        var tally = Tally.Count(0, 0, 0, n, Counted);
        Assert.Equal(Outcome.NoQuorum, tally.Verdict);
        Assert.False(tally.Approved);
    }

    [Theory]
    [InlineData(2, 1, 0, true)] // 2 of 3 is exactly 2/3
    [InlineData(4, 2, 0, true)] // 4 of 6
    [InlineData(3, 2, 0, false)] // 3 of 5 is below 2/3
    [InlineData(6, 2, 1, true)] // 6 of 9
    [InlineData(5, 2, 1, false)] // 5 of 8
    public void The_two_thirds_boundary_is_exact(int plus, int minus, int zero, bool approved)
    {
        var n = plus + minus + zero;
        Assert.Equal(approved, Tally.Count(plus, zero, minus, n, Counted).Approved);
    }

    [Fact]
    public void Abstentions_can_sink_a_vote_when_counted_but_not_when_ignored()
    {
        // 2 × +1, 1 × -1, 2 × 0 of 5: counted 2/5 < 2/3; ignored 2/3 = 2/3.
        Assert.False(Tally.Count(2, 2, 1, 5, Counted).Approved);
        Assert.True(Tally.Count(2, 2, 1, 5, Ignored).Approved);
    }

    [Theory]
    [InlineData(5, 0, 0, 0, 3, 3)] // nobody voted: 3 votes for quorum, and 3 × +1 would do it
    [InlineData(5, 1, 0, 1, 1, 1)] // 1 × +1, 1 × -1: one more +1 makes quorum and 2 of 3
    [InlineData(5, 2, 0, 0, 1, 1)]
    [InlineData(5, 3, 0, 0, 0, 0)] // approved now
    public void Still_needed_counts_votes_for_quorum_and_plus_ones_to_approve(int n, int plus, int zero, int minus, int forQuorum, int morePlus)
    {
        var tally = Tally.Count(plus, zero, minus, n, Counted);
        var missing = Tally.Missing(tally, Counted);
        Assert.Equal(forQuorum, missing.MoreVotesForQuorum);
        Assert.Equal(morePlus, missing.MorePlusToApprove);
    }

    [Fact]
    public void Still_needed_says_when_no_number_of_further_plus_ones_can_approve()
    {
        // 3 of 5 voted -1: even two more +1 give 2 of 5.
        var tally = Tally.Count(0, 0, 3, 5, Counted);
        Assert.Null(Tally.Missing(tally, Counted).MorePlusToApprove);
    }

    [Fact]
    public void More_votes_than_members_is_a_bug_not_a_result()
    {
        Assert.Throws<ArgumentException>(() => Tally.Count(3, 0, 0, 2, Counted));
    }

    [Theory]
    [InlineData("3/4", 4, 3, 1, true)]
    [InlineData("3/4", 4, 2, 2, false)]
    [InlineData("1/1", 3, 3, 0, true)]
    [InlineData("1/1", 3, 2, 1, false)]
    public void Other_approval_fractions_are_exact_too(string fraction, int n, int plus, int minus, bool approved)
    {
        Assert.True(Fraction.TryParse(fraction, out var share));
        var rules = Counted with { Approval = share };
        Assert.Equal(approved, Tally.Count(plus, 0, minus, n, rules).Approved);
    }

    private static IEnumerable<(int Plus, int Zero, int Minus)> Splits(int n)
    {
        for (var plus = 0; plus <= n; plus++)
        {
            for (var zero = 0; plus + zero <= n; zero++)
            {
                for (var minus = 0; plus + zero + minus <= n; minus++)
                {
                    yield return (plus, zero, minus);
                }
            }
        }
    }
}
