// The parser's Markdown cases (containers, look-alikes, line endings, properties): one class, split in two files by subject.
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GovernanceBot.Domain.Commands;

namespace GovernanceBot.Domain.Tests.Commands;

public partial class CommandParserTests
{
    [Fact]
    public void A_byte_order_mark_does_not_hide_the_first_command() =>
        Assert.IsType<Command.Vote>(Single("\uFEFF/vote +1"));

    [Fact]
    public void A_command_on_the_line_after_a_quote_is_part_of_the_quote_as_github_renders_it()
    {
        // Issue 8, defect 4: a line with no > of its own lazily continues the quote above it; a blank line ends the quote.
        Assert.Empty(CommandParser.Parse("> Should we do this?\n/vote +1"));
        Assert.IsType<Command.Vote>(Single("> Should we do this?\n\n/vote +1"));
    }

    /// <summary>Where a line sits in the Markdown decides whether it can be a command: what GitHub renders, from a CommonMark + GFM parse.</summary>
    [Theory]
    // A fence on a list item's first line opens a code block inside the item (issue 8, defect 4).
    [InlineData("- ```\n  /vote +1\n  ```", false)]
    [InlineData("* ```\n  /vote +1\n  ```", false)]
    [InlineData("1. ~~~\n   /vote +1\n   ~~~", false)]
    [InlineData("1) ```\n   /vote +1", false)]
    [InlineData("- Here is my ballot:\n\n  ```\n  /vote +1\n  ```", false)]
    // ... and ends with the item: a line not indented under the item is a paragraph of its own.
    [InlineData("- ```\n/vote +1", true)]
    // Nested lists.
    [InlineData("- a\n\n  - ```\n    /vote +1\n    ```", false)]
    [InlineData("- a\n  - b\n    1. ~~~\n       /vote +1", false)]
    [InlineData("- a\n  - b\n\n    /vote +1", true)]
    // Indented code inside a list: four columns past the item's content.
    [InlineData("- a\n\n      /vote +1", false)]
    [InlineData("1. a\n\n       /vote +1", false)]
    [InlineData("- a\n\n  /vote +1", true)]
    [InlineData("- a\n  /vote +1", true)]
    [InlineData("- [ ] a task\n  /vote +1", true)]
    // Indented code cannot interrupt a paragraph: an indented line under text is text.
    [InlineData("I agree.\n    /vote +1", true)]
    // Fences inside block quotes, and quotes inside lists.
    [InlineData("> ```\n> /vote +1\n> ```", false)]
    [InlineData("- > ```\n  > /vote +1", false)]
    [InlineData("> ```\n/vote +1", true)]
    // Lazy continuation: a line with no > of its own continues the quoted paragraph above it.
    [InlineData("> Should we?\n/vote +1", false)]
    [InlineData("> > Should we?\n/vote +1", false)]
    [InlineData("- > Should we?\n/vote +1", false)]
    [InlineData("> Should we?\n\n/vote +1", true)]
    // Raw HTML blocks and comments.
    [InlineData("<div>\n/vote +1\n</div>", false)]
    [InlineData("<div>\n\n/vote +1\n\n</div>", true)]
    [InlineData("<pre>\n/vote +1\n</pre>", false)]
    [InlineData("- <!--\n  /vote +1\n  -->", false)]
    [InlineData("<!-- one\n\ntwo\n/vote +1\n-->", false)]
    [InlineData("<span title=\"\n/vote +1\n\">hover</span>", false)]
    [InlineData("``a code span\n/vote +1``", false)]
    // <details> (decision 9): visible once expanded, whether its lines are Markdown or one raw HTML block.
    [InlineData("<details>\n/vote +1\n</details>", true)]
    [InlineData("<details>\n<summary>My vote</summary>\n/vote +1\n</details>", true)]
    [InlineData("<details><summary>My vote</summary>\n\n/vote +1\n\n</details>", true)]
    [InlineData("<details>\n\n<summary>My vote</summary>\n/vote +1\n</details>", true)]
    [InlineData("- <details>\n  /vote +1\n  </details>", true)]
    [InlineData("<details>\n<!--\n/vote +1\n-->\n</details>", false)]
    [InlineData("<details>\n\n```\n/vote +1\n```\n\n</details>", false)]
    [InlineData("<details>\n\n> /vote +1\n\n</details>", false)]
    [InlineData("> <details>\n> /vote +1\n> </details>", false)]
    [InlineData("<details>\nfolded\n</details>\n\n<div>\n/vote +1\n</div>", false)]
    [InlineData("<details>\n\nfolded text</details>\n\n<div>\n/vote +1\n</div>", false)]
    [InlineData("<details>\n\nfolded text <!-- </details> -->\n\n<div>\n/vote +1\n</div>", true)]
    // Tables: a cell is not a line of text.
    [InlineData("| a | b |\n|---|---|\n| /vote +1 | x |", false)]
    [InlineData("/vote +1 | a\n--- | ---", false)]
    [InlineData("/vote +1\n\n| a | b |\n|---|---|\n| 1 | 2 |", true)]
    // Other blocks.
    [InlineData("***\n/vote +1", true)]
    [InlineData("/vote +1\n---", true)]
    [InlineData("# /vote +1", false)]
    [InlineData("[ref]: /vote", false)]
    public void Markdown_containers_decide_whether_a_line_is_a_command(string body, bool counts)
    {
        var commands = CommandParser.Parse(body);

        if (counts) Assert.Equal(VoteChoice.Approve, Assert.IsType<Command.Vote>(Assert.Single(commands)).Choice);
        else Assert.Empty(commands);
    }

