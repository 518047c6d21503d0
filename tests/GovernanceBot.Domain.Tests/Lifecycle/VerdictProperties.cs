using FsCheck.Xunit;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>Properties of the verdict over generated votes (design section 1 and 3).</summary>
public sealed class VerdictProperties
{
    private static readonly string[] Logins = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan"];
    private static readonly string[] Outsiders = ["zoe", "yuri", "xena"];
    private static readonly string[] Bodies = ["/vote +1", "/vote 0", "/vote -1 A concern that could be addressed.", "/vote -1", "/vote maybe", "just a comment"];

    /// <summary>A story with a TSC of 1..9 and votes generated from <paramref name="raw"/>: (voter, body, minutes into voting).</summary>
    private static IssueStory Story(byte size, byte[] raw, bool outsiders = true)
    {
        var tsc = Logins[..(size % 9 + 1)];
        var story = new IssueStory(tsc).Label(0);
        var voters = outsiders ? [.. tsc, .. Outsiders] : tsc;
        for (var i = 0; i + 2 < raw.Length; i += 3)
        {
            var at = IssueStory.Day(14) + TimeSpan.FromMinutes(raw[i + 2] * 37);
            story.CommentAt(at, voters[raw[i] % voters.Length], Bodies[raw[i + 1] % Bodies.Length], out _);
        }

        return story;
    }

    private static readonly DateTimeOffset AfterDeadline = IssueStory.Day(22);

    [Property(MaxTest = 300)]
    public bool The_verdict_never_depends_on_the_order_comments_arrive_in(byte size, byte[] raw, int seed)
    {
        var facts = Story(size, raw).FactsAt(AfterDeadline);
        // Every order comes from FsCheck's inputs (the seed is one of them), so a failure replays from the printed seed.
        var reversed = facts with { Comments = [.. facts.Comments.AsEnumerable().Reverse()] };
        var rng = new Random(seed);
        var reordered = facts with { Comments = [.. facts.Comments.OrderBy(_ => rng.Next())] };

        var expected = Governance.Decide(facts);
        return new[] { reversed, reordered }.Select(Governance.Decide).All(d =>
            d.Outcome == expected.Outcome && d.Tally == expected.Tally && d.StatusComment == expected.StatusComment);
    }

    [Property(MaxTest = 300)]
    public bool Adding_a_plus_one_never_turns_approved_into_rejected(byte size, byte[] raw, byte who)
    {
        var story = Story(size, raw);
        var before = Governance.Decide(story.FactsAt(AfterDeadline));

        var voter = story.Tsc[who % story.Tsc.Count];
        story.CommentAt(IssueStory.Day(20.9), voter, "/vote +1", out _);
        var after = Governance.Decide(story.FactsAt(AfterDeadline));

        return before.Outcome != "approved" || after.Outcome == "approved";
    }

    [Property(MaxTest = 300)]
    public bool A_vote_from_outside_the_TSC_never_changes_the_binding_outcome(byte size, byte[] raw, byte body, byte minutes)
    {
        var story = Story(size, raw, outsiders: false);
        var before = Governance.Decide(story.FactsAt(AfterDeadline));

        story.CommentAt(IssueStory.Day(14) + TimeSpan.FromMinutes(minutes * 37), "zoe", Bodies[body % Bodies.Length], out _);
        var after = Governance.Decide(story.FactsAt(AfterDeadline));

        return before.Outcome == after.Outcome && before.Tally == after.Tally;
    }

    [Property(MaxTest = 200)]
    public bool The_binding_tally_never_has_more_votes_than_the_electorate(byte size, byte[] raw)
    {
        var decision = Governance.Decide(Story(size, raw).FactsAt(AfterDeadline));
        return decision.Tally is { } t && t.Cast <= t.Electorate && t.Plus >= 0;
    }
}
