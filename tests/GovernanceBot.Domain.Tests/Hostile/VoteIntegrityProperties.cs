using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Hostile;

/// <summary>Issue 8, vote integrity as a property: nothing written by anyone outside the TSC, bots included, moves the binding result.</summary>
[Trait("Category", "Hostile")]
public sealed class VoteIntegrityProperties
{
    private static readonly string[] Tsc = ["alice", "bob", "carol", "dave", "erin"];

    /// <summary>The TSC's own votes: alice, bob and carol +1, dave -1; erin has not voted, so the vote runs to its deadline.</summary>
    private static IssueStory TscVotes()
    {
        var story = new IssueStory(Tsc).Label(0);
        story.BotRunsAt(0);
        story.BotRunsAt(14);
        story.Comment(15, "alice", "/vote +1").Comment(15.1, "bob", "/vote +1").Comment(15.2, "carol", "/vote +1")
            .Comment(15.3, "dave", "/vote -1 the migration guide is missing");
        story.BotRunsAt(15.5);
        return story;
    }

    /// <summary>The bot's real status comment of another issue whose round with the same key was rejected.</summary>
    private static readonly string RejectedStatus = RejectedElsewhere();

    private static string RejectedElsewhere()
    {
        var story = new IssueStory(Tsc).Label(0);
        story.BotRunsAt(14);
        foreach (var member in Tsc) story.Comment(15, member, "/vote -1 no");
        story.BotRunsAt(16);
        return story.BotComments.First(c => c.Body.Contains(Markers.Status, StringComparison.Ordinal)).Body;
    }

    private static Arbitrary<(string Author, bool IsBot, string Body, byte Hours)[]> Intruders() =>
        (from author in Gen.Elements("mallory", "governance-bot", "a\u0301lice", "аlice", "renovate[bot]", "governance-bot-evil[bot]", "alice")
         from isBot in Gen.Elements(false, true)
         from body in Gen.OneOf(
             Gen.Elements(
                 "/vote +1", "/vote -1 no", "/vote 0", "/governance cancel", "/governance extend 30d", RejectedStatus,
                 Markers.Status + "\n" + Markers.ExtractStateBlock(RejectedStatus), "／vote -1 x", "> /vote -1 x", "```\n/vote -1 x\n```"),
             ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))
         from hours in ArbMap.Default.GeneratorFor<byte>()
         select (author, isBot, body, hours))
        .ArrayOf()
        .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Nothing_an_outsider_or_a_bot_writes_changes_the_TSCs_result() =>
        Prop.ForAll(Intruders(), intruders =>
        {
            var story = TscVotes();
            var facts = story.FactsAt(IssueStory.Day(22));
            var id = 50_000L;
            // "alice" as an intruder is only ever a bot account here: the TSC member alice is not an intruder.
            var extra = intruders
                .Where(i => i.Author != "alice" || i.IsBot)
                .Select(i =>
                {
                    var at = IssueStory.Day(14) + TimeSpan.FromHours(i.Hours % 200);
                    return new CommentFact(++id, i.Author, i.IsBot, i.Body, at, at, $"https://github.com/o/r/issues/1#issuecomment-{id}");
                });
            var expected = Governance.Decide(facts);
            var actual = Governance.Decide(facts with { Comments = [.. facts.Comments, .. extra] });

            return actual.Outcome == expected.Outcome && actual.Tally == expected.Tally && actual.PhaseLabels.SequenceEqual(expected.PhaseLabels);
        });
}
