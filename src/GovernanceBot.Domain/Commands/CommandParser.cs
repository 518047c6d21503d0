using GovernanceBot.Domain.Config;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GovernanceBot.Domain.Commands;

/// <summary>Finds the commands in a comment body (design section 3).</summary>
public static class CommandParser
{
    private const string VoteWord = "/vote";
    private const string GovernanceWord = "/governance";

    /// <summary>
    /// GitHub's flavour of CommonMark as far as it decides which lines are text: pipe tables turn paragraphs into
    /// tables; task lists, strikethrough and autolinks are inline only. Nothing else (no custom containers, math
    /// blocks or front matter) that would give a comment a block structure GitHub does not.
    /// </summary>
    private static readonly MarkdownPipeline GitHubFlavour = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .Build();

    /// <summary>
    /// Every command line of <paramref name="body"/>, in order. A command is a line of a paragraph, on a CommonMark +
    /// GFM parse, that begins with the command word (so <c>- /vote +1</c> is a list item, not a vote): lines in code,
    /// block quotes (lazy continuations included), tables, raw HTML and HTML comments are never commands; text inside
    /// <c>&lt;details&gt;</c> is.
    /// </summary>
    public static IReadOnlyList<Command> Parse(string? body)
    {
        if (string.IsNullOrEmpty(body)) return [];

        var text = body.TrimStart('\uFEFF');
        var lines = new SourceLines(text);
        var visible = LinesThatCanHoldCommands(text, lines);

        var found = new List<(int Index, Command Command, string Tail)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (visible[i] && Read(lines[i], out var tail) is { } command) found.Add((i, command, tail));
        }

        var commands = new List<Command>(found.Count);
        for (var n = 0; n < found.Count; n++)
        {
            var (index, command, tail) = found[n];
            if (command is Command.Vote { Choice: VoteChoice.Reject } reject)
            {
                // The concerns run to the next command line, so that "/vote -1" followed by a paragraph of reasons is one vote.
                var end = n + 1 < found.Count ? found[n + 1].Index : lines.Count;
                var following = Enumerable.Range(index + 1, end - index - 1).Select(i => lines[i]);
                var concerns = string.Join('\n', following.Prepend(tail)).Trim();
                command = reject with { Concerns = concerns };
            }

            commands.Add(command);
        }

