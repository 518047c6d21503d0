using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Tests.Config;

/// <summary><c>tsc.emeritus</c> and <c>succession</c> in the configuration.</summary>
public sealed class SuccessionConfigTests
{
    private static GovernancePolicy Valid(string yaml) =>
        ConfigParser.Parse(yaml, "test") is ConfigResult.Valid v ? v.Policy : throw new Xunit.Sdk.XunitException("expected a valid configuration");

    private static IReadOnlyList<ConfigError> Errors(string yaml) =>
        ConfigParser.Parse(yaml, "test") is ConfigResult.Invalid i ? i.Errors : throw new Xunit.Sdk.XunitException("expected an invalid configuration");

    [Fact]
    public void Succession_takes_the_defaults_when_only_the_report_is_given()
    {
        var s = Valid("succession:\n  report: my-org/governance\n").Succession!;
        Assert.Equal(TimeSpan.FromDays(90), s.ContactAfter);
        Assert.Equal(TimeSpan.FromDays(180), s.ReviewAfter);
        Assert.Equal("my-org/governance", s.Report);
    }

    [Fact]
    public void Succession_reads_both_durations() =>
        Assert.Equal(new SuccessionSettings(TimeSpan.FromDays(60), TimeSpan.FromDays(120), "o", "r"),
            Valid("succession: { contact_after: 60d, review_after: 120d, report: o/r }\n").Succession);

    [Fact]
    public void Without_succession_there_is_none() => Assert.Null(Valid("tsc: { members: [alice] }\n").Succession);

    [Theory]
    [Trait("Category", "Hostile")]
    [InlineData("succession: { contact_after: 90d }\n", "succession.report")]
    [InlineData("succession: { report: not-a-repo }\n", "succession.report")]
    [InlineData("succession: { report: o/r, review_after: 30d }\n", "succession.review_after")]
    [InlineData("succession: { report: o/r, contact_after: 90 }\n", "succession.contact_after")]
    [InlineData("succession: { report: o/r, remind: 1d }\n", "succession.remind")]
    [InlineData("succession: [o/r]\n", "succession")]
    public void A_bad_succession_setting_is_named(string yaml, string key) =>
        Assert.Contains(Errors(yaml), e => e.Key == key);

    [Fact]
    public void Emeritus_members_are_listed_apart()
    {
        var policy = Valid("tsc:\n  members: [alice, bob]\n  emeritus: [Carol]\n");
        Assert.Equal(["Carol"], policy.Emeritus);
        Assert.True(policy.IsEmeritus("carol"));
        Assert.Equal(["alice", "bob"], ((TscSource.Members)policy.Tsc).Logins);
    }

    [Theory]
    [Trait("Category", "Hostile")]
    [InlineData("tsc:\n  members: [alice]\n  emeritus: [alice]\n")]
    [InlineData("tsc:\n  members: [alice]\n  emeritus: [bob, BOB]\n")]
    [InlineData("tsc:\n  members: [alice]\n  emeritus: bob\n")]
    [InlineData("tsc:\n  members: [alice]\n  emeritus: [-bob]\n")]
    public void A_bad_emeritus_list_is_refused(string yaml) =>
        Assert.Contains(Errors(yaml), e => e.Key == "tsc.emeritus");
}
