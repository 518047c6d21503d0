using GovernanceBot.Simulation;

namespace GovernanceBot.Tests.Simulation;

/// <summary>The scenario files for the counting settings (issue 11): decided after min_voting, min_approvals, start_by.</summary>
public sealed class CountingScenarioTests
{
    private static async Task<SimulationResult> Run(string file) =>
        await Simulator.RunAsync(ScenarioReader.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scenarios", file))));

    private static IEnumerable<string> BotTexts(SimulationResult r) => r.Comments.Where(c => c.AuthorIsBot).Select(c => c.Body);

    private static TimeSpan DecidedAt(SimulationResult r, string outcome) =>
        Assert.Single(r.Events, e => e.BotChanges.Any(c => c.Contains($"governance/{outcome}", StringComparison.Ordinal))).Offset;

    [Fact]
    public async Task Decided_closes_the_settled_vote_once_min_voting_has_passed_not_at_the_deadline()
    {
        var result = await Run("decided-after-min-voting.yml");

        Assert.Equal("approved", result.Outcome);
        Assert.Equal((4, 0, 0), (result.Tally!.Plus, result.Tally.Zero, result.Tally.Minus));
        Assert.Equal(TimeSpan.FromDays(16), DecidedAt(result, "approved"));
        Assert.Contains(BotTexts(result), b => b.Contains("early, because the result could no longer change: it stays approved even if the 1 TSC member who has not voted votes -1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Min_approvals_rejects_a_vote_the_share_alone_would_approve()
    {
        var result = await Run("min-approvals-rejects.yml");

        Assert.Equal("rejected", result.Outcome);
        Assert.Equal((2, 1, 0), (result.Tally!.Plus, result.Tally.Zero, result.Tally.Minus));
        Assert.Contains("governance/rejected", result.Labels);
        Assert.Contains(BotTexts(result), b => b.Contains("Rejected because `min_approvals` asks for at least 3 +1 votes and there were 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_by_tsc_refuses_an_outsiders_label_once_and_a_members_label_starts_the_process()
    {
        var result = await Run("start-by-tsc.yml");

        var refusals = BotTexts(result).Where(b => b.Contains("only a TSC member can start the RFC process", StringComparison.Ordinal)).ToList();
        var refusal = Assert.Single(refusals);
        Assert.Contains("@zoe", refusal);
        Assert.Contains("label applied by alice", result.StatusComment);
        Assert.Equal("approved", result.Outcome);
        Assert.Equal(TimeSpan.FromDays(16) + TimeSpan.FromHours(4), DecidedAt(result, "approved"));
    }
}
