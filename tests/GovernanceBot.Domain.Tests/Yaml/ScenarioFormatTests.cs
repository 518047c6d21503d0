using GovernanceBot.Domain.Yaml;
using static GovernanceBot.Domain.Tests.Yaml.YamlShape;

namespace GovernanceBot.Domain.Tests.Yaml;

/// <summary>The scenario file of design section 7 is the richest YAML the bot reads: a document nested in a block scalar.</summary>
public class ScenarioFormatTests
{
    // Verbatim from DESIGN.md section 7.
    private const string DesignExample = """
        config: |                      # the repository's .github/governance.yml
          tsc: { members: [alice, bob, carol] }
        teams: { tsc: [alice, bob] }   # optional: organisation teams, for configs that use `team:`
        issue: { title: "RFC: adopt a release train", author: dana }
        until: 30d                     # optional
        steps:
          - { at: 0d,  by: dana,  label: rfc }
          - { at: 1d,  by: erin,  comment: "Looks good to me" }
          - { at: 15d, by: alice, comment: "/vote +1" }
          - { at: 15d, by: bob,   comment: "/vote -1 The schedule leaves no room for security releases." }
          - { at: 16d, by: carol, comment: "/vote +1" }
          - { at: 16d, by: bob,   edit: 1, comment: "/vote 0" }
        """;

    [Fact]
    public void The_design_example_scenario_parses_into_the_expected_structure()
    {
        var root = Assert.IsType<YamlMapping>(ParseOk(DesignExample));

        Assert.Equal(["config", "teams", "issue", "until", "steps"], root.Entries.Select(e => e.Key.Value));
        Assert.Equal("{tsc: [alice, bob]}", Show(root.Entries[1].Value));
        Assert.Equal("{title: \"RFC: adopt a release train\", author: dana}", Show(root.Entries[2].Value));
        Assert.Equal("30d", Show(root.Entries[3].Value));

        var steps = Assert.IsType<YamlSequence>(root.Entries[4].Value);
        Assert.Equal(
            [
                "{at: 0d, by: dana, label: rfc}",
                "{at: 1d, by: erin, comment: \"Looks good to me\"}",
                "{at: 15d, by: alice, comment: \"/vote +1\"}",
                "{at: 15d, by: bob, comment: \"/vote -1 The schedule leaves no room for security releases.\"}",
                "{at: 16d, by: carol, comment: \"/vote +1\"}",
                "{at: 16d, by: bob, edit: 1, comment: \"/vote 0\"}",
            ],
            steps.Items.Select(Show));
        Assert.Equal([7, 8, 9, 10, 11, 12], steps.Items.Select(s => s.Line));
    }

    [Fact]
    public void The_config_block_is_a_yaml_document_whose_lines_map_back_to_the_scenario_file()
    {
        var root = Assert.IsType<YamlMapping>(ParseOk(DesignExample));
        Assert.True(root.TryGet("config", out var node));
        var config = Assert.IsType<YamlScalar>(node);

        Assert.Equal(YamlScalarStyle.Literal, config.Style);
        Assert.Equal("tsc: { members: [alice, bob, carol] }\n", config.Value);
        Assert.Equal(1, config.Line);
        Assert.Equal(2, config.ContentLine);

        var nested = Assert.IsType<YamlMapping>(ParseOk(config.Value));
        Assert.Equal("{tsc: {members: [alice, bob, carol]}}", Show(nested));
        Assert.Equal(2, config.ContentLine + nested.Line - 1);
    }

    [Fact]
    public void A_multi_line_config_block_keeps_its_comments_and_nesting_for_the_inner_parse()
    {
        const string scenario = """
            config: |
              # the TSC
              tsc:
                members:
                  - alice
                  - bob
              voting: { approval: 3/4 }   # stricter

            steps:
              - at: 0d
                by: dana
                config: |
                  tsc: { team: tsc }
            """;
        var root = Assert.IsType<YamlMapping>(ParseOk(scenario));
        var config = Assert.IsType<YamlScalar>(root.Entries[0].Value);
        Assert.Equal("# the TSC\ntsc:\n  members:\n    - alice\n    - bob\nvoting: { approval: 3/4 }   # stricter\n", config.Value);
        Assert.Equal("{tsc: {members: [alice, bob]}, voting: {approval: 3/4}}", Show(ParseOk(config.Value)));

        var step = Assert.IsType<YamlMapping>(Assert.IsType<YamlSequence>(root.Entries[1].Value).Items[0]);
        Assert.True(step.TryGet("config", out var stepConfig));
        Assert.Equal("{tsc: {team: tsc}}", Show(ParseOk(((YamlScalar)stepConfig).Value)));
        Assert.Equal(13, ((YamlScalar)stepConfig).ContentLine);
    }
}
