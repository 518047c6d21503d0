using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GovernanceBot.Domain.Commands;

namespace GovernanceBot.Domain.Tests.Commands;

public class CommandParserTests
{
    private static Command Single(string body) => Assert.Single(CommandParser.Parse(body));

    [Theory]
    [InlineData("/vote +1", VoteChoice.Approve)]
    [InlineData("/vote yes", VoteChoice.Approve)]
    [InlineData("/vote approve", VoteChoice.Approve)]
    [InlineData("/vote 0", VoteChoice.Abstain)]
    [InlineData("/vote abstain", VoteChoice.Abstain)]
    [InlineData("/vote -1 too risky", VoteChoice.Reject)]
    [InlineData("/vote no too risky", VoteChoice.Reject)]
    [InlineData("/vote reject too risky", VoteChoice.Reject)]
    public void Every_alias_of_a_vote_value_is_understood(string body, VoteChoice expected) =>
        Assert.Equal(expected, Assert.IsType<Command.Vote>(Single(body)).Choice);

    [Theory]
    [InlineData("/VOTE +1", VoteChoice.Approve)]
    [InlineData("/Vote YES", VoteChoice.Approve)]
    [InlineData("/vote Approve", VoteChoice.Approve)]
    [InlineData("/vOtE ABSTAIN", VoteChoice.Abstain)]
    [InlineData("/VOTE NO because", VoteChoice.Reject)]
    [InlineData("/vote REJECT because", VoteChoice.Reject)]
    public void Command_word_and_value_are_case_insensitive(string body, VoteChoice expected) =>
        Assert.Equal(expected, Assert.IsType<Command.Vote>(Single(body)).Choice);

    [Theory]
    [InlineData("/vote+1", VoteChoice.Approve)]
    [InlineData("/vote-1 no way", VoteChoice.Reject)]
    [InlineData("   /vote +1", VoteChoice.Approve)]
    [InlineData("/vote\t+1", VoteChoice.Approve)]
    [InlineData("/vote    +1", VoteChoice.Approve)]
    [InlineData("/vote +1.", VoteChoice.Approve)]
    [InlineData("/vote yes!", VoteChoice.Approve)]
    public void A_sign_may_follow_the_command_word_directly_and_spacing_is_forgiving(string body, VoteChoice expected) =>
        Assert.Equal(expected, Assert.IsType<Command.Vote>(Single(body)).Choice);

    [Theory]
    [InlineData("/vote +1 looks great, ship it")]
    [InlineData("/vote 0 I have a conflict of interest")]
    [InlineData("/vote yes with minor nits")]
    public void Text_after_an_approve_or_abstain_is_ignored(string body) =>
        Assert.Equal("", Assert.IsType<Command.Vote>(Single(body)).Concerns);

    [Theory]
    [InlineData("/voters +1")]
    [InlineData("/votes +1")]
    [InlineData("/governanceX cancel")]
    [InlineData("/governances help")]
    [InlineData("I think /vote +1")]
    [InlineData("- /vote +1")]
    [InlineData("vote +1")]
    [InlineData("/vote:+1")]
    [InlineData("")]
    [InlineData("   ")]
    public void Lines_that_do_not_begin_with_the_command_word_are_not_commands(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Fact]
    public void A_null_body_has_no_commands() => Assert.Empty(CommandParser.Parse(null));

    [Theory]
    [InlineData("/vote -1 this breaks the API", "this breaks the API")]
    [InlineData("/vote -1: this breaks the API", "this breaks the API")]
    [InlineData("/vote -1 - this breaks the API", "this breaks the API")]
    [InlineData("/vote -1 — this breaks the API", "this breaks the API")]
    [InlineData("/vote -1 – this breaks the API", "this breaks the API")]
    [InlineData("/vote -1, this breaks the API", "this breaks the API")]
    [InlineData("/vote no. This breaks the API", "This breaks the API")]
    [InlineData("/vote -1 .NET support is missing", ".NET support is missing")]
    [InlineData("/vote -1   spaced out   ", "spaced out")]
    [InlineData("/vote -1", "")]
    [InlineData("/vote -1:", "")]
    public void The_concerns_of_a_reject_are_the_rest_of_the_line_without_one_separator(string body, string concerns) =>
        Assert.Equal(concerns, Assert.IsType<Command.Vote>(Single(body)).Concerns);

