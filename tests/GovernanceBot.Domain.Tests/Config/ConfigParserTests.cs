using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Tests.Config;

public class ConfigParserTests
{
    private const string Source = ".github/governance.yml";

    // Verbatim from DESIGN.md section 4.
    private const string DesignExample = """
        tsc:
          members: [alice, bob, carol, dave, erin]   # GitHub logins, or:
          # team: tsc                                # an organisation team slug (the App needs Members: read)
        processes:                                   # trigger label -> profile; these two are the defaults
          rfc:                  { discussion: 14d, voting: 7d }
          governance-amendment: { discussion: 14d, voting: 7d }
        voting:
          quorum: majority          # more than half of the TSC must cast a vote
          approval: 2/3             # share of the votes cast that must be +1, exact fraction
          abstentions: count        # count | ignore: do 0 votes count in the approval denominator
          close_early: true         # close as soon as every TSC member has voted
        """;

    private static GovernancePolicy Valid(string? text)
    {
        var result = ConfigParser.Parse(text, Source);
        if (result is ConfigResult.Invalid invalid)
            throw new Xunit.Sdk.XunitException("expected a valid config, got:\n" + string.Join("\n", invalid.Errors));
        var valid = Assert.IsType<ConfigResult.Valid>(result);
        Assert.Equal(Source, valid.Source);
        return valid.Policy;
    }

    private static IReadOnlyList<ConfigError> Errors(string text)
    {
        var invalid = Assert.IsType<ConfigResult.Invalid>(ConfigParser.Parse(text, Source));
        Assert.Equal(Source, invalid.Source);
        Assert.NotEmpty(invalid.Errors);
        return invalid.Errors;
    }

    private static void AssertDefaultProcesses(GovernancePolicy policy, VotingRules rules)
    {
        Assert.Equal(["rfc", "governance-amendment"], policy.Processes.Select(p => p.Label));
        Assert.All(policy.Processes, p =>
        {
            Assert.Equal(TimeSpan.FromDays(14), p.Discussion);
            Assert.Equal(TimeSpan.FromDays(7), p.Voting);
            Assert.Equal(rules, p.Rules);
        });
    }

    [Fact]
    public void The_design_example_parses_into_the_expected_policy()
    {
        var policy = Valid(DesignExample);

        var members = Assert.IsType<TscSource.Members>(policy.Tsc);
        Assert.Equal(["alice", "bob", "carol", "dave", "erin"], members.Logins);
        AssertDefaultProcesses(policy, VotingRules.Default);
    }

