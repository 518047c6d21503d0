using System.Text.RegularExpressions;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Rendering;

/// <summary>
/// GitHub applies no backslash escapes inside a code span: <c>`voting.close\_early`</c> shows its backslash. Every
/// comment the bot writes is pinned under <c>Golden/</c>, so scanning those files covers every code span it writes.
/// </summary>
public sealed partial class GoldenCodeSpanTests
{
    public static TheoryData<string> CommentFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Golden.Folder(), "*.md").Where(f => !f.EndsWith(".received.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommentFiles))]
    public void No_code_span_in_a_golden_comment_holds_a_backslash_escape(string file)
    {
        var text = File.ReadAllText(Path.Combine(Golden.Folder(), file));

        var escaped = CodeSpans(text).Where(span => BackslashEscape().IsMatch(span)).ToList();

        Assert.Empty(escaped);
    }

    [Fact]
    public void The_scan_sees_the_code_spans_of_a_configuration_problem()
    {
        var paused = File.ReadAllText(Path.Combine(Golden.Folder(), "status-paused.md"));

        Assert.Contains("voting.close_early", CodeSpans(paused));
    }

    [Theory]
    [InlineData("a `b` c", new[] { "b" })]
    [InlineData("``a`b`` and `c`", new[] { "a`b", "c" })]
    [InlineData("\\`not code` `code`", new[] { " " })]
    [InlineData("an ` unmatched backtick", new string[0])]
    [InlineData("```\n`inside a fence`\n```\n`after`", new[] { "after" })]
    public void The_scanner_finds_code_spans_as_CommonMark_does(string markdown, string[] spans) =>
        Assert.Equal(spans, CodeSpans(markdown));

    /// <summary>
    /// The contents of the inline code spans of <paramref name="markdown"/> (CommonMark: a run of n backticks up to
    /// the next run of exactly n), outside fenced code blocks. Enough for the bot's own comments.
    /// </summary>
    private static List<string> CodeSpans(string markdown)
    {
        var spans = new List<string>();
        var prose = new List<string>();
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence) prose.Add(line);
        }

        var text = string.Join('\n', prose);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var open = Run(text, i);
            var close = -1;
            for (var j = i + open; j < text.Length;)
            {
                if (text[j] != '`')
                {
                    j++;
                    continue;
                }

                var run = Run(text, j);
                if (run == open)
                {
                    close = j;
                    break;
                }

                j += run;
            }

            if (close < 0)
            {
                i += open;
                continue;
            }

            spans.Add(text[(i + open)..close]);
            i = close + open;
        }

        return spans;
    }

    private static int Run(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '`') end++;
        return end - start;
    }

    /// <summary>A backslash before ASCII punctuation: what Markdown would read as an escape outside a code span.</summary>
    [GeneratedRegex(@"\\[!-/:-@\[-`{-~]")]
    private static partial Regex BackslashEscape();
}
