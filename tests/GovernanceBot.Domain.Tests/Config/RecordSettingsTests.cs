using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Config;

/// <summary>The settings for reminders and records (<c>remind</c>, <c>on_decided</c>): parsed, refused, and listed by <c>check</c>.</summary>
public sealed class RecordSettingsTests
{
    private const string Example = """
        tsc: { members: [alice, bob, carol, dave, erin] }
        processes:
          rfc:
            remind: [6h, 3d]
            on_decided:
              announce: my-org/community#12
              lock: true
              close: approved
          maintainer-nomination:
            remind: []
            on_decided: { announce: my-org/community#13, announce_tally: false, close: all }

        """;

    private static ProcessProfile Profile(string text, string label = "rfc") =>
        Assert.IsType<ConfigResult.Valid>(ConfigParser.Parse(text, ".github/governance.yml")).Policy.ProfileFor(label)!;

    private static ConfigError SingleError(string text) =>
        Assert.Single(Assert.IsType<ConfigResult.Invalid>(ConfigParser.Parse(text, ".github/governance.yml")).Errors);

    [Fact]
    public void Remind_defaults_to_48_hours_and_does_nothing_once_decided_by_default()
    {
        var rfc = Profile("tsc: { members: [alice] }\n");

        Assert.Equal([TimeSpan.FromHours(48)], rfc.Remind);
        Assert.True(rfc.OnDecided.IsNothing);
        Assert.Equal(CloseWhen.Never, rfc.OnDecided.Close);
    }

    [Fact]
    public void Remind_lists_offsets_longest_first_and_an_empty_list_disables_reminders()
    {
        Assert.Equal([TimeSpan.FromDays(3), TimeSpan.FromHours(6)], Profile(Example).Remind);
        Assert.Empty(Profile(Example, "maintainer-nomination").Remind);
        Assert.Equal([TimeSpan.FromDays(1)], Profile("processes:\n  rfc: { remind: 1d }\n").Remind);
    }

    [Fact]
    public void On_decided_reads_the_announcement_target_lock_and_close()
    {
        var rfc = Profile(Example).OnDecided;
        Assert.Equal(new OnDecided(new IssueAddress("my-org", "community", 12), true, true, CloseWhen.Approved), rfc);

        var nomination = Profile(Example, "maintainer-nomination").OnDecided;
        Assert.Equal(new OnDecided(new IssueAddress("my-org", "community", 13), false, false, CloseWhen.All), nomination);
    }

    [Theory]
    [InlineData("processes:\n  rfc: { remind: [48h, 2d] }", "processes.rfc.remind", "2d is listed twice")]
    [InlineData("processes:\n  rfc: { remind: [soon] }", "processes.rfc.remind", "\"soon\" is not a duration")]
    [InlineData("processes:\n  rfc: { remind: { a: 1 } }", "processes.rfc.remind", "must be a list of durations")]
    [InlineData("processes:\n  rfc: { on_decided: { announce: community#12 } }", "processes.rfc.on_decided.announce", "write it as OWNER/REPO#N")]
    [InlineData("processes:\n  rfc: { on_decided: { announce: my-org/community#0 } }", "processes.rfc.on_decided.announce", "write it as OWNER/REPO#N")]
    [InlineData("processes:\n  rfc: { on_decided: { lock: yes } }", "processes.rfc.on_decided.lock", "is not true or false")]
    [InlineData("processes:\n  rfc: { on_decided: { close: rejected } }", "processes.rfc.on_decided.close", "write approved (only once approved), all (whatever the outcome) or never")]
    [InlineData("processes:\n  rfc: { on_decided: { announce_tally: false } }", "processes.rfc.on_decided.announce_tally", "there is no announce")]
    [InlineData("processes:\n  rfc: { on_decided: { announce-tally: false } }", "processes.rfc.on_decided.announce-tally", "Did you mean announce_tally?")]
    [InlineData("processes:\n  rfc: { on_decided: [lock] }", "processes.rfc.on_decided", "must be a mapping")]
    public void Each_mistake_is_reported_with_its_key(string text, string key, string fragment)
    {
        var error = SingleError(text);
        Assert.Equal(key, error.Key);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_lists_the_reminders_and_what_happens_once_decided() =>
        Golden.Verify("check-records", CheckReport.Text(ConfigParser.Parse(Example, ".github/governance.yml"), tscSize: null), ".txt");

    [Fact]
    public void Check_as_json_lists_the_reminders_and_what_happens_once_decided()
    {
        var json = CheckReport.JsonReport(ConfigParser.Parse(Example, ".github/governance.yml"), tscSize: null);
        Assert.Contains("\"remind\": [\n        \"3d\",\n        \"6h\"\n      ]", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"announce\": \"my-org/community#13\"", json, StringComparison.Ordinal);
        Assert.Contains("\"announceTally\": false", json, StringComparison.Ordinal);
    }
}
