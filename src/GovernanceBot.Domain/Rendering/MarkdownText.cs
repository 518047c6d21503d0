using System.Text;

namespace GovernanceBot.Domain.Rendering;

/// <summary>
/// Puts other people's text (a -1 voter's concerns, a malformed command line) into the bot's comments so that it
/// reads as written but cannot ping anyone, cross-reference another issue, open HTML or an HTML comment (and so cannot forge the bot's hidden
/// <c>&lt;!-- governance-bot:... --&gt;</c> markers), or break out of the markup the bot puts around it.
/// </summary>
public static class MarkdownText
{
    /// <summary>Characters of the original text kept by <see cref="Quote"/>; the rest is cut with a note.</summary>
    public const int QuoteLimit = 2000;

    /// <summary>Characters of the original text kept by <see cref="Inline"/>; the rest is cut with an ellipsis.</summary>
    public const int InlineLimit = 200;

    /// <summary>GitHub's own convention for showing an @ that notifies nobody: a zero-width space after it.</summary>
    private const string ZeroWidthSpace = "&#8203;";

    /// <summary>
    /// <paramref name="text"/> as a Markdown block quote: every line starts with <c>&gt;</c>, blank lines are a bare
    /// <c>&gt;</c>. Follow it with a blank line, or the next paragraph of the comment joins the quote.
    /// </summary>
    /// <param name="limit">characters of <paramref name="text"/> kept; the rest is cut with a note saying how much.</param>
    public static string Quote(string? text, int limit = QuoteLimit)
    {
        var (kept, omitted) = Truncate(NormaliseLineEndings(text ?? ""), Math.Max(1, limit));
        var quote = new StringBuilder(kept.Length + 64);
        var pendingBlank = false;
        foreach (var line in kept.Split('\n'))
        {
            // Leading, trailing and repeated blank lines render as nothing more than one paragraph break.
            if (string.IsNullOrWhiteSpace(line))
            {
                pendingBlank = quote.Length > 0;
                continue;
            }

            if (pendingBlank) quote.Append(">\n");
            pendingBlank = false;
            quote.Append("> ");
            AppendQuotedLine(quote, line);
            quote.Append('\n');
        }

        if (omitted > 0)
        {
            if (quote.Length > 0) quote.Append(">\n");
            quote.Append("> *… ").Append(omitted).Append(omitted == 1 ? " more character" : " more characters").Append(" not shown*\n");
        }

        return quote.Length == 0 ? ">" : quote.ToString(0, quote.Length - 1);
    }

