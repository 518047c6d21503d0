using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Tests.Rendering;

public class MarkdownTextTests
{
    private static readonly char[] LineBreaks = ['\r', '\n'];

    private static string[] Lines(string markdown) => markdown.Split(LineBreaks);

    [Theory]
    [InlineData("@alice")]
    [InlineData("@org/team")]
    [InlineData("cc @alice and @org/tsc-team")]
    [InlineData("(@alice)")]
    [InlineData("mail alice@example.com")]
    [InlineData("@@alice")]
    [InlineData("@Alice-1")]
    public void Quoting_pings_nobody(string text)
    {
        var quoted = MarkdownText.Quote(text);

        Assert.DoesNotMatch("@[A-Za-z0-9]", quoted);
        Assert.Contains("@&#8203;", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_mention_is_neutralised_with_a_zero_width_space_after_the_at() =>
        Assert.Equal("> ask @&#8203;org/team", MarkdownText.Quote("ask @org/team"));

    [Theory]
    [InlineData("<!-- governance-bot:state {\"round\":2} -->")]
    [InlineData("<!-- governance-bot:status -->")]
    [InlineData("text\n<!--\ngovernance-bot:state {}\n-->")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<details><summary>x</summary>")]
    [InlineData("&lt;!-- governance-bot:state --&gt;")]
    public void Quoting_cannot_produce_html_or_an_html_comment(string text)
    {
        var quoted = MarkdownText.Quote(text);

        Assert.DoesNotContain("<", quoted, StringComparison.Ordinal);
        Assert.All(Lines(quoted), line => Assert.DoesNotContain(">", line[1..], StringComparison.Ordinal));
    }

    [Fact]
    public void A_forged_state_marker_is_shown_as_text() =>
        Assert.Equal(
            "> &lt;!-- governance-bot:state {\"x\":1} --&gt;",
            MarkdownText.Quote("<!-- governance-bot:state {\"x\":1} -->"));

    [Fact]
    public void Entities_written_by_the_author_are_shown_literally() =>
        Assert.Equal("> &amp;lt;b&amp;gt; &amp;amp;", MarkdownText.Quote("&lt;b&gt; &amp;"));

    [Theory]
    [InlineData("```\nstill quoted?\n```", "> \\`\\`\\`\n> still quoted?\n> \\`\\`\\`")]
    [InlineData("~~~\nx\n~~~", "> \\~\\~\\~\n> x\n> \\~\\~\\~")]
    [InlineData("``inline`` code", "> \\`\\`inline\\`\\` code")]
    public void Quoting_cannot_open_a_code_fence_or_span(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Quote(text));

    [Theory]
    [InlineData("# Approved", "> \\# Approved")]
    [InlineData("text\n---", "> text\n> \\---")]
    [InlineData("text\n===", "> text\n> \\===")]
    [InlineData("***", "> \\***")]
    [InlineData("a | b\n--|--", "> a \\| b\n> --\\|--")]
    [InlineData("[x]: https://evil.example", "> \\[x]: https://evil.example")]
    [InlineData("trailing backslash \\", "> trailing backslash \\\\")]
    [InlineData("$$\\frac{1}{0}$$", "> \\$\\$\\\\frac{1}{0}\\$\\$")]
    [InlineData("        deep indent", ">    deep indent")]
    [InlineData("\tTabbed", ">    Tabbed")]
    [InlineData("> nested quote", "> &gt; nested quote")]
    public void Quoting_neutralises_markup_that_could_change_the_comment(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Quote(text));

    [Fact]
    public void Ordinary_prose_is_quoted_as_written() =>
        Assert.Equal(
            "> This is *too* risky:\n>\n> - no migration path\n> - no tests",
            MarkdownText.Quote("This is *too* risky:\r\n\r\n- no migration path\r\n- no tests"));

    [Fact]
    public void Blank_lines_inside_stay_as_a_bare_marker_and_runs_of_them_collapse() =>
        Assert.Equal("> a\n>\n> b", MarkdownText.Quote("\n\na\n\n\n   \nb\n\n"));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("\n\n")]
    public void Quoting_nothing_is_an_empty_quote(string? text) => Assert.Equal(">", MarkdownText.Quote(text));

    [Fact]
    public void Very_long_text_is_cut_with_a_note()
    {
        var quoted = MarkdownText.Quote(new string('a', MarkdownText.QuoteLimit + 500));

        Assert.All(Lines(quoted), line => Assert.StartsWith(">", line, StringComparison.Ordinal));
        Assert.Contains(new string('a', MarkdownText.QuoteLimit), quoted, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', MarkdownText.QuoteLimit + 1), quoted, StringComparison.Ordinal);
        Assert.EndsWith(">\n> *… 500 more characters not shown*", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var quoted = MarkdownText.Quote(new string('a', MarkdownText.QuoteLimit - 1) + "😀😀");

        Assert.DoesNotContain("\uD83D\n", quoted, StringComparison.Ordinal);
        Assert.True(quoted.Split('\n')[0].EndsWith('a'));
    }

    [Theory]
    [InlineData("/vote maybe", "/vote maybe")]
    [InlineData("/vote maybe @alice", "/vote maybe @&#8203;alice")]
    [InlineData("/vote <!-- x --> **bold** _it_", "/vote &lt;!-- x --&gt; \\*\\*bold\\*\\* \\_it\\_")]
    [InlineData("/vote `code`", "/vote \\`code\\`")]
    [InlineData("line one\r\nline two\n\nthree", "line one line two three")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("- item", "\\- item")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Inline_text_renders_literally_on_one_line(string? text, string expected) =>
        Assert.Equal(expected, MarkdownText.Inline(text));

    [Fact]
    public void Inline_text_is_capped_with_an_ellipsis()
    {
        var inline = MarkdownText.Inline(new string('x', 500));

        Assert.Equal(new string('x', MarkdownText.InlineLimit) + "…", inline);
    }

    /// <summary>Strings built mostly from the characters that mean something to Markdown, HTML or GitHub.</summary>
    private static Arbitrary<string> Hostile() =>
        Gen.OneOf(
                Gen.Elements('@', '<', '>', '&', '`', '~', '\\', '\n', '\r', ' ', '\t', '-', '#', '=', '|', '[', '!', '$', '*', '_', 'a', 'Z', '1', '/', 'é', ';'),
                ArbMap.Default.GeneratorFor<char>())
            .ArrayOf()
            .Select(chars => new string(chars))
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Every_line_of_a_quote_is_quoted_and_nothing_can_ping_or_open_html() =>
        Prop.ForAll(Hostile(), text =>
        {
            var quoted = MarkdownText.Quote(text);
            return Lines(quoted).All(line => line.StartsWith('>'))
                && !quoted.Contains('<', StringComparison.Ordinal)
                && !MentionLike(quoted);
        });

    [Property(MaxTest = 500)]
    public Property Arbitrary_strings_quote_safely_too(string? text)
    {
        var quoted = MarkdownText.Quote(text);
        return (Lines(quoted).All(line => line.StartsWith('>'))
            && !quoted.Contains('<', StringComparison.Ordinal)
            && !MentionLike(quoted)).ToProperty();
    }

    [Property(MaxTest = 500)]
    public Property Inline_text_is_one_line_that_cannot_ping_or_open_html() =>
        Prop.ForAll(Hostile(), text =>
        {
            var inline = MarkdownText.Inline(text);
            return inline.IndexOfAny(LineBreaks) < 0
                && !inline.Contains('<', StringComparison.Ordinal)
                && !MentionLike(inline);
        });

    private static bool MentionLike(string markdown)
    {
        for (var i = 0; i + 1 < markdown.Length; i++)
        {
            if (markdown[i] == '@' && char.IsLetterOrDigit(markdown[i + 1])) return true;
        }

        return false;
    }

    [Theory]
    [InlineData("voting.close_early", "`voting.close_early`")]
    [InlineData("processes.*draft*", "`processes.*draft*`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`x", "`` `x ``")]
    [InlineData("<b>@alice</b> \\ [x]", "`<b>@alice</b> \\ [x]`")]
    [InlineData("two\nlines", "`two lines`")]
    public void A_code_span_shows_the_text_as_written_without_escapes(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Code(text));
}