    [Fact]
    public void A_reject_above_a_table_keeps_the_table_in_its_concerns()
    {
        var vote = Assert.IsType<Command.Vote>(Single("/vote -1 the numbers:\n| run | ms |\n|---|---|\n| a | 12 |"));

        Assert.Equal("the numbers:\n| run | ms |\n|---|---|\n| a | 12 |", vote.Concerns);
    }

    [Fact]
    public void A_reject_underlined_into_a_heading_still_counts()
    {
        // "---" under the concerns makes a setext heading; losing the vote silently would be worse than reading it.
        var vote = Assert.IsType<Command.Vote>(Single("/vote -1 no migration path\n---\nmore below"));

        Assert.Equal("no migration path\n---\nmore below", vote.Concerns);
    }

    [Theory]
    [InlineData("／vote +1")] // fullwidth solidus
    [InlineData("∕vote +1")] // division slash
    [InlineData("⁄vote +1")] // fraction slash
    [InlineData("/vоte +1")] // Cyrillic o
    [InlineData("/ｖote +1")] // fullwidth v
    [InlineData("\u200B/vote +1")] // zero-width space before
    [InlineData("/vote\u200B+1")] // zero-width space after
    [InlineData("／governance cancel")]
    [InlineData("/gоvernance cancel")]
    public void A_look_alike_of_the_command_word_is_not_a_command(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Theory]
    [InlineData("/vote ＋1")] // fullwidth plus
    [InlineData("/vote ﹢1")] // small plus
    [InlineData("/vote +１")] // fullwidth one
    [InlineData("/vote −1 too risky")] // minus sign
    [InlineData("/vote ‐1 too risky")] // hyphen
    [InlineData("/vote –1 too risky")] // en dash
    [InlineData("/vote yеs")] // Cyrillic e
    public void A_look_alike_of_a_vote_value_is_malformed_so_that_the_voter_hears_back(string body) =>
        Assert.Equal(new Command.Malformed(CommandProblem.UnknownVoteValue, body), Single(body));

    [Fact]
    public void A_non_breaking_space_reads_as_a_space() =>
        Assert.Equal(VoteChoice.Approve, Assert.IsType<Command.Vote>(Single("/vote\u00A0+1")).Choice);

    [Theory]
    [InlineData("> Should we?\r\n/vote +1\r\n\r\n/vote 0")]
    [InlineData("> Should we?\r/vote +1\r\r/vote 0")]
    [InlineData("```\r\n/vote +1\r\n```\r\n/vote 0")]
    [InlineData("- ```\r\n  /vote +1\r\n  ```\r\n\r\n/vote 0")]
    [InlineData("<details>\r\n<!--\r\n/vote +1\r\n-->\r\n/vote 0\r\n</details>")]
    public void Crlf_and_cr_line_endings_keep_their_containers(string body) =>
        Assert.Equal(VoteChoice.Abstain, Assert.IsType<Command.Vote>(Single(body)).Choice);

    [Fact]
    public void Crlf_concerns_after_a_fence_are_joined_with_line_feeds()
    {
        var vote = Assert.IsType<Command.Vote>(Single("```\r\n/vote +1\r\n```\r\n/vote -1 one\r\ntwo\r\n"));

        Assert.Equal("one\ntwo", vote.Concerns);
    }

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

