using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GovernanceBot.Domain.Commands;

namespace GovernanceBot.Domain.Tests.Commands;

public partial class CommandParserTests
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
}