    [Fact]
    public void The_concerns_of_a_reject_include_the_following_lines_with_their_line_breaks()
    {
        var vote = Assert.IsType<Command.Vote>(Single("/vote -1 Two problems:\n\n1. no migration path\n2. no tests\n\n"));

        Assert.Equal("Two problems:\n\n1. no migration path\n2. no tests", vote.Concerns);
    }

    [Fact]
    public void The_concerns_may_start_on_the_next_line()
    {
        var vote = Assert.IsType<Command.Vote>(Single("/vote -1\n\nThe timeline is too short."));

        Assert.Equal("The timeline is too short.", vote.Concerns);
    }

    [Fact]
    public void The_concerns_stop_at_the_next_command_line()
    {
        var commands = CommandParser.Parse("/vote -1 first reason\nmore detail\n/governance help\nafter help");

        Assert.Collection(
            commands,
            c => Assert.Equal("first reason\nmore detail", Assert.IsType<Command.Vote>(c).Concerns),
            c => Assert.IsType<Command.Help>(c));
    }

    [Fact]
    public void The_concerns_include_quoted_and_code_lines_that_are_not_commands()
    {
        var vote = Assert.IsType<Command.Vote>(Single("/vote -1 see:\n> /vote +1\n```\ncode\n```"));

        Assert.Equal("see:\n> /vote +1\n```\ncode\n```", vote.Concerns);
    }

    [Fact]
    public void Two_votes_in_one_comment_are_both_returned_in_order()
    {
        var commands = CommandParser.Parse("/vote +1\nOn second thought:\n/vote -1 not yet");

        Assert.Collection(
            commands,
            c => Assert.Equal(new Command.Vote(VoteChoice.Approve, "", "/vote +1"), c),
            c => Assert.Equal(new Command.Vote(VoteChoice.Reject, "not yet", "/vote -1 not yet"), c));
    }

    [Fact]
    public void Crlf_line_endings_are_handled()
    {
        var commands = CommandParser.Parse("Thanks!\r\n/vote -1 reason one\r\nreason two\r\n/governance extend 7d\r\n");

        Assert.Collection(
            commands,
            c => Assert.Equal(new Command.Vote(VoteChoice.Reject, "reason one\nreason two", "/vote -1 reason one"), c),
            c => Assert.Equal(new Command.Extend(TimeSpan.FromDays(7), "/governance extend 7d"), c));
    }

    [Fact]
    public void The_line_is_kept_as_written_but_trimmed()
    {
        var command = Single("  /Vote  +1   great  \r\n");

        Assert.Equal("/Vote  +1   great", command.Line);
    }

    [Theory]
    [InlineData("```\n/vote +1\n```")]
    [InlineData("~~~\n/vote +1\n~~~")]
    [InlineData("```markdown\n/vote +1\n```")]
    [InlineData("````\n```\n/vote +1\n````")]
    [InlineData("~~~~\n~~~\n/vote +1\n~~~~")]
    [InlineData("```\n~~~\n/vote +1\n~~~\n```")]
    [InlineData("   ```\n/vote +1\n   ```")]
    [InlineData("```\nno closing fence\n\n/vote +1")]
    [InlineData("    /vote +1")]
    [InlineData("        /vote +1")]
    [InlineData("\t/vote +1")]
    [InlineData("  \t/vote +1")]
    [InlineData("> /vote +1")]
    [InlineData(">/vote +1")]
    [InlineData("   > /vote +1")]
    [InlineData("> > /vote +1")]
    [InlineData("<!-- /vote +1 -->")]
    [InlineData("<!--\n/vote +1\n-->")]
    [InlineData("<!-- template:\n\n/vote +1\n\n-->")]
    [InlineData("Some text <!-- hidden\n/vote +1\n-->")]
    [InlineData("`/vote +1`")]
    [InlineData("``/vote +1``")]
    public void Lines_in_code_quotes_and_html_comments_are_never_commands(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Theory]
    [InlineData("```\ncode\n```\n/vote +1")]
    [InlineData("~~~\ncode\n~~~\n/vote +1")]
    [InlineData("````\ncode\n````\n/vote +1")]
    [InlineData("<!-- note -->\n/vote +1")]
    [InlineData("<!-- a -->\n<!-- b -->\n/vote +1")]
    [InlineData("<!--\nmulti\nline\n-->\n/vote +1")]
    [InlineData("<!-- a --> <!-- b\n-->\n/vote +1")]
    [InlineData("<!-->\n/vote +1")]
    [InlineData("> quoted\n\n/vote +1")]
    [InlineData("    indented code\n/vote +1")]
    [InlineData("Use `<!--` to hide text.\n/vote +1")]
    [InlineData("```js```\n/vote +1")]
    [InlineData("A literal <!-- that never closes\n\n/vote +1")]
    public void A_command_after_closed_code_or_comments_counts(string body) =>
        Assert.IsType<Command.Vote>(Single(body));