    /// <summary>
    /// <paramref name="text"/> as plain text to show inside a sentence, e.g. <c>You wrote {Inline(line)}</c>: line
    /// breaks become spaces, Markdown and HTML are escaped (so it renders literally), mentions are neutralised.
    /// Not meant to be wrapped in backticks: in a code span the escapes would show.
    /// </summary>
    public static string Inline(string? text)
    {
        var oneLine = string.Join(' ', NormaliseLineEndings(text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        var (kept, omitted) = Truncate(oneLine, InlineLimit);
        var inline = new StringBuilder(kept.Length + 16);

        // A list marker, heading or setext underline only means something at the start of a line, where a caller might yet put this.
        if (kept.Length > 0 && kept[0] is '#' or '-' or '+' or '=') inline.Append('\\');
        for (var i = 0; i < kept.Length; i++)
        {
            // Emphasis markers here could pair with the bot's own around the value.
            if (kept[i] is '*' or '_') inline.Append('\\').Append(kept[i]);
            else AppendEscaped(inline, kept, i);
        }

        if (omitted > 0) inline.Append('…');
        return inline.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as one Markdown code span, shown exactly as written. GitHub applies no backslash
    /// escapes and no HTML inside a code span, so nothing is escaped: the fence is made one backtick longer than
    /// the longest run of backticks in the text, and padded with a space where the text starts or ends with a
    /// backtick or a space (CommonMark strips one such space from each side). Line breaks become spaces.
    /// </summary>
    public static string Code(string? text)
    {
        var oneLine = NormaliseLineEndings(text ?? "").Replace('\n', ' ');
        var (kept, omitted) = Truncate(oneLine, InlineLimit);
        if (omitted > 0) kept += "…";
        if (kept.Length == 0) return "` `";

        // A code span shows "<!--" as written, but the raw body would then hold what the bot reads as its own hidden
        // markers (a configuration key written as a state block). An invisible zero-width space keeps the look, not the marker.
        kept = kept.Replace("<!--", "<\u200B!--", StringComparison.Ordinal);

        int longest = 0, run = 0;
        foreach (var c in kept)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = kept[0] is '`' or ' ' || kept[^1] is '`' or ' ' ? " " : "";
        return fence + pad + kept + pad + fence;
    }

    private static string NormaliseLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static (string Kept, int Omitted) Truncate(string text, int limit)
    {
        if (text.Length <= limit) return (text, 0);
        var cut = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return (text[..cut].TrimEnd(), text.Length - cut);
    }

    private static void AppendQuotedLine(StringBuilder quote, string line)
    {
        // More than three columns of indentation would make a code block, where the escapes below would show.
        var indent = 0;
        var start = 0;
        for (; start < line.Length && line[start] is ' ' or '\t'; start++) indent += line[start] == '\t' ? 4 - (indent % 4) : 1;
        quote.Append(' ', Math.Min(indent, 3));

        var content = line[start..];
        if (content.StartsWith('#') || IsRuleOrUnderline(content)) quote.Append('\\');
        for (var i = 0; i < content.Length; i++) AppendEscaped(quote, content, i);
    }

    /// <summary>A line of only <c>-</c>, <c>=</c>, <c>*</c> or <c>_</c> is a thematic break or turns the line above into a heading.</summary>
    private static bool IsRuleOrUnderline(string content) =>
        content.TrimEnd().Length > 0 && content.All(c => c is '-' or '=' or '*' or '_' or ' ' or '\t');

    private static void AppendEscaped(StringBuilder output, string text, int i)
    {
        var c = text[i];
        switch (c)
        {
            // HTML: no tags, no comments, no entities of the author's choosing.
            case '&': output.Append("&amp;"); break;
            case '<': output.Append("&lt;"); break;
            case '>': output.Append("&gt;"); break;

            // Markdown that could escape the surrounding markup or change what else the comment means:
            // backslash escapes, code spans and fences, strikethrough and ~~~ fences, table cells,
            // links and link reference definitions, footnotes, math.
            case '\\' or '`' or '~' or '|' or '[' or '$': output.Append('\\').Append(c); break;

            case '@':
                output.Append('@');
                if (MayStartMention(text, i + 1)) output.Append(ZeroWidthSpace);
                break;

            // Issue references (#123, owner/repo#123, GH-123) would cross-reference other issues: a zero-width space
            // after the # or GH- keeps the text and breaks the reference, as after an @.
            case '#':
                output.Append('#');
                if (StartsNumber(text, i + 1)) output.Append(ZeroWidthSpace);
                break;

            case '-' when IsGhPrefix(text, i) && StartsNumber(text, i + 1):
                output.Append('-').Append(ZeroWidthSpace);
                break;

            // A link to github.com, e.g. to an issue, would cross-reference it too.
            case '.' when IsGitHubDomain(text, i):
                output.Append(ZeroWidthSpace).Append('.');
                break;

            default: output.Append(c); break;
        }
    }

    private static bool StartsNumber(string text, int next) => next < text.Length && char.IsAsciiDigit(text[next]);

    /// <summary>The - of "GH-", not inside a longer word.</summary>
    private static bool IsGhPrefix(string text, int dash) =>
        dash >= 2 && text[dash - 2] is 'G' or 'g' && text[dash - 1] is 'H' or 'h' && (dash == 2 || !char.IsLetterOrDigit(text[dash - 3]));

    /// <summary>The . of "github.com".</summary>
    private static bool IsGitHubDomain(string text, int dot) =>
        dot >= 6 && string.Compare(text, dot - 6, "github.com", 0, 10, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>Anything but whitespace after an @ is treated as a possible mention: cheaper than knowing GitHub's rules exactly.</summary>
    private static bool MayStartMention(string text, int next) => next < text.Length && !char.IsWhiteSpace(text[next]);
}
