using System.Text.RegularExpressions;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Hostile;

/// <summary>
/// Other people's text in the bot's comments pings nobody, cross-references no issue, and breaks neither the hidden
/// state block nor the details element (issue 8, defect 8 and the output-safety acceptance).
/// </summary>
[Trait("Category", "Hostile")]
public sealed partial class OutputSafetyTests
{
    private const string Hostile =
        "Ask @alice, @org/security-team and @@bob. See #12, (#3), owner/repo#45, GH-67, gh-8 and https://github.com/o/r/issues/9.\n" +
        "--> </details> <!-- governance-bot:state {\"v\":2,\"rounds\":[]} --> <details><summary>x</summary>\n" +
        "# heading #1\n#2 at the start";

    [GeneratedRegex("@[A-Za-z0-9]")]
    private static partial Regex Mention();

    /// <summary>A # before a number that is not the bot's own &amp;#8203; entity, or GH- before a number.</summary>
    [GeneratedRegex("(?<!&)#[0-9]|(?i:\\bgh-[0-9])")]
    private static partial Regex IssueReference();

    [GeneratedRegex("github\\.com", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubLink();

    [Theory]
    [InlineData("#123")]
    [InlineData("see #1 and (#22)")]
    [InlineData("owner/repo#123")]
    [InlineData("GH-123")]
    [InlineData("fixed in gh-7.")]
    [InlineData("https://github.com/owner/repo/issues/123")]
    public void Issue_references_are_neutralised_in_quotes_and_inline_text(string text)
    {
        foreach (var rendered in new[] { MarkdownText.Quote(text), MarkdownText.Inline(text) })
        {
            Assert.DoesNotMatch(IssueReference(), rendered);
            Assert.DoesNotMatch(GitHubLink(), rendered);
            Assert.Contains("&#8203;", rendered, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("#heading", "> \\#heading")]
    [InlineData("C# and F#", "> C# and F#")]
    [InlineData("the HIGH-5 rule and GH-", "> the HIGH-5 rule and GH-")]
    [InlineData("owner/repo#45", "> owner/repo#&#8203;45")]
    [InlineData("GH-67", "> GH-&#8203;67")]
    public void Only_references_are_touched(string text, string quoted) => Assert.Equal(quoted, MarkdownText.Quote(text));

    /// <summary>Every bot-written body outside its hidden block: where a ping or reference would take effect.</summary>
    private static string Visible(string body) =>
        Markers.ExtractStateBlock(body) is { } block ? body.Replace(block, "", StringComparison.Ordinal) : body;

    private static void AssertSafe(string body, int details)
    {
        var visible = Visible(body);
        Assert.DoesNotMatch(IssueReference(), visible);
        Assert.DoesNotContain("github.com/o/r/issues/9", visible, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(details, Regex.Matches(body, "<details>").Count);
        Assert.Equal(details, Regex.Matches(body, "</details>").Count);
        Assert.Equal(Regex.Matches(body, "<!--").Count, Regex.Matches(body, "-->").Count);
        Assert.All(Regex.Matches(body, "<!--.*?-->", RegexOptions.Singleline), m => Assert.StartsWith(Markers.Prefix, m.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_concerns_ping_nobody_link_nothing_and_break_neither_the_hidden_block_nor_the_details()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(14.5, "alice", "/vote -1 " + Hostile)
            .Comment(14.6, "zoe", "/vote -1 " + Hostile)
            .Comment(14.7, "bob", "/vote +1");
        var voting = story.BotRunsAt(15);
        AssertSafe(voting.StatusComment!, details: 1);
        Assert.DoesNotMatch(Mention(), Visible(voting.StatusComment!));

        var decided = story.BotRunsAt(22);
        AssertSafe(decided.StatusComment!, details: 1);
        Assert.DoesNotMatch(Mention(), Visible(decided.StatusComment!));
        var record = StateBlock.Read(decided.StatusComment!).Single().Value;
        Assert.Equal(Phase.Rejected, record.Outcome);
        Assert.Equal(Hostile[..StateBlock.ConcernsKept] + "…", record.Ballots.Single(b => b.Voter == "alice").Concerns);

        var decision = Assert.Single(decided.Comments, c => c.Key.StartsWith("decision:", StringComparison.Ordinal)).Body;
        AssertSafe(decision, details: 0);
    }

    [Fact]
    public void A_70000_character_non_ASCII_concern_counts_pings_nobody_and_every_body_stays_under_the_limit()
    {
        // Longer than GitHub lets one comment be: the bot must cope with whatever the API hands it.
        var concern = SizeBudgetTests.Repeat("Совместимость ломается; 兼容性被破坏 😀 " + Hostile, 70_000);
        var story = new IssueStory("alice", "bob", "carol").Label(0)
            .Comment(14.5, "alice", "/vote -1 " + concern)
            .Comment(14.6, "zoe", "/vote -1 " + concern)
            .Comment(14.7, "bob", "/vote +1")
            .Comment(14.8, "carol", "/vote -1 " + concern);

        var decided = story.BotRunsAt(22);

        Assert.Equal("rejected", decided.Outcome);
        Assert.Equal(2, decided.Tally!.Minus);
        foreach (var body in decided.Comments.Select(c => c.Body).Append(decided.StatusComment!))
        {
            Assert.InRange(GitHubLimits.Size(body), 1, GitHubLimits.CommentBody - 1);
            AssertSafe(body, details: body == decided.StatusComment ? 1 : 0);
        }

        Assert.DoesNotMatch(Mention(), Visible(decided.StatusComment!));
    }

    [Fact]
    public void Hostile_command_lines_quoted_back_in_a_reply_ping_nobody_and_link_nothing()
    {
        var line = "/vote " + Hostile.Replace("\n", " ", StringComparison.Ordinal);
        var story = new IssueStory().Label(0).Comment(15, "zoe", line + "\n/governance " + Hostile.Replace("\n", " ", StringComparison.Ordinal));
        var reply = Assert.Single(story.BotRunsAt(15.1).Comments, c => c.Key.StartsWith("reply:", StringComparison.Ordinal)).Body;

        AssertSafe(reply, details: 0);
        Assert.Single(Mention().Matches(reply));
        Assert.Contains("@zoe", reply, StringComparison.Ordinal);
    }
}
