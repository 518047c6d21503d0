using GovernanceBot.Domain.Rendering;
using GovernanceBot.Simulation;

namespace GovernanceBot.Tests.Simulation;

/// <summary>The scenario files for reminders and for what happens once a vote is decided (issue 11).</summary>
public sealed class RecordScenarioTests
{
    private static async Task<SimulationResult> Run(string file) =>
        await Simulator.RunAsync(ScenarioReader.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scenarios", file))));

    private static List<string> Reminders(SimulationResult r) =>
        [.. r.Comments.Where(c => c.AuthorIsBot && Markers.KeyOf(c.Body)?.StartsWith("reminder:", StringComparison.Ordinal) == true).Select(c => c.Body)];

    [Fact]
    public async Task A_reminder_mentions_exactly_the_TSC_members_who_have_not_voted_48_hours_before_the_deadline()
    {
        var result = await Run("reminder-to-non-voters.yml");

        var reminder = Assert.Single(Reminders(result));
        var mentioned = System.Text.RegularExpressions.Regex.Matches(reminder, @"(?<![\w@])@([A-Za-z0-9-]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["carol", "dave", "erin"], mentioned);
        Assert.Contains("2 of 5 voted; 1 more vote reaches quorum; 1 more +1 would approve; 2 days left.", reminder);
        var due = Assert.Single(result.Events, e => e.What == "reminder due");
        Assert.Equal(TimeSpan.FromDays(19), due.Offset);
        Assert.Contains(due.BotChanges, c => c.Contains("reminder 2d before the deadline", StringComparison.Ordinal));
        Assert.Equal("approved", result.Outcome);
    }

    [Fact]
    public async Task No_reminder_when_every_TSC_member_has_voted()
    {
        var result = await Run("no-reminder-when-all-voted.yml");

        Assert.Empty(Reminders(result));
        Assert.DoesNotContain(result.Events, e => e.What == "reminder due");
        Assert.Equal("approved", result.Outcome);
        Assert.Equal(TimeSpan.FromDays(21), result.Events[^1].Offset);
    }

    [Fact]
    public async Task A_decided_issue_is_locked_and_closed_once_and_the_record_says_so()
    {
        var result = await Run("decided-locked-and-closed.yml");

        Assert.Equal("approved", result.Outcome);
        Assert.False(result.IssueOpen);
        Assert.True(result.IssueLocked);
        var record = Assert.Single(result.Comments, c => c.AuthorIsBot && Markers.KeyOf(c.Body)?.StartsWith("recorded:", StringComparison.Ordinal) == true);
        Assert.Contains("this conversation is locked; this issue is closed.", record.Body, StringComparison.Ordinal);
        Assert.Single(result.Events, e => e.BotChanges.Contains("closed the issue"));
        Assert.Single(result.Events, e => e.BotChanges.Contains("locked the issue"));
    }

    [Fact]
    public async Task A_private_vote_is_announced_with_its_outcome_only()
    {
        var result = await Run("announce-outcome-only.yml");

        Assert.Equal("approved", result.Outcome);
        var announcement = Assert.Single(result.Announcements);
        Assert.StartsWith("example/community#7: ", announcement, StringComparison.Ordinal);
        Assert.Contains("[example/project#1](https://github.com/example/project/issues/1) (maintainer-nomination): **approved** on", announcement, StringComparison.Ordinal);
        foreach (var secret in new[] { "zoe", "alice", "bob", "carol", "×", "voted", "reviews", "Nominate" }) Assert.DoesNotContain(secret, announcement, StringComparison.Ordinal);
        Assert.True(result.IssueOpen);
        Assert.Contains(result.Comments, c => c.AuthorIsBot && c.Body.Contains("the outcome is announced on [example/community#7](https://github.com/example/community/issues/7)", StringComparison.Ordinal));
    }
}
