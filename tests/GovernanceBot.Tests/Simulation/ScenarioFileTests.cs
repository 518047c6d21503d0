using System.Text.Json;
using GovernanceBot.Simulation;

namespace GovernanceBot.Tests.Simulation;

/// <summary>The scenario files under <c>Scenarios/</c>, run through the real reconciler and in-memory GitHub.</summary>
public sealed class ScenarioFileTests
{
    private static async Task<(Scenario Scenario, SimulationResult Result)> Run(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scenarios", file));
        var scenario = ScenarioReader.Parse(text);
        return (scenario, await Simulator.RunAsync(scenario));
    }

    private static IEnumerable<string> BotTexts(SimulationResult r) => r.Comments.Where(c => c.AuthorIsBot).Select(c => c.Body);

    [Theory]
    [InlineData("approved.yml", "approved", 2, 0, 0)]
    [InlineData("rejected.yml", "rejected", 1, 0, 2)]
    [InlineData("no-quorum.yml", "no-quorum", 2, 0, 0)]
    [InlineData("early-close.yml", "approved", 2, 1, 0)]
    [InlineData("vote-changed.yml", "approved", 3, 0, 0)]
    [InlineData("minus-one-without-concerns.yml", "no-quorum", 1, 0, 0)]
    [InlineData("vote-during-discussion.yml", "no-quorum", 0, 0, 0)]
    [InlineData("late-vote.yml", "approved", 2, 0, 0)]
    [InlineData("extension.yml", "approved", 2, 0, 0)]
    [InlineData("cancel-by-label-removal.yml", "cancelled", 1, 0, 0)]
    [InlineData("unauthorised-extend.yml", "approved", 2, 0, 0)]
    [InlineData("invalid-config-then-fixed.yml", "approved", 2, 0, 0)]
    [InlineData("two-votes-in-one-comment.yml", "no-quorum", 1, 0, 0)]
    [InlineData("commands-in-code-and-quotes.yml", "no-quorum", 1, 0, 0)]
    [InlineData("concern-with-team-mention.yml", "rejected", 1, 0, 1)]
    [InlineData("team-tsc.yml", "approved", 2, 0, 0)]
    [InlineData("relabel-new-round.yml", "approved", 3, 0, 0)]
    [InlineData("yaml-anchors-and-merge.yml", "approved", 3, 0, 0)]
    [InlineData("vote-edited-by-admin.yml", "approved", 2, 0, 0)]
    public async Task Each_scenario_ends_with_the_expected_outcome_and_tally(string file, string outcome, int plus, int zero, int minus)
    {
        var (_, result) = await Run(file);

        Assert.Equal(outcome, result.Outcome);
        Assert.NotNull(result.Tally);
        Assert.Equal((plus, zero, minus), (result.Tally.Plus, result.Tally.Zero, result.Tally.Minus));
        Assert.Single(result.Labels, l => l.StartsWith("governance/", StringComparison.Ordinal));
        Assert.Contains($"governance/{outcome}", result.Labels);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public async Task An_admins_edit_of_a_vote_is_flagged_and_not_counted_as_written()
    {
        var (scenario, result) = await Run("vote-edited-by-admin.yml");

        Assert.Equal("admin", Assert.IsType<StepAction.Edit>(scenario.Steps[^1].Action).As);
        Assert.Contains("was edited by admin, not by alice; counted as alice last wrote it.", result.StatusComment);
        Assert.DoesNotContain("Forged concerns", result.StatusComment);
    }

    [Fact]
    public async Task Cancel_by_command_refuses_an_outsider_then_accepts_the_author()
    {
        var (_, result) = await Run("cancel-by-command.yml");

        Assert.Equal("cancelled", result.Outcome);
        Assert.Contains(BotTexts(result), b => b.Contains("@zoe", StringComparison.Ordinal) && b.Contains("only TSC members and the issue's author may cancel", StringComparison.Ordinal));
        Assert.Contains("dana cancelled it with `/governance cancel`", result.StatusComment);
        Assert.Equal(["rfc", "governance/cancelled"], result.Labels);
    }

    [Fact]
    public async Task An_early_close_happens_when_the_last_TSC_member_votes_not_at_the_deadline()
    {
        var (_, result) = await Run("early-close.yml");

        var decided = Assert.Single(result.Events, e => e.BotChanges.Any(c => c.Contains("governance/approved", StringComparison.Ordinal)));
        Assert.Equal(TimeSpan.FromDays(14) + TimeSpan.FromHours(3), decided.Offset);
    }

    [Fact]
    public async Task A_vote_during_the_discussion_is_answered_once_per_comment_and_not_counted()
    {
        var (_, result) = await Run("vote-during-discussion.yml");

        Assert.Equal(2, BotTexts(result).Count(b => b.Contains("the discussion period is still running", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_late_vote_gets_a_reply_and_changes_nothing()
    {
        var (_, result) = await Run("late-vote.yml");

        Assert.Contains(BotTexts(result), b => b.Contains("@carol", StringComparison.Ordinal) && b.Contains("the vote closed on", StringComparison.Ordinal));
        Assert.Single(BotTexts(result), b => b.Contains("**Approved.**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extensions_move_the_deadlines_and_are_recorded()
    {
        var (_, result) = await Run("extension.yml");

        // Discussion 14d + 7d: bob's vote at day 15 was early, his vote at day 21 counts.
        Assert.Contains(BotTexts(result), b => b.Contains("@bob", StringComparison.Ordinal) && b.Contains("Voting opens on 2026-01-26 09:00 UTC", StringComparison.Ordinal));
        Assert.Contains("alice extended the discussion by 7d", result.StatusComment);
        // carol, a TSC member, extends the vote by 36h: it closes at 21d + 7d + 36h, not at 28d.
        Assert.Contains("carol extended the vote by 1d12h", result.StatusComment);
        var decided = Assert.Single(result.Events, e => e.BotChanges.Any(c => c.Contains("governance/approved", StringComparison.Ordinal)));
        Assert.Equal(TimeSpan.FromDays(29.5), decided.Offset);
    }

    [Fact]
    public async Task An_outsider_cannot_extend_the_discussion()
    {
        var (_, result) = await Run("unauthorised-extend.yml");

        Assert.Contains(BotTexts(result), b => b.Contains("@zoe", StringComparison.Ordinal) && b.Contains("only TSC members may extend a phase", StringComparison.Ordinal));
        Assert.DoesNotContain("extended the discussion", result.StatusComment);
    }

    [Fact]
    public async Task An_invalid_config_pauses_with_the_line_and_the_process_resumes_once_fixed()
    {
        var (_, result) = await Run("invalid-config-then-fixed.yml");

        var paused = result.Events.Where(e => e.Outcome == "invalid-config").ToList();
        Assert.NotEmpty(paused);
        Assert.All(paused, e => Assert.DoesNotContain(e.BotChanges, c => c.StartsWith("added label", StringComparison.Ordinal)));
        Assert.Equal("approved", result.Outcome);
    }

    [Fact]
    public async Task Two_votes_in_one_comment_are_explained()
    {
        var (_, result) = await Run("two-votes-in-one-comment.yml");

        Assert.Contains(BotTexts(result), b => b.Contains("@alice", StringComparison.Ordinal) && b.Contains("2 `/vote` lines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commands_in_code_blocks_quotes_html_comments_and_inline_code_are_ignored()
    {
        var (_, result) = await Run("commands-in-code-and-quotes.yml");

        Assert.Equal(1, result.Tally!.Cast);
        Assert.DoesNotContain(BotTexts(result), b => b.Contains("@alice", StringComparison.Ordinal) && b.Contains("reply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quoted_concern_that_mentions_a_team_pings_nobody()
    {
        var (_, result) = await Run("concern-with-team-mention.yml");

        var concerns = result.StatusComment!;
        Assert.Contains("@&#8203;acme/security-team", concerns);
        Assert.Contains("@&#8203;mallory", concerns);
        foreach (var body in BotTexts(result))
        {
            Assert.DoesNotContain("@acme/", body);
            Assert.DoesNotContain("@mallory", body);
        }

        // The forged marker inside the concern stays text: the status comment has exactly one real state block.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(concerns, "<!-- governance-bot:state "));
    }

    [Fact]
    public async Task A_new_round_after_a_cancellation_keeps_the_history_and_closing_an_approved_issue_changes_nothing()
    {
        var (_, result) = await Run("relabel-new-round.yml");

        Assert.Contains("Round 1, started 2026-01-05 09:00 UTC: cancelled", result.StatusComment);
        Assert.Equal("approved", result.Outcome);
    }

    [Fact]
    public async Task The_bundled_sample_ends_approved()
    {
        var scenario = ScenarioReader.Parse(SimulateCommand.Sample());
        var result = await Simulator.RunAsync(scenario);

        Assert.Equal("approved", result.Outcome);
        Assert.Equal((3, 1, 0), (result.Tally!.Plus, result.Tally.Zero, result.Tally.Minus));
    }

    [Fact]
    public async Task Simulate_json_prints_one_object_with_outcome_labels_tally_and_comments()
    {
        var stdout = new StringWriter();
        var code = await SimulateCommand.RunAsync([Path.Combine(AppContext.BaseDirectory, "Scenarios", "rejected.yml"), "--json"], stdout, new StringWriter());

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout.ToString());
        var root = json.RootElement;
        Assert.Equal("rejected", root.GetProperty("outcome").GetString());
        Assert.Contains("governance/rejected", root.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var tally = root.GetProperty("tally");
        Assert.Equal(5, tally.GetProperty("electorate").GetInt32());
        Assert.Equal(1, tally.GetProperty("plus").GetInt32());
        Assert.Equal(2, tally.GetProperty("minus").GetInt32());
        Assert.Equal(3, tally.GetProperty("quorum").GetInt32());
        Assert.True(tally.GetProperty("quorumMet").GetBoolean());
        Assert.False(tally.GetProperty("approved").GetBoolean());
        Assert.Contains(root.GetProperty("comments").EnumerateArray(), c => c.GetProperty("author").GetString() == "bob");
    }

    [Theory]
    [InlineData("steps:\n  - { at: 0d, by: dana, label: rfc, colour: red }\n", "line 2", "`colour` is not a field")]
    [InlineData("stepz: []\n", "line 1", "`stepz` is not a field")]
    [InlineData("steps:\n  - { at: soon, by: dana, label: rfc }\n", "line 2", "is not a time")]
    [InlineData("steps: [ { at: 0d, by: dana }\n", "line", "")]
    [InlineData("steps:\n  - { at: 0d, by: dana, label: rfc, comment: hi }\n", "line 2", "exactly one action")]
    [InlineData("steps:\n  - &s { at: 0d, by: dana, label: rfc }\n  - { <<: *s, by: erin, by: zoe }\n", "line 3, column 25", "The key \"by\" appears twice")]
    [InlineData("steps:\n  - *first\n", "line 2, column 5", "The alias *first refers to no anchor")]
    public async Task A_bad_scenario_fails_with_a_clear_message_and_exit_code_2(string text, string where, string what)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, text);
        var stderr = new StringWriter();

        var code = await SimulateCommand.RunAsync([file], new StringWriter(), stderr);

        Assert.Equal(2, code);
        Assert.Contains(where, stderr.ToString());
        Assert.Contains(what, stderr.ToString());
        File.Delete(file);
    }

    [Fact]
    public async Task A_missing_scenario_file_is_exit_code_2()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await SimulateCommand.RunAsync(["/no/such/file.yml"], new StringWriter(), stderr));
        Assert.Contains("there is no file", stderr.ToString());
    }
}
