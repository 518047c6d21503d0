using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Tests.Rendering;

/// <summary><c>check</c>'s report: problems by line, or the rules per label with worked tables from the one tally rule.</summary>
public sealed class CheckReportTests
{
    /// <summary>The example of the README's "Configuration" section.</summary>
    private const string ReadmeExample =
        """
        tsc:
          members: [alice, bob, carol, dave, erin]   # GitHub logins, or:
          # team: tsc                                # an organisation team slug (the App needs Members: read)
        processes:                                   # trigger label -> profile; these two are the defaults
          rfc:                  { discussion: 14d, voting: 7d }
          governance-amendment: { discussion: 14d, voting: 7d }
        voting:
          quorum: majority          # more than half of the TSC must vote; or a fraction p/q: more than p/q
          approval: 2/3             # exact fraction of the votes cast that must be +1
          abstentions: count        # count | ignore: do 0 votes count in the approval denominator
          close_early: true         # close as soon as every TSC member has voted

        """;

    private const string Invalid =
        """
        tsc:
          members: [alice, "-bob"]
        processes:
          rfc: { discussion: 14, voting: 7d }
          security_fix: { voting: soon, abstentions: sometimes }
        voting:
          approval: two thirds
          close_erly: true

        """;

    private const string TeamIgnoring =
        """
        tsc: { team: tsc }
        processes:
          rfc: { discussion: 7d, voting: 5d, abstentions: ignore, close_early: false }

        """;

    /// <summary>The example of the README's "Pull requests" section.</summary>
    private const string PullRequestExample =
        """
        tsc: { members: [alice, bob, carol] }
        processes:
          rfc: { proposal_changes: restart }
          governance-amendment:
        pull_requests:
          require:
            governance-amendment: [GOVERNANCE.md, "docs/governance/**"]

        """;

    private static GovernancePolicy Policy(string text) =>
        Assert.IsType<ConfigResult.Valid>(ConfigParser.Parse(text, ".github/governance.yml")).Policy;

    [Fact]
    public void The_pull_request_settings_are_listed_under_their_label()
    {
        var result = ConfigParser.Parse(PullRequestExample, ".github/governance.yml");

        Golden.Verify("check-pull-requests", CheckReport.Text(result, tscSize: null), ".txt");
        Assert.Contains("\"requiredPaths\": [\n        \"GOVERNANCE.md\",\n        \"docs/governance/**\"", CheckReport.JsonReport(result, tscSize: null), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_example_needs_a_quorum_of_3_and_2_3_4_votes_for_3_4_5_cast()
    {
        var rfc = CheckReport.Work(Policy(ReadmeExample), size: 5)[0];

        Assert.Equal(3, rfc.QuorumVotes);
        Assert.Equal([new WorkedRow(3, 2), new WorkedRow(4, 3), new WorkedRow(5, 4)], rfc.Rows);
    }

    [Fact]
    public void Check_output_for_a_valid_file() =>
        Golden.Verify("check-valid", CheckReport.Text(ConfigParser.Parse(ReadmeExample, ".github/governance.yml"), tscSize: null), ".txt");

    [Fact]
    public void Check_output_for_a_valid_file_as_json() =>
        Golden.Verify("check-valid", CheckReport.JsonReport(ConfigParser.Parse(ReadmeExample, ".github/governance.yml"), tscSize: null), ".json");

    [Fact]
    public void Check_output_for_an_invalid_file() =>
        Golden.Verify("check-invalid", CheckReport.Text(ConfigParser.Parse(Invalid, ".github/governance.yml"), tscSize: null), ".txt");

    [Fact]
    public void Check_output_for_a_team_with_abstentions_ignored_and_a_given_size() =>
        Golden.Verify("check-team-ignore", CheckReport.Text(ConfigParser.Parse(TeamIgnoring, ".github/governance.yml"), tscSize: 6), ".txt");

    [Fact]
    public void Problems_are_listed_in_the_order_of_their_lines()
    {
        var invalid = Assert.IsType<ConfigResult.Invalid>(ConfigParser.Parse(Invalid, ".github/governance.yml"));

        var lines = CheckReport.Sorted(invalid.Errors).Select(e => e.Line ?? 0).ToList();

        Assert.Equal(lines.Order(), lines);
        Assert.True(lines.Count >= 5);
    }

    [Fact]
    public void A_team_without_a_size_gets_no_table_and_is_told_about_tsc_size()
    {
        var text = CheckReport.Text(ConfigParser.Parse(TeamIgnoring, "governance.yml"), tscSize: null);

        Assert.Contains("--tsc-size N", text, StringComparison.Ordinal);
        Assert.DoesNotContain("votes cast", text, StringComparison.Ordinal);
        Assert.All(CheckReport.Work(Policy(TeamIgnoring), size: null), p => Assert.Empty(p.Rows));
    }

    [Fact]
    public void Tsc_size_overrides_the_number_of_listed_members()
    {
        var rfc = CheckReport.Work(Policy(ReadmeExample), CheckReport.TscSize(Policy(ReadmeExample), tscSize: 9))[0];

        Assert.Equal(5, rfc.QuorumVotes);
        Assert.Equal(Enumerable.Range(5, 5), rfc.Rows.Select(r => r.Cast));
    }

    public static TheoryData<string, int> RuleSets() => new()
    {
        { "voting: { quorum: majority, approval: 2/3, abstentions: count }", 9 },
        { "voting: { quorum: 2/3, approval: 1/2, abstentions: count }", 7 },
        { "voting: { quorum: 1/3, approval: 3/4, abstentions: ignore }", 8 },
        { "voting: { approval: 1/1 }", 4 },
        { "voting: { quorum: majority, approval: 2/3 }", 1 },
    };

    // Each row is the tally's own answer: that many +1 votes approve, one fewer does not.
    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Every_row_of_a_worked_table_agrees_with_the_tally(string voting, int size)
    {
        var policy = Policy("tsc: { team: tsc }\n" + voting + "\n");
        var rfc = CheckReport.Work(policy, size)[0];
        var rules = rfc.Profile.Rules;

        Assert.Equal(rules.Quorum.VotesNeeded(size), rfc.QuorumVotes);
        Assert.Equal(size, rfc.Rows[^1].Cast);
        foreach (var row in rfc.Rows)
        {
            var plus = Assert.NotNull(row.PlusNeeded);
            Assert.True(Tally.Count(plus, 0, row.Cast - plus, size, rules).Approved);
            if (plus > 0) Assert.False(Tally.Count(plus - 1, 0, row.Cast - plus + 1, size, rules).Approved);
        }
    }
}
