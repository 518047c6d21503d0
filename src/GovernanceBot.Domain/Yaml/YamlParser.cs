using System.Globalization;
using System.Text;

namespace GovernanceBot.Domain.Yaml;

/// <summary>
/// A hand-written parser for the YAML subset that configuration and scenario files need (the domain takes no packages).
/// Supported: one document (an optional leading <c>---</c>); block mappings and sequences nested by indentation,
/// including <c>- key: value</c> items and sequences at the same indentation as their key; flow mappings and sequences,
/// nested, which may span lines; plain, single-quoted and double-quoted scalars (quoted scalars end on their line);
/// literal <c>|</c> and folded <c>&gt;</c> block scalars with chomping (<c>-</c>, <c>+</c>) and indentation indicators;
/// <c>#</c> comments after whitespace. Not supported, and reported as such: anchors, aliases, tags, directives,
/// explicit <c>?</c> keys, several documents, plain scalars that continue on the next line.
/// A deliberate leniency: <c>@</c> and <c>`</c> may start a plain scalar, so <c>[@alice]</c> is the text "@alice".
/// </summary>
public static class YamlParser
{
    /// <summary>Parses <paramref name="text"/>. Never throws: every problem is a <see cref="YamlResult.Failed"/> with its line.</summary>
    public static YamlResult Parse(string? text)
    {
        try
        {
            return new YamlResult.Parsed(new Reader(text ?? "").ParseDocument());
        }
        catch (YamlSyntaxException e)
        {
            return new YamlResult.Failed(new YamlError(e.Line, e.Message));
        }
    }