    public static TheoryData<string, int> LargeComments()
    {
        const int size = 100 * 1024;
        var prose = string.Concat(Enumerable.Repeat("Some *text* with `code`, a [link](https://example.com) and <b>html</b>.\n", size / 70));
        var mixed = string.Concat(Enumerable.Repeat("- item\n  > quote\n  ```\n  code\n  ```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", size / 60));
        return new TheoryData<string, int>
        {
            { "/vote -1 see below\n" + prose, 1 },
            { mixed + "/vote +1", 1 },
            // Thousands of unclosed brackets or emphasis runs nest past Markdig's limit: the comment has no commands.
            { new string('[', size) + "\n\n/vote +1", 0 },
            { new string('`', size) + "\n\n/vote +1", 0 },
            { string.Concat(Enumerable.Repeat("<!--", size / 4)) + "\n\n/vote +1", 0 },
            { string.Concat(Enumerable.Repeat("*_", size / 2)) + "\n\n/vote +1", 0 },
            { string.Concat(Enumerable.Repeat("*", size)) + "\n\n/vote +1", 1 },
            { string.Concat(Enumerable.Repeat("<details>", size / 9)) + "\n/vote +1", 1 },
            { new string('a', size) + "\n/vote +1", 1 },
        };
    }

    [Theory]
    [MemberData(nameof(LargeComments))]
    public void A_100_kb_comment_parses_quickly(string body, int commands)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.Equal(commands, CommandParser.Parse(body).Count);
        Assert.True(clock.Elapsed < Generous, $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_comment_of_a_thousand_vote_lines_gives_a_thousand_commands()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var commands = CommandParser.Parse(string.Concat(Enumerable.Repeat("/vote +1\n/vote -1 why\nbecause\n", 500)));

        Assert.Equal(1000, commands.Count);
        Assert.All(commands.OfType<Command.Vote>().Where(v => v.Choice == VoteChoice.Reject), v => Assert.Equal("why\nbecause", v.Concerns));
        Assert.True(clock.Elapsed < Generous, $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_comment_nested_deeper_than_the_parser_allows_has_no_commands() =>
        // Markdig stops at 128 levels; nobody nests a vote that deep, and giving up on the comment is the safe side.
        Assert.Empty(CommandParser.Parse(new string('>', 1000) + " x\n\n/vote +1"));

    private static Arbitrary<string> CommentLike() =>
        Gen.Elements("/vote", "/VOTE", "/governance", " extend", " cancel", " help", " +1", "-1", " 0", " 7d", " maybe",
                "\n", "\r\n", "\n\n", "```", "~~~", "    ", "\t", "> ", "<!--", "-->", "`", "@alice", ":", "—", "x", " ")
            .ArrayOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Parsing_never_throws_and_every_command_is_a_trimmed_line_of_the_body() =>
        Prop.ForAll(CommentLike(), body =>
        {
            var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').Select(l => l.Trim()).ToHashSet();
            return CommandParser.Parse(body).All(c => lines.Contains(c.Line) && c.Line.StartsWith('/'));
        });

    [Property]
    public bool Parsing_any_string_never_throws(string? body) => CommandParser.Parse(body) is not null;

    /// <summary>Strings built from Markdown's and HTML's block and inline punctuation, command words and look-alikes, and any character.</summary>
    private static Arbitrary<string> MarkdownLike() =>
        Gen.OneOf(
                Gen.Elements("/vote", " +1", "-1", " 0", "/governance extend 7d", "```", "~~~", "- ", "1. ", "* ", "> ", "    ", "  ",
                    "\t", "\n", "\r\n", "\r", "\n\n", "<details>", "</details>", "<summary>", "<div>", "<pre>", "<!--", "-->", "`", "|",
                    "---", "===", "# ", "[", "](", ")", "*", "_", "~~", "\\", "<", ">", "\"", "&#47;", "／", "−", "\u200B", "\uFEFF", "\0"),
                ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()))
            .ArrayOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Markdown_like_bodies_never_throw_and_commands_are_lines_of_the_body() =>
        Prop.ForAll(MarkdownLike(), body =>
        {
            var lines = body.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').Select(l => l.Trim()).ToHashSet();
            return CommandParser.Parse(body).All(c => lines.Contains(c.Line) && c.Line.StartsWith('/'));
        });
}
