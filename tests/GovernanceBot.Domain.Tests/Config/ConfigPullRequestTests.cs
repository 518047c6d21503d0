using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Tests.Config;

/// <summary>The pull-request settings of governance.yml: a profile's <c>proposal_changes</c> and <c>pull_requests.require</c>.</summary>
public sealed class ConfigPullRequestTests
{
    private const string Source = ".github/governance.yml";

    private static GovernancePolicy Valid(string text) => ConfigParser.Parse(text, Source) switch
    {
        ConfigResult.Valid v => v.Policy,
        ConfigResult.Invalid i => throw new Xunit.Sdk.XunitException(string.Join("\n", i.Errors)),
        _ => throw new InvalidOperationException(),
    };

    private static ConfigError Error(string text) => Assert.Single(Assert.IsType<ConfigResult.Invalid>(ConfigParser.Parse(text, Source)).Errors);

    [Fact]
    public void Proposal_changes_is_flag_unless_a_profile_says_restart()
    {
        var policy = Valid("""
            tsc: { members: [alice] }
            processes:
              rfc: { proposal_changes: restart }
              governance-amendment:
            """);

        Assert.Equal(ProposalChangesMode.Restart, policy.ProfileFor("rfc")!.ProposalChanges);
        Assert.Equal(ProposalChangesMode.Flag, policy.ProfileFor("governance-amendment")!.ProposalChanges);
        Assert.All(GovernancePolicy.Default.Processes, p => Assert.Equal(ProposalChangesMode.Flag, p.ProposalChanges));
    }

    [Fact]
    public void An_unknown_proposal_changes_mode_is_refused()
    {
        var e = Error("""
            tsc: { members: [alice] }
            processes:
              rfc: { proposal_changes: reset }
            """);

        Assert.Equal(("processes.rfc.proposal_changes", 3), (e.Key, e.Line!.Value));
        Assert.Contains("write flag", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pull_requests_require_maps_a_trigger_label_to_path_patterns()
    {
        var policy = Valid("""
            tsc: { members: [alice] }
            pull_requests:
              require:
                governance-amendment: [GOVERNANCE.md, "docs/governance/**"]
                RFC: "rfcs/*.md"
            """);

        Assert.Equal(["governance-amendment", "rfc"], policy.Required.Select(r => r.Label));
        Assert.Equal(["GOVERNANCE.md", "docs/governance/**"], policy.Required[0].Patterns.Select(p => p.Text));
        Assert.Equal(["governance-amendment"], policy.RequiredLabels(["docs/governance/charter.md", "src/x.cs"]));
        Assert.Empty(policy.RequiredLabels(["src/x.cs"]));
    }

    [Fact]
    public void The_readme_example_is_valid()
    {
        // The example of the README's "Pull requests" section, as a reader copies it.
        var policy = Valid("""
            processes:
              rfc:
                proposal_changes: restart   # flag (the default) | restart
              governance-amendment:         # flag: changes are listed, the vote goes on
            pull_requests:
              require:                      # trigger label -> path patterns from the repository root
                governance-amendment: [GOVERNANCE.md, "docs/governance/**", "**/CODEOWNERS"]
            """);

        Assert.Equal(ProposalChangesMode.Restart, policy.ProfileFor("rfc")!.ProposalChanges);
        Assert.Equal(["governance-amendment"], policy.RequiredLabels([".github/CODEOWNERS"]));
        Assert.Empty(policy.RequiredLabels(["docs/GOVERNANCE.md"]));
    }

    [Fact]
    public void Without_pull_requests_nothing_is_required() =>
        Assert.Empty(Valid("tsc: { members: [alice] }").Required);

    [Fact]
    public void A_label_that_is_not_a_trigger_label_is_refused()
    {
        var e = Error("""
            tsc: { members: [alice] }
            pull_requests:
              require:
                charter: [GOVERNANCE.md]
            """);

        Assert.Equal(("pull_requests.require.charter", 4), (e.Key, e.Line!.Value));
        Assert.Contains("not a trigger label", e.Message, StringComparison.Ordinal);
        Assert.Contains("rfc, governance-amendment", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[/GOVERNANCE.md]", "Paths are relative", false)]
    [InlineData("[\"docs/**.md\"]", "whole folder level", false)]
    [InlineData("[]", "lists no path", false)]
    [InlineData("", "lists no path", false)]
    [InlineData("[[a]]", "must be a path pattern", false)]
    public void A_bad_pattern_is_refused_with_its_line(string value, string expected, bool _)
    {
        var e = Error($"""
            tsc: {"{"} members: [alice] {"}"}
            pull_requests:
              require:
                governance-amendment: {value}
            """);

        Assert.Equal(("pull_requests.require.governance-amendment", 4), (e.Key, e.Line!.Value));
        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_misspelt_key_under_pull_requests_is_refused()
    {
        var e = Error("""
            tsc: { members: [alice] }
            pull_requests:
              requires: { rfc: [a.md] }
            """);

        Assert.Equal("pull_requests.requires", e.Key);
        Assert.Contains("the accepted keys are require", e.Message, StringComparison.Ordinal);
    }
}