    // Internal control flow of the recursive descent only; Parse turns it into a value and it never escapes.
    private sealed class YamlSyntaxException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }

    private sealed class Reader
    {
        private const int MaxDepth = 100;

        private readonly string[] lines;

        // Leading spaces of each line. A "- " that starts a list item on a line counts as indentation for the rest of
        // that line: the parser raises the line's entry here when it steps past the dash.
        private readonly int[] indents;
        private int row;
        private int depth;

        // Flow collections are read character by character and may cross lines.
        private int flowRow;
        private int flowCol;

        public Reader(string text)
        {
            if (text.StartsWith('\uFEFF')) text = text[1..];
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            if (text.EndsWith('\n')) text = text[..^1];
            lines = text.Length == 0 ? [] : text.Split('\n');
            indents = new int[lines.Length];
            for (var i = 0; i < lines.Length; i++) indents[i] = LeadingSpaces(lines[i]);
        }

        public YamlNode ParseDocument()
        {
            row = NextSignificant(0);
            if (row < lines.Length && lines[row].StartsWith('%'))
                throw Error(row, "YAML directives such as %YAML are not supported; remove this line.");
            if (row < lines.Length && IsDocumentMarker(row, "---"))
            {
                if (!IsBlankOrComment(lines[row], 3))
                    throw Error(row, "Content on the same line as --- is not supported; start the document on the next line.");
                row = NextSignificant(row + 1);
            }

            if (row >= lines.Length) return new YamlMapping([], 1);

            var rootIndent = indents[row];
            var root = ParseBlockNode(rootIndent, parentIndent: -1);

            row = NextSignificant(row);
            if (row < lines.Length)
            {
                if (IsDocumentMarker(row, "...") && NextSignificant(row + 1) >= lines.Length) return root;
                if (IsDocumentMarker(row, "---") || IsDocumentMarker(row, "..."))
                    throw Error(row, "This file holds more than one YAML document; only one is supported, so remove this line and what follows, or move it to its own file.");
                if (indents[row] < rootIndent)
                    throw Error(row, $"This line is indented less than the first line of the document (line {root.Line}); line it up with it.");
                throw Error(row, "This line does not continue the document above it; check its indentation, or put text that contains special characters in quotes.");
            }

            return root;
        }

        // ---- block structure -------------------------------------------------------------------------------------

        /// <summary>The node that starts at column <paramref name="indent"/> of the current row.</summary>
        private YamlNode ParseBlockNode(int indent, int parentIndent)
        {
            if (++depth > MaxDepth) throw Error(row, $"The document is nested more than {MaxDepth} levels deep.");
            YamlNode node;
            if (IsSequenceItem(row, indent)) node = ParseBlockSequence(indent);
            else if (TryReadKey(row, indent, out _, out _)) node = ParseBlockMapping(indent);
            else node = ParseValue(row, indent, parentIndent);
            depth--;
            return node;
        }

        private YamlMapping ParseBlockMapping(int indent)
        {
            var entries = new List<YamlEntry>();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            var startLine = row + 1;
            while (true)
            {
                row = NextSignificant(row);
                if (row >= lines.Length || IndentOf(row) < indent) break;
                if (IndentOf(row) > indent)
                    throw Error(row, $"This line is indented more than the keys of the mapping it belongs to ({Spaces(indent)}); line it up with them.");
                if (IsSequenceItem(row, indent))
                    throw Error(row, "A list item appears here among the keys of a mapping; put it under the key it belongs to.");
                if (!TryReadKey(row, indent, out var key, out var afterColon))
                    throw Error(row, "Expected a key followed by a colon here, like name: value.");
                if (!firstLine.TryAdd(key.Value, key.Line))
                    throw Error(row, $"The key \"{key.Value}\" appears twice in this mapping (first on line {firstLine[key.Value]}); keep only one.");
                entries.Add(new YamlEntry(key, ParseEntryValue(row, afterColon, indent)));
            }

            return new YamlMapping(entries, startLine);
        }

        private YamlNode ParseEntryValue(int keyRow, int col, int mappingIndent)
        {
            var line = lines[keyRow];
            var i = SkipSpace(line, col);
            if (i < line.Length && line[i] != '#') return ParseValue(keyRow, i, mappingIndent);

            // Nothing after the colon: the value is on the following lines, or it is empty (null).
            var next = NextSignificant(keyRow + 1);
            if (next < lines.Length)
            {
                var nextIndent = IndentOf(next);
                if (nextIndent > mappingIndent)
                {
                    row = next;
                    return ParseBlockNode(nextIndent, mappingIndent);
                }

                if (nextIndent == mappingIndent && IsSequenceItem(next, nextIndent))
                {
                    row = next;
                    return ParseBlockSequence(nextIndent);
                }
            }

            row = keyRow + 1;
            return new YamlScalar("", IsQuoted: false, keyRow + 1);
        }

        private YamlSequence ParseBlockSequence(int indent)
        {
            var items = new List<YamlNode>();
            var startLine = row + 1;
            while (true)
            {
                row = NextSignificant(row);
                if (row >= lines.Length || IndentOf(row) < indent) break;
                if (IndentOf(row) > indent)
                    throw Error(row, $"This line is indented more than the list items it belongs to ({Spaces(indent)}); line it up with the dashes.");
                if (!IsSequenceItem(row, indent)) break;

                var line = lines[row];
                var j = indent + 1;
                while (j < line.Length && line[j] == ' ') j++;
                if (j < line.Length && line[j] == '\t')
                    throw Error(row, "A tab follows the dash of this list item; use spaces, as YAML does not allow tabs for indentation.");

                if (j >= line.Length || line[j] == '#')
                {
                    var itemRow = row;
                    var next = NextSignificant(row + 1);
                    if (next < lines.Length && IndentOf(next) > indent)
                    {
                        row = next;
                        items.Add(ParseBlockNode(IndentOf(next), indent));
                    }
                    else
                    {
                        row = itemRow + 1;
                        items.Add(new YamlScalar("", IsQuoted: false, itemRow + 1));
                    }
                }
                else
                {
                    indents[row] = j;
                    items.Add(ParseBlockNode(j, indent));
                }
            }

            return new YamlSequence(items, startLine);
        }

        /// <summary>A scalar, flow collection or block scalar starting at a non-blank column; moves past it.</summary>
        private YamlNode ParseValue(int r, int col, int parentIndent)
        {
            var line = lines[r];
            var c = line[col];
            switch (c)
            {
                case '|' or '>':
                    return ParseBlockScalar(r, col, parentIndent);
                case '[' or '{':
                {
                    var node = ParseFlow(r, col, parentIndent);
                    ExpectLineEnd(flowRow, flowCol, "the closing bracket");
                    row = flowRow + 1;
                    return node;
                }

                case '"' or '\'':
                {
                    var scalar = ReadQuoted(r, col, out var end);
                    ExpectLineEnd(r, end, "the closing quote");
                    row = r + 1;
                    return scalar;
                }

                case '-' when col + 1 >= line.Length || line[col + 1] is ' ' or '\t':
                    throw Error(r, "A list cannot start on the same line as its key; put each - item on its own line below the key, or write [a, b].");
                case ']' or '}' or ',':
                    throw Error(r, $"Unexpected '{c}' here; put the value in quotes if it is meant as text.");
                default:
                    RejectUnsupportedIndicator(r, line, col);
                    var text = ReadBlockPlain(line, col);
                    if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(":\t", StringComparison.Ordinal) || text.EndsWith(':'))
                        throw Error(r, "This value contains a colon followed by a space, which YAML reads as a second key on the same line; put the value in quotes.");
                    row = r + 1;
                    return new YamlScalar(text, IsQuoted: false, r + 1);
            }
        }

        private YamlScalar ParseBlockScalar(int r, int col, int parentIndent)
        {
            var line = lines[r];
            var literal = line[col] == '|';
            var chomping = '\0';
            var explicitIndent = 0;
            var i = col + 1;
            for (var n = 0; n < 2 && i < line.Length; n++, i++)
            {
                var c = line[i];
                if (c is '-' or '+' && chomping == '\0') chomping = c;
                else if (c is >= '1' and <= '9' && explicitIndent == 0) explicitIndent = c - '0';
                else break;
            }

            if (!IsBlankOrComment(line, i))
                throw Error(r, $"Only a comment may follow '{line[col]}' on its line (optionally with - or + and an indentation digit); start the text on the next line.");

            var contentIndent = explicitIndent > 0 ? parentIndent + explicitIndent : -1;
            if (contentIndent < 0)
            {
                for (var k = r + 1; k < lines.Length; k++)
                {
                    if (IsWhitespace(lines[k])) continue;
                    contentIndent = indents[k];
                    break;
                }
            }

            var content = new List<string>();
            var k2 = r + 1;
            if (contentIndent > parentIndent)
            {
                for (; k2 < lines.Length; k2++)
                {
                    var l = lines[k2];
                    if (IsWhitespace(l)) content.Add(l.Length > contentIndent ? l[contentIndent..] : "");
                    else if (indents[k2] >= contentIndent) content.Add(l[contentIndent..]);
                    else break;
                }
            }

            var lastText = content.FindLastIndex(l => !IsWhitespace(l));
            var body = content.Take(lastText + 1).ToList();
            var trailing = content.Count - body.Count;

            // Trailing blank lines belong to the scalar only with "+"; otherwise they are just blank lines of the file.
            if (chomping != '+') k2 -= trailing;
            row = k2;

            var text = literal ? string.Join('\n', body) : Fold(body);
            text = chomping switch
            {
                '-' => text,
                '+' => (body.Count > 0 ? text + "\n" : "") + new string('\n', trailing),
                _ => body.Count > 0 ? text + "\n" : "",
            };
            return new YamlScalar(text, IsQuoted: true, r + 1)
            {
                Style = literal ? YamlScalarStyle.Literal : YamlScalarStyle.Folded,
                ContentLine = r + 2,
            };
        }

        private static string Fold(List<string> body)
        {
            var sb = new StringBuilder();
            var pendingEmpty = 0;
            var started = false;
            var previousMoreIndented = false;
            foreach (var l in body)
            {
                if (IsWhitespace(l) && !(l.Length > 0 && l[0] is ' ' or '\t'))
                {
                    pendingEmpty++;
                    continue;
                }

                // Lines indented beyond the block keep their line breaks; other lines are joined with a space.
                var moreIndented = l.Length > 0 && l[0] is ' ' or '\t';
                if (!started) sb.Append('\n', pendingEmpty);
                else if (previousMoreIndented || moreIndented) sb.Append('\n', pendingEmpty + 1);
                else if (pendingEmpty > 0) sb.Append('\n', pendingEmpty);
                else sb.Append(' ');
                sb.Append(l);
                started = true;
                pendingEmpty = 0;
                previousMoreIndented = moreIndented;
            }

            return sb.ToString();
        }

        // ---- flow collections ------------------------------------------------------------------------------------

        private YamlNode ParseFlow(int r, int col, int parentIndent)
        {
            flowRow = r;
            flowCol = col;
            return ParseFlowNode(parentIndent, r, lines[r][col]);
        }

        private YamlNode ParseFlowNode(int parentIndent, int openRow, char open)
        {
            if (++depth > MaxDepth) throw Error(flowRow, $"The document is nested more than {MaxDepth} levels deep.");
            SkipFlowSpace(parentIndent, openRow, open);
            var line = lines[flowRow];
            var c = line[flowCol];
            YamlNode node;
            switch (c)
            {
                case '[':
                    node = ParseFlowSequence(parentIndent);
                    break;
                case '{':
                    node = ParseFlowMapping(parentIndent);
                    break;
                case '"' or '\'':
                    node = ReadQuoted(flowRow, flowCol, out var end);
                    flowCol = end;
                    break;
                case ',' or ']' or '}' or ':':
                    throw Error(flowRow, $"Unexpected '{c}' inside {open} {Closer(open)}; a value is missing before it.");
                case '-' when flowCol + 1 < line.Length && line[flowCol + 1] is ' ' or '\t':
                    throw Error(flowRow, "A - list item cannot appear inside [ ] or { }; separate the values with commas instead.");
                default:
                    RejectUnsupportedIndicator(flowRow, line, flowCol);
                    node = ReadFlowPlain();
                    break;
            }

            depth--;
            return node;
        }

        private YamlSequence ParseFlowSequence(int parentIndent)
        {
            var openRow = flowRow;
            flowCol++;
            var items = new List<YamlNode>();
            while (true)
            {
                SkipFlowSpace(parentIndent, openRow, '[');
                if (Current == ']') break;
                items.Add(ParseFlowNode(parentIndent, openRow, '['));
                SkipFlowSpace(parentIndent, openRow, '[');
                if (Current == ',')
                {
                    flowCol++;
                    continue;
                }

                if (Current == ']') break;
                if (Current == ':')
                    throw Error(flowRow, "A key: value pair inside [ ] is not supported; write it as { key: value }.");
                throw Error(flowRow, $"Expected a comma or ] after the list item, but found '{Current}'.");
            }

            flowCol++;
            return new YamlSequence(items, openRow + 1);
        }

        private YamlMapping ParseFlowMapping(int parentIndent)
        {
            var openRow = flowRow;
            flowCol++;
            var entries = new List<YamlEntry>();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            while (true)
            {
                SkipFlowSpace(parentIndent, openRow, '{');
                if (Current == '}') break;

                var line = lines[flowRow];
                YamlScalar key;
                switch (Current)
                {
                    case '"' or '\'':
                        key = ReadQuoted(flowRow, flowCol, out var end);
                        flowCol = end;
                        break;
                    case '[' or '{':
                        throw Error(flowRow, "A list or mapping used as a key is not supported; keys are plain text.");
                    case ',' or ':' or ']':
                        throw Error(flowRow, $"Unexpected '{Current}' inside {{ }}; a key is missing before it.");
                    default:
                        RejectUnsupportedIndicator(flowRow, line, flowCol);
                        key = ReadFlowPlain();
                        break;
                }

                if (!firstLine.TryAdd(key.Value, key.Line))
                    throw Error(flowRow, $"The key \"{key.Value}\" appears twice in this mapping (first on line {firstLine[key.Value]}); keep only one.");

                SkipFlowSpace(parentIndent, openRow, '{');
                YamlNode value;
                if (Current == ':')
                {
                    flowCol++;
                    SkipFlowSpace(parentIndent, openRow, '{');
                    value = Current is ',' or '}'
                        ? new YamlScalar("", IsQuoted: false, flowRow + 1)
                        : ParseFlowNode(parentIndent, openRow, '{');
                    SkipFlowSpace(parentIndent, openRow, '{');
                }
                else if (Current is ',' or '}')
                {
                    value = new YamlScalar("", IsQuoted: false, key.Line);
                }
                else
                {
                    throw Error(flowRow, $"Expected a colon after the key \"{key.Value}\", but found '{Current}'.");
                }

                entries.Add(new YamlEntry(key, value));
                if (Current == ',')
                {
                    flowCol++;
                    continue;
                }

                if (Current == '}') break;
                throw Error(flowRow, $"Expected a comma or }} after the value of \"{key.Value}\", but found '{Current}'.");
            }

            flowCol++;
            return new YamlMapping(entries, openRow + 1);
        }

        private char Current => lines[flowRow][flowCol];

        /// <summary>Moves to the next meaningful character inside a flow collection, across comments and lines.</summary>
        private void SkipFlowSpace(int parentIndent, int openRow, char open)
        {
            while (true)
            {
                if (flowRow < lines.Length)
                {
                    var line = lines[flowRow];
                    while (flowCol < line.Length && line[flowCol] is ' ' or '\t') flowCol++;
                    if (flowCol < line.Length && line[flowCol] == '#' && (flowCol == 0 || line[flowCol - 1] is ' ' or '\t')) flowCol = line.Length;
                    if (flowCol < line.Length) return;
                    flowRow++;
                    flowCol = 0;
                }

                // A continuation line must be indented more than the block it is in (a closing bracket may sit at
                // the block's column); a line that is not is the next key, and the collection was never closed.
                if (flowRow >= lines.Length
                    || IsDocumentMarker(flowRow, "---") || IsDocumentMarker(flowRow, "...")
                    || (!IsBlankOrComment(lines[flowRow], indents[flowRow])
                        && indents[flowRow] <= parentIndent
                        && lines[flowRow][indents[flowRow]] is not (']' or '}' or ',')))
                {
                    throw Error(openRow, $"The '{open}' on this line is never closed; add the matching '{Closer(open)}'.");
                }
            }
        }

        private YamlScalar ReadFlowPlain()
        {
            var line = lines[flowRow];
            var start = flowCol;
            var i = start;
            while (i < line.Length)
            {
                var c = line[i];
                if (c is ',' or '[' or ']' or '{' or '}') break;
                if (c == ':' && (i + 1 >= line.Length || line[i + 1] is ' ' or '\t' or ',' or '[' or ']' or '{' or '}')) break;
                if (c == '#' && i > start && line[i - 1] is ' ' or '\t') break;
                i++;
            }

            flowCol = i;
            return new YamlScalar(line[start..i].TrimEnd(' ', '\t'), IsQuoted: false, flowRow + 1);
        }

        // ---- scalars and keys ------------------------------------------------------------------------------------

        private bool TryReadKey(int r, int col, out YamlScalar key, out int afterColon)
        {
            var line = lines[r];
            key = null!;
            afterColon = 0;
            var c = line[col];
            if (c is '"' or '\'')
            {
                var quoted = ReadQuoted(r, col, out var end);
                var j = SkipSpace(line, end);
                if (j >= line.Length || line[j] != ':' || !(j + 1 >= line.Length || line[j + 1] is ' ' or '\t')) return false;
                key = quoted;
                afterColon = j + 1;
                return true;
            }

            if (c is '[' or '{') return false;
            for (var i = col; i < line.Length; i++)
            {
                if (line[i] == '#' && i > col && line[i - 1] is ' ' or '\t') return false;
                if (line[i] != ':' || !(i + 1 >= line.Length || line[i + 1] is ' ' or '\t')) continue;
                if (i == col) throw Error(r, "A key is missing before this colon.");
                RejectUnsupportedIndicator(r, line, col);
                key = new YamlScalar(line[col..i].TrimEnd(' ', '\t'), IsQuoted: false, r + 1);
                afterColon = i + 1;
                return true;
            }

            return false;
        }

        private YamlScalar ReadQuoted(int r, int col, out int end)
        {
            var line = lines[r];
            var quote = line[col];
            var sb = new StringBuilder();
            var i = col + 1;
            while (i < line.Length)
            {
                var c = line[i];
                if (quote == '\'')
                {
                    if (c == '\'')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '\'')
                        {
                            sb.Append('\'');
                            i += 2;
                            continue;
                        }

                        end = i + 1;
                        return new YamlScalar(sb.ToString(), IsQuoted: true, r + 1) { Style = YamlScalarStyle.SingleQuoted };
                    }

                    sb.Append(c);
                    i++;
                    continue;
                }

                if (c == '"')
                {
                    end = i + 1;
                    return new YamlScalar(sb.ToString(), IsQuoted: true, r + 1) { Style = YamlScalarStyle.DoubleQuoted };
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    i++;
                    continue;
                }

                if (i + 1 >= line.Length) break;
                var e = line[i + 1];
                i += 2;
                switch (e)
                {
                    case '"' or '\\' or '/' or ' ': sb.Append(e); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '0': sb.Append('\0'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'e': sb.Append('\u001b'); break;
                    case 'x' or 'u' or 'U':
                    {
                        var digits = e switch { 'x' => 2, 'u' => 4, _ => 8 };
                        if (i + digits > line.Length
                            || !int.TryParse(line.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                            || code < 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                            throw Error(r, $"The escape \\{e} needs {digits} hexadecimal digits naming a character.");
                        sb.Append(char.ConvertFromUtf32(code));
                        i += digits;
                        break;
                    }

                    default:
                        throw Error(r, $"\\{e} is not an escape YAML knows; write \\\\ for a backslash, or use single quotes, where a backslash is just a backslash.");
                }
            }

            var kind = quote == '"' ? "double" : "single";
            throw Error(r, $"The text in {kind} quotes that starts on this line is not closed; add the closing {quote} before the end of the line (quoted text cannot continue on the next line; use a | block for several lines).");
        }

        private static string ReadBlockPlain(string line, int col)
        {
            var i = col;
            while (i < line.Length && !(line[i] == '#' && line[i - 1] is ' ' or '\t')) i++;
            return line[col..i].TrimEnd(' ', '\t');
        }

        private void RejectUnsupportedIndicator(int r, string line, int col)
        {
            var c = line[col];
            var next = col + 1 < line.Length ? line[col + 1] : ' ';
            switch (c)
            {
                case '&': throw Error(r, "Anchors (&name) are not supported; write the value out in full.");
                case '*': throw Error(r, "Aliases (*name) are not supported; write the value out in full.");
                case '!': throw Error(r, "Tags (such as !!str) are not supported; put the value in quotes if it must stay text.");
                case '?' when next is ' ' or '\t': throw Error(r, "Explicit keys (? key) are not supported; write key: value.");
                case '%' when col == 0: throw Error(r, "YAML directives such as %YAML are not supported; remove this line.");
            }
        }

        private void ExpectLineEnd(int r, int col, string what)
        {
            var line = lines[r];
            var i = SkipSpace(line, col);
            if (i >= line.Length || (line[i] == '#' && i > col)) return;
            throw Error(r, $"Unexpected text after {what}; only a comment (after a space and #) may follow it on this line.");
        }

        // ---- lines -----------------------------------------------------------------------------------------------

        /// <summary>The first line at or after <paramref name="from"/> that is not blank or a comment.</summary>
        private int NextSignificant(int from)
        {
            for (var r = from; r < lines.Length; r++)
            {
                var line = lines[r];
                var i = indents[r];
                if (i >= line.Length || line[i] == '#') continue;
                if (line[i] == '\t')
                {
                    if (IsBlankOrComment(line, i)) continue;
                    throw Error(r, "This line is indented with a tab; YAML allows only spaces for indentation.");
                }

                return r;
            }

            return lines.Length;
        }

        /// <summary>The indentation of a significant line; a document marker ends every block, so it counts as -1.</summary>
        private int IndentOf(int r) => IsDocumentMarker(r, "---") || IsDocumentMarker(r, "...") ? -1 : indents[r];

        private bool IsDocumentMarker(int r, string marker) =>
            indents[r] == 0 && lines[r].StartsWith(marker, StringComparison.Ordinal) && (lines[r].Length == 3 || lines[r][3] is ' ' or '\t');

        private bool IsSequenceItem(int r, int col)
        {
            var line = lines[r];
            return col < line.Length && line[col] == '-' && (col + 1 >= line.Length || line[col + 1] is ' ' or '\t');
        }

        private static bool IsBlankOrComment(string line, int from)
        {
            var i = SkipSpace(line, from);
            return i >= line.Length || (line[i] == '#' && (i == 0 || line[i - 1] is ' ' or '\t'));
        }

        private static bool IsWhitespace(string line) => line.All(c => c is ' ' or '\t');

        private static int SkipSpace(string line, int from)
        {
            var i = from;
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            return i;
        }

        private static int LeadingSpaces(string line)
        {
            var i = 0;
            while (i < line.Length && line[i] == ' ') i++;
            return i;
        }

        private static string Spaces(int n) => n == 1 ? "1 space" : $"{n} spaces";

        private static char Closer(char open) => open == '[' ? ']' : '}';

        private static YamlSyntaxException Error(int r, string message) => new(r + 1, message);
    }
}
