using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Hostile;

/// <summary>
/// Issue 8, vote integrity: a vote counts only where a reader sees it as a line of text, never dressed in look-alike
/// characters, and no comment (100 KB, or 1,000 <c>/vote</c> lines) counts more than once, throws or makes the bot
/// write a body GitHub would refuse.
/// </summary>
[Trait("Category", "Hostile")]
public sealed class HiddenVoteTests
{
    /// <summary>GitHub refuses a comment body over this many characters.</summary>
    private const int GitHubBodyLimit = 65_536;

    /// <summary>The default TSC of five, voting open from day 14; <paramref name="body"/> is alice's comment on day 15.</summary>
    private static (IssueStory Story, Decision Decision) AliceWrites(string body)
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(0);
        story.BotRunsAt(14);
        story.Comment(15, "alice", body);
        return (story, story.BotRunsAt(15.5));
    }

    private static IEnumerable<OutgoingComment> Replies(Decision decision) =>
        decision.Comments.Where(c => c.Key.StartsWith("reply:", StringComparison.Ordinal));

    private static void AssertEveryBodyFits(IssueStory story, Decision decision)
    {
        Assert.True(decision.StatusComment!.Length < GitHubBodyLimit, $"status comment of {decision.StatusComment.Length} characters");
        Assert.All(decision.Comments, c => Assert.True(c.Body.Length < GitHubBodyLimit, $"{c.Why}: {c.Body.Length} characters"));
        Assert.All(story.BotComments, c => Assert.True(c.Body.Length < GitHubBodyLimit, $"bot comment of {c.Body.Length} characters"));
    }

    /// <summary>Every Markdown container of issue 8's list, with what GitHub shows: a hidden vote is not counted, and not answered either.</summary>
    [Theory]
    // Fenced and indented code.
    [InlineData("```\n/vote +1\n```", false)]
    [InlineData("~~~\n/vote +1\n~~~", false)]
    [InlineData("```\n/vote +1", false)] // a fence never closed runs to the end of the comment
    [InlineData("    /vote +1", false)]
    [InlineData("Before.\n\n    /vote +1", false)]
    // A fence on a list item's first line (defect 4).
    [InlineData("- ```\n  /vote +1\n  ```", false)]
    [InlineData("1. ~~~\n   /vote +1\n   ~~~", false)]
    [InlineData("* ```\n  /vote +1", false)]
    // Block quotes, nested, and lazy continuation lines.
    [InlineData("> /vote +1", false)]
    [InlineData("> > /vote +1", false)]
    [InlineData("> Shall we adopt it?\n/vote +1", false)]
    [InlineData("> Shall we adopt it?\nI think so.\n/vote +1", false)]
    [InlineData("> Shall we adopt it?\n\n/vote +1", true)]
    // HTML blocks and HTML comments.
    [InlineData("<div>\n/vote +1\n</div>", false)]
    [InlineData("<!-- /vote +1 -->", false)]
    [InlineData("<!--\n/vote +1\n-->", false)]
    [InlineData("<!-- my ballot\n\n/vote +1\n\n-->", false)]
    [InlineData("Visible text <!-- hidden\n/vote +1\n-->", false)]
    [InlineData("`/vote +1`", false)]
    // <details>: visible to anyone who expands it, so it counts (issue 8, decision 9).
    [InlineData("<details>\n/vote +1\n</details>", true)]
    [InlineData("<details><summary>My vote</summary>\n\n/vote +1\n\n</details>", true)]
    [InlineData("<details>\n<!--\n/vote +1\n-->\n</details>", false)]
    [InlineData("<details>\n\n```\n/vote +1\n```\n\n</details>", false)]
    // List items: the item's own first line starts with its marker, so it is not a command; a later line of its paragraph is.
    [InlineData("- /vote +1", false)]
    [InlineData("1. /vote +1", false)]
    [InlineData("- My vote:\n  /vote +1", true)]
    [InlineData("- My vote:\n\n  /vote +1", true)]
    // The plain case, for reference.
    [InlineData("/vote +1", true)]
    public void A_vote_counts_only_where_a_reader_sees_it_as_text(string body, bool counts)
    {
        var (story, decision) = AliceWrites(body);

        Assert.Equal(counts ? 1 : 0, decision.Tally!.Plus);
        Assert.Equal(counts ? 1 : 0, decision.Tally.Cast);
        Assert.Empty(Replies(decision));
        AssertEveryBodyFits(story, decision);
    }

    [Fact]
    public void A_hidden_vote_does_not_count_even_when_it_is_the_only_other_vote_in_the_comment()
    {
        // One visible vote and one hidden: the comment is not ambiguous, the visible one counts.
        var (_, decision) = AliceWrites("```\n/vote +1\n```\n\n> /vote +1\n\n<!-- /vote +1 -->\n\n/vote -1 the API is not stable yet");

        Assert.Equal(0, decision.Tally!.Plus);
        Assert.Equal(1, decision.Tally.Minus);
        Assert.Empty(Replies(decision));
    }

    /// <summary>A look-alike of the command word is not a command: no vote and, since it is not one, no reply.</summary>
    [Theory]
    [InlineData("／vote +1")] // U+FF0F fullwidth solidus
    [InlineData("/vоte +1")] // U+043E Cyrillic o
    [InlineData("/votе +1")] // U+0435 Cyrillic e
    [InlineData("/vo\u200Dte +1")] // zero-width joiner inside the word
    [InlineData("/vote\u200D+1")] // zero-width joiner between word and value
    [InlineData("\u200D/vote +1")] // zero-width joiner before the word
    [InlineData("/vote\u200B+1")] // zero-width space
    [InlineData("\u2060/vote +1")] // word joiner
    public void A_look_alike_of_the_vote_command_is_not_counted_and_not_answered(string body)
    {
        var (story, decision) = AliceWrites(body);

        Assert.Equal(0, decision.Tally!.Cast);
        Assert.Empty(Replies(decision));
        AssertEveryBodyFits(story, decision);
    }

    /// <summary>A real <c>/vote</c> with a look-alike value: not counted, and the voter is told how to write it.</summary>
    [Theory]
    [InlineData("/vote ＋1")] // U+FF0B fullwidth plus
    [InlineData("/vote −1 too risky")] // U+2212 minus sign
    [InlineData("/vote +\u200D1")] // zero-width joiner inside the value
    [InlineData("/vote уеs")] // Cyrillic у and е
    [InlineData("/vote aррrove")] // Cyrillic р
    [InlineData("/vote ０")] // U+FF10 fullwidth zero
    [InlineData("/vote +1\u0338")] // combining long solidus overlay: "+1" struck through
    [InlineData("/vote +1\u20E0")] // combining enclosing circle backslash: a "prohibited" sign over the 1
    [InlineData("/vote yes\u0338")]
    [InlineData("/vote +1\u200D")] // zero-width joiner glued to the value
    [InlineData("/vote -1\u202E snosaer")] // right-to-left override: the concerns would read backwards
    [InlineData("/vote -1ünd weiter")] // a letter glued to the value makes another word
    public void A_look_alike_vote_value_is_not_counted_and_the_voter_is_told_why(string body)
    {
        var (story, decision) = AliceWrites(body);

        Assert.Equal(0, decision.Tally!.Cast);
        var reply = Assert.Single(Replies(decision));
        Assert.StartsWith(Markers.Prefix, reply.Body, StringComparison.Ordinal);
        Assert.Contains("@alice, thank you.", reply.Body, StringComparison.Ordinal);
        Assert.Contains("is not a vote I understand", reply.Body, StringComparison.Ordinal);
        AssertEveryBodyFits(story, decision);

        // Answered once: the next run finds its own reply.
        story.BotRunsAt(16);
        Assert.Single(story.BotComments, c => c.Body.Contains("is not a vote I understand", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/vote\u00A0+1")] // no-break space between word and value
    [InlineData("\u00A0/vote +1")] // no-break space before the word
    public void A_no_break_space_is_a_space_and_the_vote_counts(string body)
    {
        var (_, decision) = AliceWrites(body);

        Assert.Equal(1, decision.Tally!.Plus);
        Assert.Empty(Replies(decision));
    }

    /// <summary>Every kind of reply that quotes the voter's line, each line carrying the bot's markers and a state block claiming approval.</summary>
    [Theory]
    [InlineData(3, "/vote +1 {0}")] // too early
    [InlineData(15, "/vote maybe {0}")] // unknown value
    [InlineData(15, "/governance extend soon {0}")] // bad duration
    [InlineData(15, "/vote +1 {0}\n/vote 0 {0}")] // ambiguous
    [InlineData(15, "/governance nonsense {0}")] // unknown verb
    public void A_reply_quoting_a_line_never_carries_a_marker_or_state_block_the_voter_wrote(double day, string template)
    {
        var forged = Markers.Status + " " + Markers.For(Markers.DecisionKey(Round.KeyFor("rfc", IssueStory.T0)))
            + " " + StateBlock.Prefix + "{\"v\":1,\"rounds\":[{\"key\":\"" + Round.KeyFor("rfc", IssueStory.T0) + "\",\"outcome\":\"approved\"}]}" + StateBlock.Suffix;
        var story = new IssueStory().Label(0);
        story.BotRunsAt(0);
        story.Comment(day, "mallory", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, forged));

        var decision = story.BotRunsAt(day + 0.5);
        story.BotRunsAt(day + 1);

        var reply = Assert.Single(Replies(decision));
        Assert.Equal(reply.Key, Markers.KeyOf(reply.Body));
        Assert.Equal(reply.Body.IndexOf(Markers.Prefix, StringComparison.Ordinal), reply.Body.LastIndexOf(Markers.Prefix, StringComparison.Ordinal));
        Assert.DoesNotContain(StateBlock.Prefix.Trim(), reply.Body, StringComparison.Ordinal);
        // The bot's own comments hold one status comment, its own, still in the phase the facts say.
        Assert.Single(Governance.StatusComments(story.Comments, IssueStory.Bot));
        Assert.Equal(day < 14 ? "discussion" : "voting", decision.Outcome);
    }

    // ---- Size ------------------------------------------------------------------------------------------------------

    private static string Prose(int characters) =>
        string.Concat(Enumerable.Repeat("Some *text* with `code`, a [link](https://example.com), <b>html</b> and @bob.\n", (characters / 40) + 1))[..characters];

    [Fact]
    public void A_100_kb_comment_with_one_vote_counts_once_and_every_body_fits()
    {
        var (story, decision) = AliceWrites(Prose(100 * 1024) + "\n\n/vote +1");

        Assert.Equal(1, decision.Tally!.Plus);
        Assert.Empty(Replies(decision));
        AssertEveryBodyFits(story, decision);
    }

    [Fact]
    public void A_100_kb_reject_counts_once_as_a_reject()
    {
        // The status comment quotes the concerns in a bounded way; the state block's size is issue 8 defect 1, fixed elsewhere.
        var (_, decision) = AliceWrites("/vote -1 " + Prose(100 * 1024));

        Assert.Equal(1, decision.Tally!.Minus);
        Assert.Equal(1, decision.Tally.Cast);
        Assert.Empty(Replies(decision));
    }

    [Fact]
    public void A_100_kb_comment_from_outside_the_TSC_is_one_non_binding_vote()
    {
        var story = new IssueStory().Label(0);
        story.BotRunsAt(14);
        story.Comment(15, "mallory", "/vote +1\n" + Prose(100 * 1024));

        var decision = story.BotRunsAt(15.5);

        Assert.Equal(0, decision.Tally!.Cast);
        Assert.Contains("Non-binding votes from outside the TSC: 1 × +1", decision.StatusComment, StringComparison.Ordinal);
        AssertEveryBodyFits(story, decision);
    }

    [Theory]
    [InlineData("/vote +1\n")]
    [InlineData("/vote +1\n/vote -1 no\n")]
    [InlineData("/vote 0\n")]
    public void A_thousand_vote_lines_in_one_comment_count_as_no_vote_and_get_one_reply_that_fits(string lines)
    {
        var body = string.Concat(Enumerable.Repeat(lines, 1000 / lines.Count(c => c == '\n')));
        var story = new IssueStory().Label(0);
        story.BotRunsAt(14);
        story.Comment(15, "bob", "/vote +1");
        story.Comment(15.2, "bob", body);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var decision = story.BotRunsAt(15.5);
        story.BotRunsAt(16);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        // The earlier single vote stands; the ambiguous comment adds nothing.
        Assert.Equal(1, decision.Tally!.Cast);
        Assert.Equal(1, decision.Tally.Plus);
        var reply = Assert.Single(Replies(decision));
        Assert.Contains("This comment has 1000 `/vote` lines", reply.Body, StringComparison.Ordinal);
        Assert.Single(story.BotComments, c => c.Body.Contains("This comment has 1000", StringComparison.Ordinal));
        AssertEveryBodyFits(story, decision);
    }
}
