using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GovernanceBot.Domain.Yaml;

/// <summary>
/// Positions and errors: every problem YamlDotNet reports, or the loader finds, becomes a <see cref="YamlError"/> at the
/// line and column where the fix goes, in words a maintainer can act on.
/// </summary>
public static partial class YamlLoader
{
    private sealed partial class Loader
    {
        private ParsingEvent Next()
        {
            try
            {
                if (_parser.MoveNext() && _parser.Current is { } e)
                {
                    _reached = e.End;
                    return e;
                }
            }
            catch (YamlException e)
            {
                throw Syntax(e.Start, e.Message);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // YamlDotNet 18.1 throws these, without a position, on some malformed text (a flow collection still open
                // at the end of the text; an empty or invalid tag). They are the text's fault, not the bot's.
                throw Syntax(_reached, null);
            }

            throw Fail(_reached, _reading, "The document ends unexpectedly.");
        }

        /// <summary>A syntax error reported by YamlDotNet, reworded for a maintainer and placed where the fix goes.</summary>
        private YamlLoadException Syntax(Mark at, string? message)
        {
            var flow = _open.LastOrDefault(o => o.Opener != '\0');
            var closer = flow.Opener == '[' ? ']' : '}';
            if (message is null)
            {
                return flow.Opener != '\0'
                    ? Fail(flow.Start, flow.Path, $"The '{flow.Opener}' here is never closed; add the matching '{closer}'.")
                    : Fail(at, _reading, "The YAML cannot be read after this point; check the quotes, brackets and tags here.");
            }

            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndentedLine(at) is var (tabLine, tabColumn))
            {
                return new YamlLoadException(new YamlError(tabLine, tabColumn, _reading,
                    "This line is indented with a tab; YAML allows only spaces for indentation."));
            }

            if (message.Contains("did not find expected ',' or", StringComparison.Ordinal) && flow.Opener != '\0')
            {
                var (line, column) = Position(at);
                return flow.Start.Line < at.Line
                    ? Fail(flow.Start, flow.Path, $"The '{flow.Opener}' here is never closed; add the matching '{closer}' (line {line}, column {column} is still inside it).")
                    : Fail(at, _reading, $"Expected a comma or '{closer}' here, after the item before it; separate items with commas, and put text with special characters in quotes.");
            }

            // GitHub writes people and teams as @name, but YAML reserves @ (and `) at the start of a plain value.
            if (message.Contains("cannot start any token", StringComparison.Ordinal) && at.Index < text.Length && text[(int)at.Index] is '@' or '`')
            {
                return Fail(at, _reading, $"A value cannot start with {text[(int)at.Index]} in YAML, which reserves it; put the value in quotes, like \"@alice\", or leave the @ out.");
            }

            return Fail(at, _reading, Reworded(message) ?? message);
        }

        private static string? Reworded(string message)
        {
            (string Fragment, string Text)[] known =
            [
                ("found invalid mapping", ColonInValue),
                ("Mapping values are not allowed", ColonInValue),
                ("could not find expected ':'", "Expected a key followed by a colon here, like name: value; if this line continues the value above, indent it more."),
                ("did not find expected key", "Expected another key here (name: value), lined up with the keys above; check the indentation, and whether text after a closing quote or bracket belongs inside it."),
                ("Block sequence entries are not allowed", "A - list item cannot start here; put each - item on its own line below its key, or write the list as [a, b]."),
                ("did not find expected <document", "This line does not continue the document above it; check its indentation (it may be indented less than the first line), or put text with special characters in quotes."),
                ("did not find expected node content", "A value is missing here, or starts with a character that needs quotes, such as , ] } or %."),
                ("found unexpected end of stream", "The quoted text that starts here is never closed; add the closing quote."),
                ("unknown escape character", "This double-quoted text has a backslash escape YAML does not know; write \\\\ for a backslash, or use single quotes, where a backslash is just a backslash."),
                ("While scanning a block scalar", "Only a comment may follow | or > on its line (after an optional - or + and indentation digit); start the text on the next line."),
                ("incompatible YAML document", "This file declares a YAML version the bot does not read; write %YAML 1.2, or remove the %YAML line."),
                ("cannot start any token", "A value cannot start with this character; put the value in quotes."),
            ];
            return known.FirstOrDefault(k => message.Contains(k.Fragment, StringComparison.OrdinalIgnoreCase)).Text;
        }

        private const string ColonInValue =
            "A colon followed by a space inside a value reads as a new key; put the value in quotes, or check this line's indentation.";

        /// <summary>The first line at or after <paramref name="from"/> whose indentation holds a tab, and the tab's column.</summary>
        private (int Line, int Column)? TabIndentedLine(Mark from)
        {
            var lines = text.Split('\n');
            for (var i = Math.Max(0, (int)from.Line - 1); i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                var content = line.AsSpan().IndexOfAnyExcept(' ', '\t');
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (content > 0 && tab >= 0 && tab < content) return (i + 1, tab + 1);
            }

            return null;
        }

        /// <summary>
        /// The line where a block scalar's text begins: the one after its <c>|</c> or <c>&gt;</c>. The node's mark is at
        /// its first property (<c>&amp;anchor</c>, <c>!tag</c>), which may sit on an earlier line than the indicator.
        /// </summary>
        private int BlockContentLine(Mark start)
        {
            var line = (int)start.Line;
            for (var i = (int)start.Index; i < text.Length; i++)
            {
                var c = text[i];
                if (c is '|' or '>') return line + 1;
                if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) line++;
                else if (c is '&' or '!' or '#')
                {
                    // Skip the whole anchor, tag or comment: an anchor's name may itself hold a | or >.
                    var end = c == '#' ? text.IndexOfAny(['\r', '\n'], i) : text.IndexOfAny([' ', '\t', '\r', '\n'], i);
                    if (end < 0) break;
                    i = end - 1;
                }
            }

            return (int)start.Line + 1;
        }

        private YamlLoadException TooDeep(Mark at, string path) =>
            Fail(at, path, $"The document is nested more than {MaxDepth} levels deep (aliases included), far more than a configuration needs.");

        private YamlLoadException Fail(Mark at, string path, string message)
        {
            var (line, column) = Position(at);
            return new YamlLoadException(new YamlError(line, column, path, message));
        }

        private static YamlLoadException Fail(YamlNode at, string path, string message) =>
            new(new YamlError(at.Line, at.Column, path, message));

        private static (int Line, int Column) Position(Mark mark) => (Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));
    }
}
