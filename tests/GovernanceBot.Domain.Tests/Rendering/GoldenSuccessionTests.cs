using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Rendering;

/// <summary>The succession texts (design section 9), word for word.</summary>
public sealed class GoldenSuccessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private static readonly SuccessionSettings Settings = new(TimeSpan.FromDays(90), TimeSpan.FromDays(180), "my-org", "governance");

    private static readonly MemberActivity[] Members =
    [
        new("alice", Now.AddDays(-2), "https://github.com/my-org/app/issues/7", 4, 5),
        new("bob", Now.AddDays(-100), "https://github.com/my-org/app/pull/3", 0, 5),
        new("carol", null, null, 0, 0),
    ];

    [Fact]
    public void Activity_issue_table() => Golden.Verify("succession-activity", Texts.ActivityIssueBody(Members, Settings, Now));

    [Fact]
    public void Contact_comment() => Golden.Verify("succession-contact", Texts.ContactComment(Members[1], Settings, Now));

    [Fact]
    public void Review_issue() =>
        Golden.Verify("succession-review", Texts.ReviewIssueBody(Members[1] with { LastActivity = Now.AddDays(-200) }, Settings, "https://github.com/my-org/governance/issues/1", Now));

    [Fact]
    public void Check_lists_emeritus_and_succession() =>
        Golden.Verify("check-succession", CheckReport.Text(
            ConfigParser.Parse("tsc:\n  members: [alice, bob]\n  emeritus: [carol]\nsuccession:\n  contact_after: 60d\n  report: my-org/governance\n", ".github/governance.yml"),
            tscSize: null), ".txt");

    [Fact]
    public void Markers_differ_by_member_and_spell()
    {
        Assert.NotEqual(Texts.ContactMarker("bob", Now), Texts.ContactMarker("bob", Now.AddDays(1)));
        Assert.Equal(Texts.ContactMarker("Bob", Now), Texts.ContactMarker("bob", Now));
        Assert.NotEqual(Texts.ContactMarker("bob", Now), Texts.ReviewMarker("bob", Now));
    }
}
