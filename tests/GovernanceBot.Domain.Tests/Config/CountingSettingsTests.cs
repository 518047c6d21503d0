using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Tests.Config;

/// <summary>The counting settings of design section 9: close_early, min_voting, quorum as a number, min_approvals, start_by.</summary>
public sealed class CountingSettingsTests
{
    [Theory]
    [InlineData("all-voted", EarlyClose.AllVoted)]
    [InlineData("true", EarlyClose.AllVoted)]
    [InlineData("TRUE", EarlyClose.AllVoted)]
    [InlineData("decided", EarlyClose.Decided)]
    [InlineData("never", EarlyClose.Never)]
    [InlineData("false", EarlyClose.Never)]
    public void Close_early_takes_all_voted_decided_or_never_and_true_and_false_still_mean_all_voted_and_never(string written, EarlyClose expected) =>
        Assert.Equal(expected, Rules($"voting: {{ close_early: {written} }}").CloseEarly);

    [Fact]
    public void Without_the_new_settings_the_rules_are_the_defaults() =>
        Assert.Equal(VotingRules.Default, Rules("voting: { quorum: majority }"));

    [Fact]
    public void Min_voting_is_a_duration_and_min_approvals_a_number()
    {
        var rules = Rules("voting: { close_early: decided, min_voting: 48h, min_approvals: 3 }");
        Assert.Equal((EarlyClose.Decided, TimeSpan.FromHours(48), 3), (rules.CloseEarly, rules.MinVoting, rules.MinApprovals));
    }

    [Theory]
    [InlineData("majority", null, 3)]
    [InlineData("2/3", null, 4)]
    [InlineData("3", 3, 3)]
    [InlineData("5", 5, 5)]
    public void A_quorum_is_a_share_of_the_tsc_or_a_number_of_members(string written, int? members, int neededOfFive)
    {
        var quorum = Rules($"voting: {{ quorum: {written} }}").Quorum;
        Assert.Equal(members, quorum.Members);
        Assert.Equal(neededOfFive, quorum.VotesNeeded(5));
        Assert.Equal(written, quorum.Setting);
    }

    [Fact]
    public void A_quorum_of_members_is_met_by_that_many_votes_whatever_the_tsc_size()
    {
        var quorum = QuorumRule.AtLeast(3);
        Assert.False(quorum.IsMet(2, 3));
        Assert.True(quorum.IsMet(3, 9));
        Assert.False(quorum.IsMet(2, 2));
    }

    [Theory]
    [InlineData("", StartBy.Anyone)]
    [InlineData(", start_by: anyone", StartBy.Anyone)]
    [InlineData(", start_by: tsc", StartBy.Tsc)]
    [InlineData(", start_by: TSC", StartBy.Tsc)]
    public void Start_by_says_who_may_start_a_process(string setting, StartBy expected)
    {
        var policy = Valid($"processes:\n  rfc: {{ voting: 7d{setting} }}");
        Assert.Equal(expected, policy.ProfileFor("rfc")!.StartBy);
    }

    [Fact]
    public void A_profile_overrides_the_global_counting_settings()
    {
        var policy = Valid("""
            processes:
              rfc:
              release-plan: { close_early: never, min_approvals: 2 }
            voting:
              close_early: decided
              min_voting: 2d
              min_approvals: 4
              quorum: 3
            """);
        var rfc = policy.ProfileFor("rfc")!.Rules;
        var plan = policy.ProfileFor("release-plan")!.Rules;
        Assert.Equal((EarlyClose.Decided, TimeSpan.FromDays(2), 4, 3), (rfc.CloseEarly, rfc.MinVoting, rfc.MinApprovals, rfc.Quorum.Members));
        Assert.Equal((EarlyClose.Never, TimeSpan.FromDays(2), 2, 3), (plan.CloseEarly, plan.MinVoting, plan.MinApprovals, plan.Quorum.Members));
    }

    private static VotingRules Rules(string text) => Valid(text).Processes[0].Rules;

    private static GovernancePolicy Valid(string text) =>
        Assert.IsType<ConfigResult.Valid>(ConfigParser.Parse(text, "test")).Policy;
}
