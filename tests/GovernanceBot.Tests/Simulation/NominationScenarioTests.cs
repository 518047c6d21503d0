using GovernanceBot.Simulation;

namespace GovernanceBot.Tests.Simulation;

/// <summary>The scenario files for nominations (issue 11): a nomination accepted then approved and announced with its outcome only, a nomination never confirmed.</summary>
public sealed class NominationScenarioTests
{
    private static async Task<SimulationResult> Run(string file) =>
        await Simulator.RunAsync(ScenarioReader.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scenarios", file))));

    private static IEnumerable<string> BotTexts(SimulationResult r) => r.Comments.Where(c => c.AuthorIsBot).Select(c => c.Body);

    private static TimeSpan When(SimulationResult r, string label) =>
        Assert.Single(r.Events, e => e.BotChanges.Any(c => c.Contains($"added label {label}", StringComparison.Ordinal))).Offset;

    [Fact]
    public async Task A_nomination_accepted_on_day_3_is_discussed_from_then_and_approved()
    {
        var result = await Run("nomination-accepted.yml");

        Assert.Equal("approved", result.Outcome);
        Assert.Equal(TimeSpan.Zero, When(result, "governance/awaiting-nominee"));
        Assert.Equal(TimeSpan.FromDays(3), When(result, "governance/discussion"));
        Assert.Equal(TimeSpan.FromDays(17), When(result, "governance/voting"));
        var asked = Assert.Single(BotTexts(result), b => b.Contains("nominated you", StringComparison.Ordinal));
        Assert.StartsWith("📨 @frank: dana nominated you", asked[(asked.IndexOf('\n', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal);
        Assert.Single(BotTexts(result), b => b.Contains("only the issue's author and TSC members may name the nominee", StringComparison.Ordinal));
        Assert.Single(BotTexts(result), b => b.Contains("only the nominee, frank, may accept or decline", StringComparison.Ordinal));
        Assert.Contains("frank accepted; the discussion started", result.StatusComment, StringComparison.Ordinal);

        // Announced with its outcome only: no title, no names, no tally.
        var announcement = Assert.Single(result.Announcements);
        Assert.StartsWith("example/community#7: ", announcement, StringComparison.Ordinal);
        Assert.Contains("(Maintainer nomination): **approved** on", announcement, StringComparison.Ordinal);
        foreach (var secret in new[] { "frank", "dana", "alice", "bob", "carol", "×", "voted", "Nominate" }) Assert.DoesNotContain(secret, announcement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nomination_never_confirmed_is_cancelled_at_confirm_within_with_a_comment()
    {
        var result = await Run("nomination-not-confirmed.yml");

        Assert.Equal("cancelled", result.Outcome);
        Assert.Equal(TimeSpan.FromDays(8), When(result, "governance/cancelled"));
        Assert.Single(BotTexts(result), b => b.Contains("🚫 The Maintainer nomination process was cancelled on 2026-01-13 09:00 UTC: the nominee, frank, did not accept within 7d", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Events, e => e.BotChanges.Any(c => c.Contains("governance/discussion", StringComparison.Ordinal)));
        Assert.Contains("bob nominated frank", result.StatusComment, StringComparison.Ordinal);
    }
}
