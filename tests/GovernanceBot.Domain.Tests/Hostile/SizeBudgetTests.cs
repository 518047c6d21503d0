using System.Text;
using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;
using Xunit.Abstractions;

namespace GovernanceBot.Domain.Tests.Hostile;

/// <summary>Every body the bot writes fits GitHub's limit whatever people write (issue 8, defect 1).</summary>
[Trait("Category", "Hostile")]
public sealed class SizeBudgetTests(ITestOutputHelper output)
{
    /// <summary>Mixed scripts, an emoji, markup and things that ping or link: about 3 UTF-8 bytes a character.</summary>
    private const string Pattern = "Это решение ломает совместимость. 这会破坏兼容性。😀 <b>&amp; @alice @org/team #12 --> </details> ";

    internal static string Repeat(string pattern, int length)
    {
        var sb = new StringBuilder(length + pattern.Length);
        while (sb.Length < length) sb.Append(pattern);
        var cut = char.IsHighSurrogate(sb[length - 1]) ? length - 1 : length;
        return sb.ToString(0, cut);
    }

    private static void AssertEveryBodyFits(Decision decision)
    {
        if (decision.StatusComment is { } status) Assert.InRange(GitHubLimits.Size(status), 1, GitHubLimits.StatusBudget);
        foreach (var c in decision.Comments) Assert.InRange(GitHubLimits.Size(c.Body), 1, GitHubLimits.CommentBody);
    }

    [Fact]
    public void At_the_worst_case_the_status_fits_and_the_decision_reads_back_from_the_state_block()
    {
        var tsc = Enumerable.Range(1, 15).Select(i => $"member{i:00}").ToArray();
        var story = new IssueStory(tsc).Label(0);
        foreach (var (member, i) in tsc.Select((m, i) => (m, i)))
        {
            story.Comment(14.1 + (i * 0.01), member, "/vote -1 " + Repeat($"{member}: " + Pattern, 65_000));
        }

        string[] choices = ["/vote +1", "/vote 0", "/vote -1 " + Repeat(Pattern, 2_000)];
        for (var i = 0; i < 1_000; i++) story.Comment(14.05 + (i * 0.0001), $"outsider{i:0000}", choices[i % 3]);

        var decided = story.BotRunsAt(22);
        var status = decided.StatusComment!;
        output.WriteLine($"worst-case status comment: {GitHubLimits.Size(status)} UTF-8 bytes, {status.Length} UTF-16 characters; state block {GitHubLimits.Size(Markers.ExtractStateBlock(status)!)} bytes");

        Assert.Equal("rejected", decided.Outcome);
        AssertEveryBodyFits(decided);
        Assert.True(GitHubLimits.Size(status) < GitHubLimits.CommentBody);

        var record = Assert.Single(StateBlock.Read(status)).Value;
        Assert.Equal(Phase.Rejected, record.Outcome);
        Assert.Equal(tsc, record.Electorate);
        Assert.Equal(15, record.Ballots.Count(b => b.Binding && b.Choice == VoteChoice.Reject));
        Assert.Equal(new VoteCounts(334, 333, 333), record.NonBinding);

        var again = story.BotRunsAt(23);
        Assert.Equal("rejected", again.Outcome);
        Assert.Equal(status, again.StatusComment);

        // Read back, not recomputed: with every binding vote deleted, the recorded outcome stands.
        foreach (var id in story.Comments.Where(c => tsc.Contains(c.Author)).Select(c => c.Id).ToList()) story.Delete(id);
        Assert.Equal("rejected", story.BotRunsAt(23.5).Outcome);
    }

    [Fact]
    public void A_long_Cyrillic_comment_from_outside_the_TSC_leaves_the_state_block_small()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(14.5, "alice", "/vote +1")
            .Comment(14.6, "zoe", "/vote -1 " + Repeat("Это предложение ломает обратную совместимость. ", 13_000))
            .Comment(15, "bob", "/vote +1");
        var decision = story.BotRunsAt(22);

