using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Commands;

/// <summary>Finds the commands in a comment body (design section 3).</summary>
public static class CommandParser
{
    private const string VoteWord = "/vote";
    private const string GovernanceWord = "/governance";

    /// <summary>Every command line of <paramref name="body"/>, in order. Lines in code, quotes and HTML comments are never commands.</summary>
    public static IReadOnlyList<Command> Parse(string? body)
    {
        if (string.IsNullOrEmpty(body)) return [];

        var lines = SplitLines(body);
        var visible = LinesThatCanHoldCommands(lines);

        var found = new List<(int Index, Command Command, string Tail)>();
        for (var i = 0; i < lines.Length; i++)
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
                var end = n + 1 < found.Count ? found[n + 1].Index : lines.Length;
                var concerns = string.Join('\n', lines.Skip(index + 1).Take(end - index - 1).Prepend(tail)).Trim();
                command = reject with { Concerns = concerns };
            }

            commands.Add(command);
        }

        return commands;
    }

    private static string[] SplitLines(string body) =>
        body.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    /// <summary>
    /// Marks the lines that GitHub renders as ordinary text at the start of a line: not inside a fenced or
    /// indented code block, a block quote or an HTML comment. Just enough Markdown to keep quoted, hidden
    /// or example commands from counting; not a full CommonMark parser.
    /// </summary>
    private static bool[] LinesThatCanHoldCommands(string[] lines)
    {
        var visible = new bool[lines.Length];
        var fenceChar = '\0';
        var fenceLength = 0;
        var inComment = false;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fenceChar != '\0')
            {
                if (IsClosingFence(line, fenceChar, fenceLength)) fenceChar = '\0';
                continue;
            }

            if (inComment)
            {
                var close = line.IndexOf("-->", StringComparison.Ordinal);
                if (close >= 0) inComment = EndsInsideComment(lines, i, close + 3);
                continue;
            }

            var indent = Indentation(line);
            if (indent >= 4) continue;

            if (TryOpenFence(line.AsSpan(indent), out fenceChar, out fenceLength)) continue;
            if (indent < line.Length && line[indent] == '>') continue;

            inComment = EndsInsideComment(lines, i, 0);
            visible[i] = true;
        }

        return visible;
    }

    /// <summary>Columns of leading indentation; a tab anywhere in it counts as a full code indent.</summary>
    private static int Indentation(string line)
    {
        var spaces = 0;
        foreach (var c in line)
        {
            if (c == ' ') spaces++;
            else if (c == '\t') return 4;
            else break;
        }

        return spaces;
    }

    private static bool TryOpenFence(ReadOnlySpan<char> text, out char fenceChar, out int length)
    {
        fenceChar = '\0';
        length = 0;
        if (text.IsEmpty || (text[0] != '`' && text[0] != '~')) return false;

        var c = text[0];
        var run = 0;
        while (run < text.Length && text[run] == c) run++;
        if (run < 3) return false;

        // A backtick "fence" with a backtick in its info string is inline code (```x```), not a fence.
        if (c == '`' && text[run..].Contains('`')) return false;

        fenceChar = c;
        length = run;
        return true;
    }

    private static bool IsClosingFence(string line, char fenceChar, int fenceLength)
    {
        var indent = Indentation(line);
        if (indent >= 4) return false;
        var text = line.AsSpan(indent);
        var run = 0;
        while (run < text.Length && text[run] == fenceChar) run++;
        return run >= fenceLength && text[run..].IsWhiteSpace();
    }

    /// <summary>
    /// Whether line <paramref name="index"/>, read from <paramref name="start"/>, leaves an HTML comment open.
    /// A comment opened at the start of a line is an HTML block and runs until <c>--&gt;</c> whatever follows; one
    /// opened mid-line is inline HTML and is only a comment if it closes before the paragraph ends at a blank line.
    /// <c>&lt;!--</c> inside an inline code span is text.
    /// </summary>
    private static bool EndsInsideComment(string[] lines, int index, int start)
    {
        var line = lines[index];
        var i = start;
        while (i < line.Length)
        {
            if (line[i] == '`')
            {
                i = SkipCodeSpan(line, i);
                continue;
            }

            if (string.CompareOrdinal(line, i, "<!--", 0, 4) != 0)
            {
                i++;
                continue;
            }

            // Search from the second dash so that the empty comments <!--> and <!---> close themselves.
            var close = line.IndexOf("-->", i + 2, StringComparison.Ordinal);
            if (close >= 0)
            {
                i = close + 3;
                continue;
            }

            var startsBlock = start == 0 && line.AsSpan(0, i).IsWhiteSpace() && Indentation(line) < 4;
            return startsBlock || ClosesBeforeParagraphEnds(lines, index + 1);
        }

        return false;
    }

    private static bool ClosesBeforeParagraphEnds(string[] lines, int from)
    {
        for (var j = from; j < lines.Length; j++)
        {
            if (string.IsNullOrWhiteSpace(lines[j])) return false;
            if (lines[j].Contains("-->", StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>Index just past the code span that opens at <paramref name="at"/>, or past the backtick run if it never closes.</summary>
    private static int SkipCodeSpan(string line, int at)
    {
        var run = RunLength(line, at, '`');
        var i = at + run;
        while (i < line.Length)
        {
            if (line[i] != '`')
            {
                i++;
                continue;
            }

            var closing = RunLength(line, i, '`');
            if (closing == run) return i + closing;
            i += closing;
        }

        return at + run;
    }

    private static int RunLength(string text, int at, char c)
    {
        var end = at;
        while (end < text.Length && text[end] == c) end++;
        return end - at;
    }

    /// <summary>The command on <paramref name="line"/>, or null when it is not a command line. <paramref name="tail"/> is where a -1's concerns start.</summary>
    private static Command? Read(string line, out string tail)
    {
        tail = "";
        var text = line.AsSpan().TrimStart(' ');
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
        if (choice is null) return new Command.Malformed(CommandProblem.UnknownVoteValue, written);

        if (choice == VoteChoice.Reject) tail = WithoutSeparator(rest[value.Length..]).ToString();
        return new Command.Vote(choice.Value, "", written);
    }

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
