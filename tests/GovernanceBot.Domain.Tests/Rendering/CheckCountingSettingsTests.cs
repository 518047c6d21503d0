using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Rendering;

/// <summary><c>check</c> prints the counting settings of each label (design section 9).</summary>
public sealed class CheckCountingSettingsTests
{
    private const string Counting = """
        tsc: { members: [alice, bob, carol, dave, erin] }
        processes:
          rfc: { close_early: decided, min_voting: 48h, min_approvals: 3, start_by: tsc }
          release-plan: { quorum: 4, close_early: never }
        """;

    [Fact]
    public void Check_prints_close_early_min_voting_min_approvals_start_by_and_a_quorum_of_members() =>
        Golden.Verify("check-counting", CheckReport.Text(ConfigParser.Parse(Counting, ".github/governance.yml"), tscSize: null), ".txt");

    [Fact]
    public void Check_as_json_names_each_counting_setting()
    {
        var json = CheckReport.JsonReport(ConfigParser.Parse(Counting, ".github/governance.yml"), tscSize: null);
        Assert.Contains("\"closeEarly\": \"decided\"", json);
        Assert.Contains("\"minVoting\": \"2d\"", json);
        Assert.Contains("\"minApprovals\": 3", json);
        Assert.Contains("\"startBy\": \"tsc\"", json);
        Assert.Contains("\"quorum\": \"4\"", json);
    }
}