        AssertEveryBodyFits(decision);
        var block = Markers.ExtractStateBlock(decision.StatusComment!)!;
        Assert.InRange(GitHubLimits.Size(block), 1, 2_000);
        Assert.Equal(new VoteCounts(0, 0, 1), StateBlock.Read(block).Single().Value.NonBinding);
    }

    [Fact]
    public void The_state_block_keeps_other_scripts_as_written_but_escapes_what_could_end_the_comment_or_mention_anyone()
    {
        var story = new IssueStory("alice").Label(0).Comment(14.5, "alice", "/vote -1 Нет --> <b> & @bob");
        var block = Markers.ExtractStateBlock(story.BotRunsAt(15).StatusComment!)!;

        Assert.Contains("Нет", block, StringComparison.Ordinal);
        var json = block[StateBlock.Prefix.Length..^StateBlock.Suffix.Length];
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
        Assert.Equal("Нет --> <b> & @bob", StateBlock.Read(block).Single().Value.Ballots.Single().Concerns);
    }

    [Fact]
    public void Long_concerns_keep_their_start_and_a_digest_and_read_back_in_full_while_the_comment_is_unchanged()
    {
        var concerns = Repeat("Слишком рано. ", 500);
        var story = new IssueStory("alice").Label(0);
        story.CommentAt(IssueStory.Day(14.5), "alice", "/vote -1 " + concerns, out var id);
        var status = story.BotRunsAt(15).StatusComment!;

        var kept = StateBlock.Read(status).Single().Value;
        Assert.Equal(concerns[..StateBlock.ConcernsKept] + "…", kept.Ballots.Single().Concerns);
        Assert.Equal(StateBlock.Digest(concerns), kept.ConcernDigests[id]);
        Assert.Equal(status, story.BotRunsAt(16).StatusComment);

        story.Edit(id, 17, "/vote -1 something else");
        var afterEdit = story.BotRunsAt(17).StatusComment!;
        Assert.Contains("> " + concerns[..StateBlock.ConcernsKept].TrimEnd() + "…", afterEdit, StringComparison.Ordinal);
        Assert.Equal("rejected", story.BotRunsAt(18).Outcome);
    }

    [Fact]
    public void A_version_1_state_block_with_every_ballot_in_full_is_still_read()
    {
        const string V1 = """<!-- governance-bot:state {"v":1,"rounds":[{"key":"rfc\u004020260302T100000Z","electorate":["alice","bob","carol"],"outcome":"rejected","closedAt":"2026-03-23T10:00:00+00:00","reason":"Deadline","discussionEnds":"2026-03-16T10:00:00+00:00","votingEnds":"2026-03-23T10:00:00+00:00","tally":[1,0,1],"votes":[{"login":"alice","vote":"\u002B1","at":"2026-03-16T22:00:00+00:00","comment":102,"url":"https://github.com/o/r/issues/1#issuecomment-102","binding":true},{"login":"bob","vote":"-1","at":"2026-03-17T10:00:00+00:00","comment":103,"url":"https://github.com/o/r/issues/1#issuecomment-103","binding":true,"concerns":"Not now."},{"login":"zoe","vote":"0","at":"2026-03-17T11:00:00+00:00","comment":104,"url":"https://github.com/o/r/issues/1#issuecomment-104","binding":false}],"rules":{"quorum":"1/2","approval":"2/3","abstentions":"count"}}]} -->""";
        var record = StateBlock.Read(V1).Single().Value;

        Assert.Equal(Phase.Rejected, record.Outcome);
        Assert.Equal(["alice", "bob", "zoe"], record.Ballots.Select(b => b.Voter));
        Assert.Equal("Not now.", record.Ballots[1].Concerns);
        Assert.False(record.Ballots[2].Binding);
        Assert.Null(record.NonBinding);
        Assert.Equal(Domain.Config.EarlyClose.AllVoted, record.Rules!.CloseEarly);
        Assert.Equal(1, record.TallyUnder(GovernanceBot.Domain.Config.VotingRules.Default)!.Minus);
    }

    [Fact]
    public void A_reply_to_five_hundred_refused_lines_quotes_five_and_counts_the_rest()
    {
        var story = new IssueStory().Label(0).Comment(15, "zoe", string.Join("\n", Enumerable.Repeat("/vote maybe " + Repeat(Pattern, 150), 500)));
        var decision = story.BotRunsAt(15.01);

        AssertEveryBodyFits(decision);
        var reply = Assert.Single(decision.Comments, c => c.Key.StartsWith("reply:", StringComparison.Ordinal)).Body;
        Assert.Contains("and 495 more", reply, StringComparison.Ordinal);
    }
}
