using GovernanceBot.Simulation;

namespace GovernanceBot.Tests.Simulation;

/// <summary>A <c>describe:</c> step rewrites the description; after voting opened it is a proposal change.</summary>
public sealed class DescriptionScenarioTests
{
    private const string Flag = "The description was edited after voting opened";

    [Fact]
    public async Task A_description_edited_after_voting_opened_is_flagged_in_the_simulated_status_and_the_vote_goes_on()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scenarios", "description-edited-during-voting.yml"));
        var scenario = ScenarioReader.Parse(text);

        var result = await Simulator.RunAsync(scenario);

        Assert.Equal("approved", result.Outcome);
        Assert.Contains(Flag, result.StatusComment, StringComparison.Ordinal);
        Assert.Contains("(last on ", result.StatusComment, StringComparison.Ordinal);
        var early = Assert.Single(result.Events, e => e.What.Contains("every four weeks", StringComparison.Ordinal));
        Assert.Contains("dana edits the issue's description to", early.What, StringComparison.Ordinal);
    }

    [Fact]
    public void A_describe_step_needs_its_text()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioReader.Parse("issue: { title: T, author: dana }\nsteps:\n  - { at: 0d, by: dana, describe: [a, b] }\n"));

        Assert.Contains("describe", e.Message, StringComparison.Ordinal);
    }
}
