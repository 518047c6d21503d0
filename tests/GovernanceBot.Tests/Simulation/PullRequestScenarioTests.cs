using System.Text.Json;
using GovernanceBot.GitHub;
using GovernanceBot.Simulation;

namespace GovernanceBot.Tests.Simulation;

/// <summary>The pull-request scenario files under <c>Scenarios/pr-*.yml</c>: the governance check after each step, and at the end.</summary>
public sealed class PullRequestScenarioTests
{
    private static async Task<(Scenario Scenario, SimulationResult Result)> Run(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scenarios", file));
        var scenario = ScenarioReader.Parse(text);
        return (scenario, await Simulator.RunAsync(scenario));
    }

    private static (CheckRunStatus, CheckRunConclusion?) Shown(CheckRunSnapshot? check) => (check!.Shown.Status, check.Shown.Conclusion);

    [Theory]
    [InlineData("pr-approved.yml", "approved", CheckRunConclusion.Success, "Approved: 3 of 3 voted, quorum 2, 2 of 3 +1")]
    [InlineData("pr-rejected.yml", "rejected", CheckRunConclusion.Failure, "Rejected: 3 of 5 voted, quorum 3, 1 of 3 +1")]
    [InlineData("pr-push-during-voting.yml", "approved", CheckRunConclusion.Success, "Approved: 3 of 3 voted, quorum 2, 3 of 3 +1")]
    [InlineData("pr-restart.yml", "approved", CheckRunConclusion.Success, "Approved: 3 of 3 voted, quorum 2, 3 of 3 +1")]
    [InlineData("pr-required-path.yml", "approved", CheckRunConclusion.Success, "Approved: 3 of 3 voted, quorum 2, 3 of 3 +1")]
    [InlineData("pr-merged-before-decision.yml", "cancelled", CheckRunConclusion.Failure, "Cancelled: the pull request was merged by erin before the vote was decided")]
    public async Task Each_pull_request_scenario_ends_with_the_check_its_outcome_calls_for(string file, string outcome, CheckRunConclusion conclusion, string title)
    {
        var (_, result) = await Run(file);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal((CheckRunStatus.Completed, conclusion), Shown(result.Check));
        Assert.Equal(title, result.Check!.Shown.Title);
        Assert.Contains($"governance/{outcome}", result.Labels);
    }

    [Fact]
    public async Task Every_step_of_a_pull_request_shows_the_check_on_the_head_in_the_printed_log()
    {
        var (scenario, result) = await Run("pr-approved.yml");
        var text = SimulationPrinter.Text(scenario, result);

        Assert.All(result.Events, e => Assert.NotNull(e.Check));
        Assert.Contains("in_progress — Discussion: voting opens 2026-01-19 09:00 UTC\n", text, StringComparison.Ordinal);
        Assert.Contains("completed, success — Approved: 3 of 3 voted, quorum 2, 2 of 3 +1\n", text, StringComparison.Ordinal);
        Assert.Contains("── Comments on the pull request ──", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(SimulationPrinter.Json(result));
        Assert.Equal("success", json.RootElement.GetProperty("check").GetProperty("conclusion").GetString());
        Assert.All(json.RootElement.GetProperty("steps").EnumerateArray(), s => Assert.Equal(JsonValueKind.Object, s.GetProperty("check").ValueKind));
    }

    [Fact]
    public async Task A_push_moves_the_check_to_the_new_head_at_once_and_lists_the_commits()
    {
        var (_, result) = await Run("pr-push-during-voting.yml");

        var push = Assert.Single(result.Events, e => e.What.Contains("pushes 3 commits", StringComparison.Ordinal));
        var before = result.Events[result.Events.ToList().IndexOf(push) - 1];
        Assert.NotEqual(before.Check!.HeadSha, push.Check!.HeadSha);
        Assert.Contains(push.BotChanges, c => c.StartsWith("created the governance check", StringComparison.Ordinal) && c.Contains(push.Check.HeadSha[..7], StringComparison.Ordinal));
        Assert.Contains("3 commits pushed after voting opened", push.Check.Shown.Summary, StringComparison.Ordinal);
        Assert.Contains("3 commits pushed after voting opened", result.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_path_fails_the_check_before_the_label_and_the_first_round_of_a_restart_does_not_count()
    {
        var (_, required) = await Run("pr-required-path.yml");
        var (_, restarted) = await Run("pr-restart.yml");

        Assert.Equal((CheckRunStatus.Completed, CheckRunConclusion.Failure), Shown(required.Events[0].Check));
        Assert.Equal("Vote needed: governance-amendment", required.Events[0].Check!.Shown.Title);
        Assert.DoesNotContain(required.Events[0].BotChanges, c => c.Contains("comment", StringComparison.Ordinal));
        Assert.Contains(restarted.Comments, c => c.AuthorIsBot && c.Body.Contains("**A new round started**", StringComparison.Ordinal));
        Assert.Equal(3, restarted.Tally!.Plus);
    }

    [Theory]
    [InlineData("issue: { title: T, author: dana }\nsteps:\n  - { at: 1d, by: dana, push: 2 }\n", "line 3: only a pull request can be pushed to or merged; add `pull_request: true` to `issue`")]
    [InlineData("issue: { title: T, author: dana, pull_request: true }\nsteps:\n  - { at: 1d, by: dana, push: 0 }\n", "line 3: `push` takes the number of commits pushed (1 to 250), or `true` for one")]
    [InlineData("issue: { title: T, author: dana, files: [a.md] }\nsteps:\n  - { at: 1d, by: dana, label: rfc }\n", "line 1: `issue.files` are the paths a pull request changes; add `pull_request: true`")]
    [InlineData("issue: { title: T, author: dana, pull_request: true }\nsteps:\n  - { at: 1d, by: dana, label: rfc, files: [a.md] }\n", "line 3: `files: [...]` goes with `push: N` (the paths the commits change)")]
    public void Pull_request_steps_that_make_no_sense_are_errors_with_their_line(string text, string error)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioReader.Parse(text));

        Assert.Equal(error, e.Message);
    }
}