    [Fact]
    public void No_file_anywhere_means_the_defaults_with_the_tsc_team()
    {
        var result = Assert.IsType<ConfigResult.Valid>(ConfigParser.Parse(null, "defaults"));
        Assert.Same(GovernancePolicy.Default, result.Policy);
        Assert.Equal("defaults", result.Source);
        Assert.Equal(new TscSource.Team("tsc"), result.Policy.Tsc);
        AssertDefaultProcesses(result.Policy, new VotingRules(QuorumRule.Majority, new Fraction(2, 3), AbstentionMode.Count, EarlyClose.AllVoted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# governance: defaults for now\n")]
    [InlineData("voting:\n")]
    public void An_empty_file_takes_every_default(string text)
    {
        var policy = Valid(text);
        Assert.Equal(TscSource.DefaultTeam, policy.Tsc);
        AssertDefaultProcesses(policy, VotingRules.Default);
    }

    [Theory]
    [InlineData("tsc", "tsc")]
    [InlineData("steering-committee", "steering-committee")]
    [InlineData("my-org/tsc", "tsc")]
    [InlineData("\"@my-org/TSC\"", "tsc")]
    [InlineData("\"core_team\"", "core_team")]
    public void A_team_is_stored_as_its_slug(string written, string slug) =>
        Assert.Equal(new TscSource.Team(slug), Valid($"tsc:\n  team: {written}").Tsc);

    [Fact]
    public void Members_may_be_a_block_list_and_a_leading_at_sign_is_dropped()
    {
        var policy = Valid("tsc:\n  members:\n    - '@alice'\n    - Bob\n    - \"carol-x\"\n");
        Assert.Equal(["alice", "Bob", "carol-x"], Assert.IsType<TscSource.Members>(policy.Tsc).Logins);
    }

    [Fact]
    public void The_global_voting_rules_apply_to_the_default_processes()
    {
        var policy = Valid("voting: { quorum: 2/3, approval: 3/4, abstentions: ignore, close_early: FALSE }");
        AssertDefaultProcesses(policy, new VotingRules(new QuorumRule(new Fraction(2, 3)), new Fraction(3, 4), AbstentionMode.Ignore, EarlyClose.Never));
    }

    [Fact]
    public void A_processes_section_replaces_the_defaults_and_a_profile_overrides_the_global_rules()
    {
        var policy = Valid("""
            tsc: { team: tsc }
            processes:
              rfc: { discussion: 21d, voting: 1w }
              charter-change:
                voting: 14d
                approval: 3/4
                close_early: false
              quick:
            voting:
              abstentions: ignore
            """);

        Assert.Equal(["rfc", "charter-change", "quick"], policy.Processes.Select(p => p.Label));
        var global = VotingRules.Default with { Abstentions = AbstentionMode.Ignore };

        var rfc = policy.ProfileFor("RFC")!;
        Assert.Equal((TimeSpan.FromDays(21), TimeSpan.FromDays(7), global), (rfc.Discussion, rfc.Voting, rfc.Rules));

        var charter = policy.ProfileFor("charter-change")!;
        Assert.Equal(TimeSpan.FromDays(14), charter.Discussion);
        Assert.Equal(TimeSpan.FromDays(14), charter.Voting);
        Assert.Equal(global with { Approval = new Fraction(3, 4), CloseEarly = EarlyClose.Never }, charter.Rules);

        var quick = policy.ProfileFor("quick")!;
        Assert.Equal((TimeSpan.FromDays(14), TimeSpan.FromDays(7), global), (quick.Discussion, quick.Voting, quick.Rules));
        Assert.Null(policy.ProfileFor("governance-amendment"));
    }

    [Theory]
    [InlineData("tsc: { members: [] }", 1, "tsc.members", "The TSC is empty")]
    [InlineData("tsc:\n  members:\n", 2, "tsc.members", "The TSC is empty")]
    [InlineData("tsc:\n", 1, "tsc", "The TSC is empty")]
    [InlineData("tsc: {}", 1, "tsc", "The TSC is empty")]
    [InlineData("tsc:\n  team: tsc\n  members: [a]", 2, "tsc", "tsc sets both members and team; keep only one of them.")]
    [InlineData("tsc: [alice, bob]", 1, "tsc", "Put the list under members")]
    [InlineData("tsc: { members: alice }", 1, "tsc.members", "must be a list of GitHub logins")]
    [InlineData("tsc:\n  members:\n    - alice\n    - -bob", 4, "tsc.members", "\"-bob\" is not a GitHub login")]
    [InlineData("tsc: { members: [al--ice] }", 1, "tsc.members", "not a GitHub login")]
    [InlineData("tsc: { members: [a_b] }", 1, "tsc.members", "not a GitHub login")]
    [InlineData("tsc: { members: [abcdefghijabcdefghijabcdefghijabcdefghij] }", 1, "tsc.members", "not a GitHub login")]
    [InlineData("tsc:\n  members:\n    - alice\n    - Alice", 4, "tsc.members", "Alice is listed twice in tsc.members (also on line 3)")]
    [InlineData("tsc:\n  members:\n    - [alice]", 3, "tsc.members", "this one is a list")]
    [InlineData("tsc: { team: 'my org' }", 1, "tsc.team", "is not a team slug")]
    [InlineData("tsc: { team: org/ }", 1, "tsc.team", "is not a team slug")]
    [InlineData("tsc: { team: }", 1, "tsc.team", "The TSC is empty")]
    [InlineData("tsc: { team: tsc, owner: me }", 1, "tsc.owner", "\"owner\" is not a setting under tsc; the accepted keys are members, team and emeritus.")]
    [InlineData("tsc: { team: tsc }\nvotes: {}", 2, "votes", "\"votes\" is not a setting at the top of the file; the accepted keys are tsc, processes, voting, pull_requests and succession.")]
    [InlineData("voting:\n  close-early: true", 2, "voting.close-early", "Did you mean close_early?")]
    [InlineData("processes:\n  rfc: { discussion: 14d, quorom: majority }", 2, "processes.rfc.quorom", "the accepted keys are discussion, voting, start_by, quorum, approval, abstentions, close_early, min_voting, min_approvals, proposal_changes, remind, on_decided, confirm and confirm_within.")]
    [InlineData("processes:\n  rfc:\n    discussion: 14 days", 3, "processes.rfc.discussion", "\"14 days\" is not a duration; write it like 14d, 36h or 1d12h")]
    [InlineData("processes:\n  rfc: { voting: 0d }", 2, "processes.rfc.voting", "\"0d\" is not a duration")]
    [InlineData("processes:\n  rfc: { voting: 400d }", 2, "processes.rfc.voting", "at most 365d")]
    [InlineData("processes:\n  rfc: { voting: 7 }", 2, "processes.rfc.voting", "\"7\" has no unit; write 7d for days or 7h for hours.")]
    [InlineData("processes:\n  rfc: { voting: [7d] }", 2, "processes.rfc.voting", "must be a single value, not a list")]
    [InlineData("processes:\n  rfc: { voting: }", 2, "processes.rfc.voting", "has no value")]
    [InlineData("processes:\n  rfc: [14d, 7d]", 2, "processes.rfc", "must be a mapping like { discussion: 14d, voting: 7d }, but it is a list.")]
    [InlineData("processes: {}", 1, "processes", "processes lists no process")]
    [InlineData("processes:\n", 1, "processes", "processes lists no process")]
    [InlineData("processes: [rfc]", 1, "processes", "must map each trigger label to its profile")]
    [InlineData("processes:\n  \"a,b\": {}", 2, "processes.a,b", "cannot be a GitHub label")]
    [InlineData("processes:\n  \"\": {}", 2, "processes.", "cannot be a GitHub label")]
    [InlineData("processes:\n  abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijx: {}", 2, "processes.abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijx", "at most 50 characters")]
    [InlineData("processes:\n  \"<!-- governance-bot:status -->\": {}", 2, "processes.<!-- governance-bot:status -->", "hidden markers")]
    [InlineData("processes:\n  governance/voting:", 2, "processes.governance/voting", "labels the bot sets")]
    [InlineData("processes:\n  rfc:\n  RFC:", 3, "processes.RFC", "listed twice under processes (also on line 2)")]
    [InlineData("voting: { quorum: most }", 1, "voting.quorum", "\"most\" is not a quorum; write majority, a fraction like 2/3")]
    [InlineData("voting: { quorum: 1/1 }", 1, "voting.quorum", "no vote could ever reach it")]
    [InlineData("voting: { approval: 0.66 }", 1, "voting.approval", "\"0.66\" is not an approval share; write an exact fraction like 2/3")]
    [InlineData("voting: { approval: 4/3 }", 1, "voting.approval", "not an approval share")]
    [InlineData("voting: { abstentions: skip }", 1, "voting.abstentions", "\"skip\" is not a way to treat abstentions; write count")]
    [InlineData("voting: { close_early: yes }", 1, "voting.close_early", "\"yes\" is not a way to close early; write all-voted")]
    [InlineData("voting: { close_early: \"\" }", 1, "voting.close_early", "is blank")]
    [InlineData("voting: { close_early: sometimes }", 1, "voting.close_early", "decided (once no missing vote can change the outcome)")]
    [InlineData("voting: { min_voting: soon }", 1, "voting.min_voting", "\"soon\" is not a duration; write it like 48h or 2d")]
    [InlineData("voting: { min_approvals: two }", 1, "voting.min_approvals", "\"two\" is not a number of votes")]
    [InlineData("voting: { min_approvals: -1 }", 1, "voting.min_approvals", "is not a number of votes")]
    [InlineData("voting: { quorum: 0 }", 1, "voting.quorum", "A quorum of 0 members cannot be")]
    [InlineData("processes:\n  rfc: { start_by: maintainers }", 2, "processes.rfc.start_by", "\"maintainers\" is not who may start a process; write anyone")]
    [InlineData("voting: [majority]", 1, "voting", "voting must be a mapping of settings")]
    [InlineData("processes:\n  rfc: { approval: 1/0 }", 2, "processes.rfc.approval", "not an approval share")]
    [InlineData("- tsc", 1, "(file)", "The file must hold settings such as tsc:, processes: and voting:")]
    [InlineData("tsc: { members: [alice }", 1, "tsc.members", "The file is not valid YAML at column 24: Expected a comma or ']' here, after the item before it")]
    [InlineData("tsc: { members: [alice\nvoting: {}", 1, "tsc.members", "The file is not valid YAML at column 17: The '[' here is never closed; add the matching ']'.")]
    [InlineData("tsc:\n\tmembers: [alice]", 2, "tsc", "indented with a tab")]
    [InlineData("tsc: { team: tsc }\ntsc: { team: other }", 2, "tsc", "The key \"tsc\" appears twice in this mapping (first on line 1); keep only one.")]
    public void Each_kind_of_mistake_is_reported_with_its_line_and_key(string text, int line, string key, string fragment)
    {
        var error = Assert.Single(Errors(text));
        Assert.Equal(line, error.Line);
        Assert.Equal(key, error.Key);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mistake_in_the_file_is_reported_not_just_the_first()
    {
        var errors = Errors("""
            tsc:
              members: [alice, "bad login"]
            processes:
              rfc: { discussion: soon, voting: 7d }
              governance-amendment: { voting: 7 }
            voting:
              approval: most
              close_early: maybe
            extra: 1
            """);

        Assert.Equal(
            [
                (2, "tsc.members"),
                (4, "processes.rfc.discussion"),
                (5, "processes.governance-amendment.voting"),
                (7, "voting.approval"),
                (8, "voting.close_early"),
                (9, "extra"),
            ],
            errors.Select(e => (e.Line ?? 0, e.Key)).Order());
    }

    [Fact]
    public void Error_messages_are_whole_sentences()
    {
        var errors = Errors("tsc: { members: [] }\nvoting: { quorum: x, approval: y, abstentions: z, close_early: w }\nprocesses: { rfc: { voting: 3 }, 'a,b': }\nnope: 1");
        Assert.All(errors, e =>
        {
            Assert.Contains(" ", e.Message, StringComparison.Ordinal);
            Assert.EndsWith(".", e.Message, StringComparison.Ordinal);
        });
        Assert.Equal(8, errors.Count);
    }

    [Property(Arbitrary = [typeof(Logins)])]
    public bool A_generated_members_list_round_trips_in_flow_and_block_style(Login[] logins, bool atSigns, bool block)
    {
        var unique = logins.DistinctBy(l => l.Value, StringComparer.OrdinalIgnoreCase).Select(l => l.Value).ToArray();
        if (unique.Length == 0) return true;
        var written = unique.Select(l => atSigns ? $"\"@{l}\"" : l).ToArray();
        var text = block
            ? "tsc:\n  members:\n" + string.Concat(written.Select(l => $"    - {l}\n"))
            : $"tsc: {{ members: [{string.Join(", ", written)}] }}";
        return ConfigParser.Parse(text, Source) is ConfigResult.Valid { Policy.Tsc: TscSource.Members members }
            && members.Logins.SequenceEqual(unique, StringComparer.Ordinal);
    }

    [Property(Arbitrary = [typeof(Logins)])]
    public bool A_listed_login_is_accepted_exactly_when_it_is_a_valid_github_login(NonNull<string> candidate)
    {
        var text = candidate.Get.Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal);
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)) return true;
        var trimmed = text.Trim();
        var login = trimmed.StartsWith('@') ? trimmed[1..] : trimmed;
        var result = ConfigParser.Parse($"tsc: {{ members: [\"{text}\"] }}", Source);
        return (result is ConfigResult.Valid) == ConfigParser.IsValidLogin(login);
    }

    public sealed record Login(string Value);

    public static class Logins
    {
        private static readonly char[] Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".ToCharArray();

        public static Arbitrary<Login> Login() =>
            Arb.From(
                from parts in Gen.Elements(Alphanumeric).NonEmptyListOf().Select(cs => new string([.. cs])).NonEmptyListOf()
                let value = string.Join('-', parts)
                where value.Length <= 39
                select new Login(value));
    }
}
