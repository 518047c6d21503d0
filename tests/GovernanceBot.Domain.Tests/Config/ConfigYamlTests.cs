using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Tests.Config;

/// <summary>
/// governance.yml is YAML 1.2 as people write it (design section 4): each way of writing the same settings reads into
/// the same policy, and each file that is not a readable document is refused with its key and line.
/// </summary>
public class ConfigYamlTests
{
    private const string Source = ".github/governance.yml";

    /// <summary>The settings every row of <see cref="Each_way_of_writing_yaml_reads_into_the_same_policy"/> writes.</summary>
    private const string Plain = """
        tsc:
          members:
            - alice
            - bob
            - carol
        processes:
          rfc:
            discussion: 10d
            voting: 5d
            approval: 3/4
            close_early: false
          charter:
            discussion: 10d
            voting: 14d
            approval: 3/4
            close_early: false
        """;

    public static TheoryData<string, string> WaysOfWritingIt() => new()
    {
        { "block style", Plain },
        {
            "flow style, the whole file",
            "{ tsc: { members: [alice, bob, carol] }, processes: { rfc: { discussion: 10d, voting: 5d, approval: 3/4, close_early: false },\n"
            + "  charter: { discussion: 10d, voting: 14d, approval: 3/4, close_early: false } } }"
        },
        {
            "anchors and aliases",
            """
            tsc: { members: &tsc [alice, bob, carol] }
            processes:
              rfc: { discussion: &ten 10d, voting: 5d, approval: &share 3/4, close_early: &no false }
              charter: { discussion: *ten, voting: 14d, approval: *share, close_early: *no }
            """
        },
        {
            "a merge key, the profile's own key winning",
            """
            tsc: { members: [alice, bob, carol] }
            processes:
              rfc: &defaults
                discussion: 10d
                voting: 5d
                approval: 3/4
                close_early: false
              charter:
                <<: *defaults
                voting: 14d
            """
        },
        {
            "a merge key after the profile's own key",
            "tsc: { members: [alice, bob, carol] }\nprocesses:\n  rfc: &d { discussion: 10d, voting: 5d, approval: 3/4, close_early: false }\n  charter: { voting: 14d, <<: *d }"
        },
        {
            "a merge of several mappings, the first winning",
            """
            tsc: { members: [alice, bob, carol] }
            processes:
              rfc: &rfc { discussion: 10d, voting: 5d, approval: 3/4, close_early: false }
              charter:
                <<: [{ voting: 14d }, *rfc]
            """
        },
        {
            "!!str, !!bool and ! tags",
            """
            tsc: { members: [!!str alice, ! bob, carol] }
            processes:
              rfc: { discussion: !!str 10d, voting: 5d, approval: !!str 3/4, close_early: !!bool false }
              charter: { discussion: 10d, voting: 14d, approval: 3/4, close_early: false }
            """
        },
        { "%YAML 1.2 and ---", "%YAML 1.2\n---\n" + Plain },
        { "--- and ... around the document, with comments", "--- # governance\n" + Plain + "\n... # end of file\n" },
        {
            "literal and folded block scalars",
            """
            tsc: { members: [alice, bob, carol] }
            processes:
              rfc:
                discussion: |
                  10d
                voting: >-
                  5d
                approval: >
                  3/4
                close_early: false
              charter: { discussion: 10d, voting: 14d, approval: 3/4, close_early: false }
            """
        },
        {
            "double- and single-quoted text wrapped over two lines",
            """
            tsc: { members: ["alice", 'bob', "carol"] }
            processes:
              rfc: { discussion: "1\
                0d", voting: 5d, approval: "3
                / 4", close_early: false }
              charter: { discussion: 10d, voting: 14d, approval: '3 /
                4', close_early: false }
            """
        },
        { "CRLF line endings", Plain.ReplaceLineEndings("\r\n") + "\r\n" },
        { "a byte order mark", "\uFEFF" + Plain },
        { "a tab after - and after a colon", Plain.Replace("    - ", "    -\t", StringComparison.Ordinal).Replace("voting: 5d", "voting:\t5d", StringComparison.Ordinal) },
        { "an explicit ? key", Plain.Replace("  rfc:\n", "  ? rfc\n  :\n", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(WaysOfWritingIt))]
    public void Each_way_of_writing_yaml_reads_into_the_same_policy(string feature, string text)
    {
        var policy = ConfigParser.Parse(text, Source) switch
        {
            ConfigResult.Valid valid => valid.Policy,
            ConfigResult.Invalid invalid => throw new Xunit.Sdk.XunitException($"{feature}: expected a valid config, got:\n{string.Join("\n", invalid.Errors)}"),
            _ => throw new ArgumentOutOfRangeException(nameof(text)),
        };
        Assert.Equal(Describe(Canonical()), Describe(policy));
    }

    [Theory]
    // not YAML at all: the line and column of the mistake, and the key being read there
    [InlineData("voting:\n  quorum: majority\n  approval: 2/3 3/4: x", 3, "voting.approval", "The file is not valid YAML at column 20: A colon followed by a space inside a value reads as a new key")]
    [InlineData("tsc: { members: [alice, bob }", 1, "tsc.members", "The file is not valid YAML at column 29: Expected a comma or ']' here")]
    [InlineData("voting: { quorum: majority\nprocesses: {}", 1, "voting", "The file is not valid YAML at column 9: The '{' here is never closed")]
    [InlineData("tsc:\n  members:\n    - @alice", 3, "tsc.members", "put the value in quotes, like \"@alice\", or leave the @ out.")]
    [InlineData("voting:\n\tquorum: majority", 2, "voting", "indented with a tab")]
    // keys written twice, also around a merge key, where only a merged key may be overridden
    [InlineData("voting:\n  quorum: majority\n  quorum: 2/3", 3, "voting.quorum", "The key \"quorum\" appears twice in this mapping (first on line 2); keep only one.")]
    [InlineData("processes:\n  rfc: &d { voting: 5d }\n  charter:\n    voting: 7d\n    <<: *d\n    voting: 9d", 6, "processes.charter.voting", "appears twice in this mapping (first on line 4)")]
    [InlineData("processes:\n  rfc: &d { voting: 5d }\n  charter:\n    <<: *d\n    <<: *d", 5, "processes.charter", "a second << merge key")]
    // unknown keys, also merged ones, with a suggestion
    [InlineData("voting:\n  closeEarly: false", 2, "voting.closeEarly", "Did you mean close_early?")]
    [InlineData("x: &d { Voting: 5d }", 1, "x", "\"x\" is not a setting at the top of the file")]
    [InlineData("processes:\n  rfc: &d { discussion: 5d }\n  charter: { <<: *d, Discussion: 9d }", 3, "processes.charter.Discussion", "Did you mean discussion?")]
    // YAML 1.1's booleans are not guessed, whatever the tag
    [InlineData("voting:\n  close_early: no", 2, "voting.close_early", "\"no\" is not a way to close early; write all-voted")]
    [InlineData("voting: { close_early: !!bool off }", 1, "voting.close_early", "\"off\" is tagged !!bool but is not a boolean (true or false)")]
    [InlineData("voting: { close_early: 'no' }", 1, "voting.close_early", "(yes, no, on and off are not accepted)")]
    // anchors, aliases and tags that cannot be read
    [InlineData("processes:\n  rfc: *strict", 2, "processes.rfc", "The alias *strict refers to no anchor: mark a value above this line with &strict, or check the spelling.")]
    [InlineData("tsc:\n  members: &m [alice, *m]", 2, "tsc.members", "The alias *m sits inside the value it refers to")]
    [InlineData("tsc: { team: !team tsc }", 1, "tsc.team", "The tag !team is not one the bot reads")]
    [InlineData("processes:\n  rfc: { voting: !!int 5d }", 2, "processes.rfc.voting", "\"5d\" is tagged !!int but is not an integer")]
    // one document per file
    [InlineData("tsc: { team: tsc }\n---\ntsc: { team: other }", 2, "(file)", "This file holds more than one YAML document: a second one starts on this line")]
    public void A_file_that_is_not_one_readable_document_is_refused_with_its_key_and_line(string text, int line, string key, string fragment)
    {
        var invalid = Assert.IsType<ConfigResult.Invalid>(ConfigParser.Parse(text, Source));
        var error = Assert.Single(invalid.Errors);
        Assert.Equal((line, key), (error.Line, error.Key));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_is_refused_quickly_with_its_line()
    {
        var lists = string.Concat(Enumerable.Range(1, 8).Select(i => $"  l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n"));
        var text = "tsc:\n  members: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\nprocesses:\n" + lists;

        var invalid = Assert.IsType<ConfigResult.Invalid>(ConfigParser.Parse(text, Source));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal((7, "processes.l4"), (error.Line, error.Key));
        Assert.Contains("With its aliases expanded, this document would hold more than 100000 values", error.Message, StringComparison.Ordinal);
    }

    private static GovernancePolicy Canonical()
    {
        var rules = VotingRules.Default with { Approval = new Fraction(3, 4), CloseEarly = EarlyClose.Never };
        return new GovernancePolicy(
            new TscSource.Members(["alice", "bob", "carol"]),
            [new ProcessProfile("rfc", TimeSpan.FromDays(10), TimeSpan.FromDays(5), rules), new ProcessProfile("charter", TimeSpan.FromDays(10), TimeSpan.FromDays(14), rules)]);
    }

    /// <summary>The policy in one comparable line: the TSC, then each process in file order.</summary>
    private static string Describe(GovernancePolicy policy)
    {
        var tsc = policy.Tsc switch
        {
            TscSource.Members m => "members " + string.Join(", ", m.Logins),
            TscSource.Team t => "team " + t.Slug,
            _ => "?",
        };
        return tsc + string.Concat(policy.Processes.Select(p => $" | {p.Label}: {Durations.Format(p.Discussion)}/{Durations.Format(p.Voting)} {p.Rules}"));
    }
}