        return commands;
    }

    /// <summary>
    /// Marks the lines that a reader sees as text at the start of a line, from a CommonMark + GFM parse: lines of
    /// paragraphs (and setext headings) that are not inside a block quote, code, a table, raw HTML or an HTML
    /// comment, and the text lines of raw HTML inside a <c>&lt;details&gt;</c> element (design section 3).
    /// </summary>
    private static bool[] LinesThatCanHoldCommands(string text, SourceLines lines)
    {
        var visible = new bool[lines.Count];
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, GitHubFlavour);
        }
        catch (ArgumentException)
        {
            // Markdig refuses documents nested deeper than its limit (128 quotes or lists, thousands of unclosed
            // brackets). Nobody votes in one, and giving up hides only this comment's own commands.
            return visible;
        }

        var details = new DetailsTracker();
        MarkBlocks(document, lines, visible, details);
        return visible;
    }

    private static void MarkBlocks(ContainerBlock container, SourceLines lines, bool[] visible, DetailsTracker details)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case QuoteBlock or Table:
                    break;
                case ContainerBlock inner:
                    MarkBlocks(inner, lines, visible, details);
                    break;
                case ParagraphBlock or HeadingBlock:
                    MarkTextLines((LeafBlock)block, lines, visible, details);
                    break;
                case HtmlBlock html when html.Type is HtmlBlockType.InterruptingBlock or HtmlBlockType.NonInterruptingBlock:
                    details.Mark(html, lines, visible);
                    break;
                default:
                    // Code (fenced or indented), comments and other raw HTML, thematic breaks, link definitions.
                    break;
            }
        }
    }

    /// <summary>Marks the lines of a paragraph, except those whose first character is inside inline code or inline HTML (a comment or a tag spanning lines).</summary>
    private static void MarkTextLines(LeafBlock block, SourceLines lines, bool[] visible, DetailsTracker details)
    {
        var hidden = new List<SourceSpan>();
        foreach (var inline in block.Inline?.Descendants<Inline>() ?? [])
        {
            if (inline is HtmlInline html) details.Follow(html.Tag);
            if (inline is CodeInline or HtmlInline) hidden.Add(inline.Span);
        }

        hidden.Sort((a, b) => a.Start.CompareTo(b.Start));

        var next = 0;
        var (first, last) = lines.Covering(block.Span);
        for (var line = first; line <= last; line++)
        {
            var start = lines.FirstCharacter(line);
            while (next < hidden.Count && hidden[next].End < start) next++;
            if (next == hidden.Count || hidden[next].Start > start) visible[line] = true;
        }
    }

    /// <summary>
    /// Raw HTML hides nothing from a reader of a <c>&lt;details&gt;</c> element once expanded, but CommonMark keeps
    /// <c>&lt;details&gt;</c> and the lines that follow it without a blank line as one HTML block. So the text lines
    /// of raw HTML count while a <c>&lt;details&gt;</c> is open, except inside an HTML comment.
    /// </summary>
    private sealed class DetailsTracker
    {
        private int _depth;

        public void Mark(HtmlBlock block, SourceLines lines, bool[] visible)
        {
            var inComment = false;
            var (first, last) = lines.Covering(block.Span);
            for (var line = first; line <= last; line++)
            {
                if (_depth > 0 && !inComment) visible[line] = true;
                inComment = Scan(lines[line], inComment);
            }
        }

        /// <summary>Follows the <c>details</c> tags of inline HTML in a paragraph (<c>text &lt;/details&gt;</c>).</summary>
        public void Follow(string? tag)
        {
            if (tag is not null) Scan(tag, inComment: false);
        }

        /// <summary>Follows comments and <c>details</c> tags along one line; whether the line ends inside a comment.</summary>
        private bool Scan(string line, bool inComment)
        {
            var i = 0;
            while (i < line.Length)
            {
                if (inComment)
                {
                    var close = line.IndexOf("-->", i, StringComparison.Ordinal);
                    if (close < 0) return true;
                    inComment = false;
                    i = close + 3;
                }
                else if (string.CompareOrdinal(line, i, "<!--", 0, 4) == 0)
                {
                    inComment = true;
                    // From the second dash, so that the empty comments <!--> and <!---> close themselves.
                    i += 2;
                }
                else
                {
                    if (IsTag(line, i, "<details")) _depth++;
                    else if (IsTag(line, i, "</details") && _depth > 0) _depth--;
                    i++;
                }
            }

            return inComment;
        }

        private static bool IsTag(string line, int at, string name) =>
            string.Compare(line, at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (at + name.Length == line.Length || line[at + name.Length] is '>' or '/' or ' ' or '\t');
    }

    /// <summary>The body's lines as Markdig counts them (split at CRLF, CR or LF), with where each starts in the text.</summary>
    private sealed class SourceLines
    {
        private readonly string _text;
        private readonly List<int> _starts = [0];
        private readonly List<int> _ends = [];

        public SourceLines(string text)
        {
            _text = text;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is not ('\r' or '\n')) continue;
                _ends.Add(i);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                _starts.Add(i + 1);
            }

            _ends.Add(text.Length);
        }

        public int Count => _starts.Count;

        public string this[int line] => _text[_starts[line].._ends[line]];

        /// <summary>Where the line's text starts after its indentation.</summary>
        public int FirstCharacter(int line)
        {
            var at = _starts[line];
            while (at < _ends[line] && _text[at] is ' ' or '\t') at++;
            return at;
        }

        public (int First, int Last) Covering(SourceSpan span)
        {
            var first = LineOf(span.Start);
            return (first, Math.Max(first, LineOf(span.End)));
        }

        private int LineOf(int position)
        {
            var found = _starts.BinarySearch(Math.Max(0, position));
            return found >= 0 ? found : ~found - 1;
        }
    }

    /// <summary>The command on <paramref name="line"/>, or null when it is not a command line. <paramref name="tail"/> is where a -1's concerns start.</summary>
    private static Command? Read(string line, out string tail)
    {
        tail = "";
        // A no-break space shows as a space, and Markdown does not treat it as indentation: "\u00A0/vote +1" reads as a vote.
        var text = line.AsSpan().TrimStart(" \t\u00A0");
        var written = line.Trim();

        if (StartsWithWord(text, VoteWord, signMayFollow: true)) return ReadVote(text[VoteWord.Length..], written, out tail);
        if (StartsWithWord(text, GovernanceWord, signMayFollow: false)) return ReadGovernance(text[GovernanceWord.Length..], written);
        return null;
    }

    /// <summary><c>/voters</c> is not <c>/vote</c>: the word must end at whitespace, the end of the line or (for <c>/vote+1</c>) a sign.</summary>
    private static bool StartsWithWord(ReadOnlySpan<char> text, string word, bool signMayFollow)
    {
        if (!text.StartsWith(word, StringComparison.OrdinalIgnoreCase)) return false;
        if (text.Length == word.Length) return true;
        var next = text[word.Length];
        return char.IsWhiteSpace(next) || (signMayFollow && next is '+' or '-');
    }

    private static Command ReadVote(ReadOnlySpan<char> rest, string written, out string tail)
    {
        tail = "";
        rest = rest.TrimStart();
        var length = 0;
        while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] is '+' or '-' or '.')) length++;

        // "/vote +1." ends a sentence; "+1.5" stays one (unknown) value.
        var value = rest[..length].TrimEnd('.');
        VoteChoice? choice = value.ToString().ToLowerInvariant() switch
        {
            "+1" or "yes" or "approve" => VoteChoice.Approve,
            "0" or "abstain" => VoteChoice.Abstain,
            "-1" or "no" or "reject" => VoteChoice.Reject,
            _ => null,
        };
        if (choice is null || (length < rest.Length && IsGluedToValue(rest[length]))) return new Command.Malformed(CommandProblem.UnknownVoteValue, written);

        if (choice == VoteChoice.Reject) tail = WithoutSeparator(rest[value.Length..]).ToString();
        return new Command.Vote(choice.Value, "", written);
    }

    /// <summary>
    /// A character that would change what a reader takes the value for: a combining mark draws over it (<c>+1̸</c>, <c>+1⃠</c>),
    /// an invisible format character (zero-width joiner, a right-to-left override) hides something, a letter makes another word.
    /// </summary>
    private static bool IsGluedToValue(char next) =>
        char.IsLetterOrDigit(next)
        || char.GetUnicodeCategory(next) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.EnclosingMark
            or System.Globalization.UnicodeCategory.Format;

    /// <summary>Drops the one separator people put between the value and their reasons: <c>-1: why</c>, <c>-1 - why</c>, <c>-1 — why</c>.</summary>
    private static ReadOnlySpan<char> WithoutSeparator(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        if (text.IsEmpty) return text;
        var first = text[0];
        var isSeparator = first is ':' or ';' or ',' or '-' or '\u2013' or '\u2014'
            // A full stop only when it stands alone, so that "-1 .NET is ..." keeps its dot.
            || (first == '.' && (text.Length == 1 || char.IsWhiteSpace(text[1])));
        return isSeparator ? text[1..].TrimStart() : text;
    }

    private static Command ReadGovernance(ReadOnlySpan<char> rest, string written)
    {
        rest = rest.TrimStart();
        var length = 0;
        while (length < rest.Length && char.IsAsciiLetter(rest[length])) length++;
        var verb = rest[..length];
        var endsCleanly = length == rest.Length || char.IsWhiteSpace(rest[length]) || rest[length] is '.' or '!' or '?' or ',' or ';' or ':';

        if (endsCleanly && verb.Equals("extend", StringComparison.OrdinalIgnoreCase)) return ReadExtend(rest[length..], written);
        if (endsCleanly && verb.Equals("cancel", StringComparison.OrdinalIgnoreCase)) return new Command.Cancel(written);
        if (endsCleanly && verb.Equals("help", StringComparison.OrdinalIgnoreCase)) return new Command.Help(written);
        if (endsCleanly && verb.Equals("nominate", StringComparison.OrdinalIgnoreCase)) return ReadNominate(rest[length..], written);
        if (endsCleanly && verb.Equals("accept", StringComparison.OrdinalIgnoreCase)) return new Command.Accept(written);
        if (endsCleanly && verb.Equals("decline", StringComparison.OrdinalIgnoreCase)) return new Command.Decline(written);
        return new Command.Malformed(CommandProblem.UnknownGovernanceVerb, written);
    }

    private static Command ReadExtend(ReadOnlySpan<char> rest, string written)
    {
        var first = NextWord(ref rest);
        var second = NextWord(ref rest);

        // "1d 12h" is a duration split by a space: refusing it beats silently extending by 1d.
        if (!Durations.TryParse(first.TrimEnd(".,;!").ToString(), out var by) || Durations.TryParse(second.ToString(), out _))
        {
            return new Command.Malformed(CommandProblem.BadDuration, written);
        }

        return new Command.Extend(by, written);
    }

    /// <summary><c>@login</c> (the @ may be left out), then nothing but an end of sentence: two names are refused, not guessed between.</summary>
    private static Command ReadNominate(ReadOnlySpan<char> rest, string written)
    {
        var first = NextWord(ref rest).TrimEnd(".,;!");
        var login = first.StartsWith('@') ? first[1..].ToString() : first.ToString();
        if (!ConfigParser.IsValidLogin(login) || !NextWord(ref rest).IsEmpty) return new Command.Malformed(CommandProblem.BadNominee, written);
        return new Command.Nominate(login, written);
    }

    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        var length = 0;
        while (length < text.Length && !char.IsWhiteSpace(text[length])) length++;
        var word = text[..length];
        text = text[length..];
        return word;
    }
}
