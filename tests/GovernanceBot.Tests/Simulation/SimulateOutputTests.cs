using System.Text.Json;
using GovernanceBot.Simulation;

namespace GovernanceBot.Tests.Simulation;

/// <summary><c>simulate</c> for a real governance.yml and for people: running tallies, named deadlines, config problems, the status comment as read.</summary>
public sealed class SimulateOutputTests : IDisposable
{
    private const string FiveMembers = "tsc:\n  members: [alice, bob, carol, dave, erin]\nvoting:\n  close_early: false\n";

    private const string Scenario =
        """
        config: |
          tsc: { members: [alice, bob, carol] }
        issue: { title: "RFC: adopt a DCO", author: dana }
        steps:
          - { at: 0d,  by: dana,  label: rfc }
          - { at: 15d, by: alice, comment: "/vote +1" }
          - { at: 15d, by: bob,   comment: "/vote -1 Too much paperwork for drive-by fixes." }
          - { at: 16d, by: zoe,   comment: "/vote +1" }
          - { at: 16d, by: carol, comment: "/vote +1" }

        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("simulate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Simulate(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await SimulateCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_step_log_shows_the_running_tally_after_each_vote()
    {
        var (code, text, _) = await Simulate(File("s.yml", Scenario));

        Assert.Equal(0, code);
        Assert.Contains("alice +1: 1 × +1; 1 of 3 voted, quorum 2\n", text, StringComparison.Ordinal);
        Assert.Contains("bob -1: 1 × +1, 1 × -1; 2 of 3 voted, quorum 2\n", text, StringComparison.Ordinal);
        Assert.Contains("zoe +1 (not binding: not in the TSC): 1 × +1, 1 × -1; 2 of 3 voted, quorum 2\n", text, StringComparison.Ordinal);
        Assert.Contains("carol +1: 2 × +1, 1 × -1; 3 of 3 voted, quorum 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_step_log_names_each_deadline()
    {
        var (_, text, _) = await Simulate(File("s.yml", Scenario), "--config", File("governance.yml", FiveMembers));

        Assert.Matches(@"\+14d 00:00\s+discussion ends\n", text);
        Assert.Matches(@"\+21d 00:00\s+voting ends\n", text);
        Assert.DoesNotMatch(@"\d\d:\d\d\s+deadline\n", text);
    }

    [Fact]
    public async Task Config_replaces_the_scenarios_own_configuration()
    {
        var config = File("governance.yml", FiveMembers);

        var (code, text, _) = await Simulate(File("s.yml", Scenario), "--config", config);
        var (_, json, _) = await Simulate(File("s.yml", Scenario), "--config", config, "--json");

        Assert.Equal(0, code);
        Assert.Contains($"config: {config} is valid", text, StringComparison.Ordinal);
        Assert.Contains("carol +1: 2 × +1, 1 × -1; 3 of 5 voted, quorum 3", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(5, doc.RootElement.GetProperty("tally").GetProperty("electorate").GetInt32());
        Assert.Equal("approved", doc.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_invalid_configuration_is_shown_with_line_key_and_message_at_the_step_where_it_is_read()
    {
        var config = File("governance.yml", "tsc:\n  members: [alice, bob]\nvoting:\n  approval: most\n");

        var (code, text, _) = await Simulate(File("s.yml", Scenario), "--config", config);
        var (_, json, _) = await Simulate(File("s.yml", Scenario), "--config", config, "--json");

        Assert.Equal(0, code);
        var firstStep = text[text.IndexOf("+0d 00:00", StringComparison.Ordinal)..text.IndexOf("+15d 00:00", StringComparison.Ordinal)];
        Assert.Contains($"config: {config} is invalid (1 problem):", firstStep, StringComparison.Ordinal);
        Assert.Contains("line 4, voting.approval: \"most\" is not an approval share", firstStep, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("invalid-config", root.GetProperty("outcome").GetString());
        var problem = Assert.Single(root.GetProperty("configProblems").EnumerateArray());
        Assert.Equal((4, "voting.approval"), (problem.GetProperty("line").GetInt32(), problem.GetProperty("key").GetString()));
        Assert.Contains("is not an approval share", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Single(steps[0].GetProperty("configProblems").EnumerateArray());
    }

    [Fact]
    public async Task A_missing_config_file_is_exit_code_2()
    {
        var (code, _, err) = await Simulate(File("s.yml", Scenario), "--config", Path.Combine(_dir, "nope.yml"));

        Assert.Equal(2, code);
        Assert.Contains("there is no file", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_final_status_comment_is_shown_as_GitHub_shows_it_and_raw_keeps_the_hidden_blocks()
    {
        var scenario = File("s.yml", Scenario);

        var (_, read, _) = await Simulate(scenario);
        var (_, raw, _) = await Simulate(scenario, "--raw");

        Assert.DoesNotContain("<!--", read, StringComparison.Ordinal);
        Assert.Contains("### ✅ RFC: approved", read, StringComparison.Ordinal);
        Assert.Contains("<!-- governance-bot:status -->", raw, StringComparison.Ordinal);
        Assert.Contains("<!-- governance-bot:state ", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_gives_each_comments_time_and_keeps_its_raw_body()
    {
        var (_, json, _) = await Simulate(File("s.yml", Scenario), "--json");

        using var doc = JsonDocument.Parse(json);
        var comments = doc.RootElement.GetProperty("comments").EnumerateArray().ToList();
        var bob = Assert.Single(comments, c => c.GetProperty("author").GetString() == "bob");
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero), bob.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal("+15d 00:00", bob.GetProperty("offset").GetString());
        Assert.Contains(comments, c => c.GetProperty("body").GetString()!.Contains("<!-- governance-bot:", StringComparison.Ordinal));
        Assert.Empty(doc.RootElement.GetProperty("configProblems").EnumerateArray());
    }

    [Theory]
    [InlineData("<!-- governance-bot:status -->\n### Title\ntext\n\n<!-- governance-bot:state {\"v\":1} -->\n", "### Title\ntext")]
    [InlineData("<!-- a --> visible <!-- b -->\nnext", " visible \nnext")]
    [InlineData("no hidden parts\n", "no hidden parts")]
    public void A_comment_as_read_leaves_out_html_comments(string body, string expected) =>
        Assert.Equal(expected, SimulationPrinter.AsRead(body));
}