    [Theory]
    [InlineData("```\n/vote +1\n~~~\n/vote +1")]
    [InlineData("````\n/vote +1\n```\n/vote +1")]
    [InlineData("```\n/vote +1\n    ```\n/vote +1")]
    public void A_fence_closes_only_on_the_same_character_at_least_as_long(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Theory]
    [InlineData("/vote")]
    [InlineData("/vote   ")]
    [InlineData("/vote maybe")]
    [InlineData("/vote +2")]
    [InlineData("/vote 1")]
    [InlineData("/vote +1.5")]
    [InlineData("/vote yes-ish")]
    [InlineData("/vote -")]
    [InlineData("/vote +")]
    [InlineData("/vote 👍")]
    [InlineData("/vote averyveryverylongunknownvalue")]
    public void A_vote_without_a_known_value_is_malformed(string body) =>
        Assert.Equal(new Command.Malformed(CommandProblem.UnknownVoteValue, body.Trim()), Single(body));

    [Theory]
    [InlineData("/governance extend 7d", 7 * 24)]
    [InlineData("/governance extend 36h", 36)]
    [InlineData("/governance EXTEND 1w", 7 * 24)]
    [InlineData("/governance extend 1d12h", 36)]
    [InlineData("/governance extend 7d.", 7 * 24)]
    [InlineData("/governance extend 7d so that Bob can review", 7 * 24)]
    public void Extend_takes_a_duration(string body, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), Assert.IsType<Command.Extend>(Single(body)).By);

    [Theory]
    [InlineData("/governance extend")]
    [InlineData("/governance extend soon")]
    [InlineData("/governance extend 7")]
    [InlineData("/governance extend 0d")]
    [InlineData("/governance extend -7d")]
    [InlineData("/governance extend 400d")]
    [InlineData("/governance extend 1d 12h")]
    public void Extend_without_a_valid_duration_is_malformed(string body) =>
        Assert.Equal(new Command.Malformed(CommandProblem.BadDuration, body), Single(body));

    [Theory]
    [InlineData("/governance cancel")]
    [InlineData("/GOVERNANCE Cancel")]
    [InlineData("/governance cancel this was opened by mistake")]
    [InlineData("/governance cancel.")]
    public void Cancel_ignores_words_after_it(string body) =>
        Assert.Equal(new Command.Cancel(body), Single(body));

    [Theory]
    [InlineData("/governance help")]
    [InlineData("/governance HELP")]
    [InlineData("/governance help please")]
    [InlineData("/governance help?")]
    public void Help_ignores_words_after_it(string body) =>
        Assert.Equal(new Command.Help(body), Single(body));

    [Theory]
    [InlineData("/governance")]
    [InlineData("/governance close")]
    [InlineData("/governance cancelled")]
    [InlineData("/governance helpme")]
    [InlineData("/governance extend7d")]
    [InlineData("/governance 7d")]
    public void Governance_without_a_known_verb_is_malformed(string body) =>
        Assert.Equal(new Command.Malformed(CommandProblem.UnknownGovernanceVerb, body), Single(body));

    [Fact]
    public void A_malformed_command_ends_the_concerns_of_a_reject_before_it()
    {
        var commands = CommandParser.Parse("/vote -1 reason\n/vote maybe");

        Assert.Collection(
            commands,
            c => Assert.Equal("reason", Assert.IsType<Command.Vote>(c).Concerns),
            c => Assert.IsType<Command.Malformed>(c));
    }

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
