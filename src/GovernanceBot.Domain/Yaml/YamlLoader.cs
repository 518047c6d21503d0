using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GovernanceBot.Domain.Yaml;

/// <summary>
/// Reads one YAML 1.2 document with YamlDotNet's parser into the small node model that configuration and scenario
/// readers consume, keeping each node's line and column. YamlDotNet does the YAML: block and flow styles, every scalar
/// style (multi-line quoted text included), directives, document markers, tags, anchors and aliases, CRLF. This class
/// adds what a configuration reader needs on top:
/// <list type="bullet">
/// <item>a key written twice in one mapping is an error (YAML says so; YamlDotNet's parser leaves it to the loader);</item>
/// <item><c>&lt;&lt;: *defaults</c> merge keys are expanded in place, a key the mapping sets itself winning over a merged
/// one (done here rather than by YamlDotNet's <c>MergingParser</c>, which reports neither duplicates nor where a merged
/// key was written);</item>
/// <item>scalars keep their text and style, so the consumer decides types and can refuse YAML 1.1's <c>no</c> as a boolean;
/// an explicit tag must fit its value (<c>!!int abc</c> is refused) and unknown tags are refused;</item>
/// <item>one document per file; a second one is an error, not silently ignored;</item>
/// <item>limits: nesting deeper than <see cref="MaxDepth"/> and documents that hold, once aliases are expanded, more than
/// <see cref="MaxNodes"/> values (the "billion laughs") are refused before they cost time or memory.</item>
/// </list>
/// Every problem is a <see cref="YamlError"/> with its line, column and the dotted key being read there.
/// </summary>
public static partial class YamlLoader
{
    /// <summary>The deepest nesting of lists and mappings accepted, aliases expanded.</summary>
    public const int MaxDepth = 100;

    /// <summary>The most values (scalars, lists and mappings) a document may hold, aliases expanded.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Loads <paramref name="text"/>. Never throws: every problem is a <see cref="YamlResult.Failed"/>.</summary>
    public static YamlResult Load(string? text)
    {
        text ??= "";

        // YAML allows a byte order mark before the document; YamlDotNet would read it as part of the first key.
        if (text.StartsWith('\uFEFF')) text = text[1..];
        try
        {
            return new YamlResult.Parsed(new Loader(text).LoadDocument());
        }
        catch (YamlLoadException e)
        {
            return new YamlResult.Failed(e.Error);
        }
    }

    // Internal control flow of the recursive loader only; Load turns it into a value and it never escapes.
    private sealed class YamlLoadException(YamlError error) : Exception(error.Message)
    {
        public YamlError Error { get; } = error;
    }

    /// <summary>A loaded node with its size (values it holds, itself included) and height (levels of nesting, 0 for a scalar).</summary>
    private readonly record struct Built(YamlNode Node, int Size, int Height);

    /// <summary>A list or mapping being read, at <paramref name="Path"/>: <paramref name="Opener"/> is '[' or '{' for flow style, else '\0'.</summary>
    private readonly record struct Open(char Opener, Mark Start, string Path);

    /// <summary>
    /// YamlDotNet's scanner with one fix: a comma the parser has looked ahead at is not skipped unread. YamlDotNet 18.1's
    /// parser looks ahead twice after an anchored scalar that is a value in a flow mapping, losing the comma after it, so
    /// <c>{ a: &amp;x 1, b: 2 }</c> failed ("did not find expected ',' or '}'"; aaubry/YamlDotNet#949 fixed only the
    /// form with one entry). A second look-ahead past an unconsumed comma now returns that same comma. The fix is limited
    /// to the comma because the parser also looks ahead twice at the end of the stream, expecting nothing more there.
    /// </summary>
    private sealed class PeekOnceScanner(Scanner scanner) : IScanner
    {
        private bool _peeked;

        public Mark CurrentPosition => scanner.CurrentPosition;

        public YamlDotNet.Core.Tokens.Token? Current => scanner.Current;

        public bool MoveNext()
        {
            _peeked = false;
            return scanner.MoveNext();
        }

        public bool MoveNextWithoutConsuming()
        {
            if (_peeked && scanner.Current is YamlDotNet.Core.Tokens.FlowEntry) return true;
            _peeked = scanner.MoveNextWithoutConsuming();
            return _peeked;
        }

        public void ConsumeCurrent()
        {
            _peeked = false;
            scanner.ConsumeCurrent();
        }
    }

    private sealed partial class Loader(string text)
    {
        private readonly Parser _parser = new(new PeekOnceScanner(new Scanner(new StringReader(text), skipComments: true)));
        private readonly Dictionary<string, Built> _anchors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _anchorsBeingRead = new(StringComparer.Ordinal);
        private readonly List<Open> _open = [];
        private Mark _reached = Mark.Empty;
        private string _reading = "";
        private int _nodes;
        private bool _aliasesExpanded;

        public YamlNode LoadDocument()
        {
            Next(); // StreamStart
            if (Next() is not DocumentStart) return new YamlMapping([], 1, 1);

            var root = Node(Next(), depth: 0, path: "").Node;
            Next(); // DocumentEnd
            if (Next() is DocumentStart second)
            {
                throw Fail(second.Start, "", "This file holds more than one YAML document: a second one starts on this line (after --- or ...). "
                    + "The bot reads a single document; remove this line and what follows, or move it to a file of its own.");
            }

            // A document with nothing in it (only comments, or a lone ---) is an empty mapping: every default applies.
            return root is YamlScalar { Style: YamlScalarStyle.Plain, Value: "", Tag: null }
                ? new YamlMapping([], 1, 1)
                : root;
        }

        // ---- nodes -----------------------------------------------------------------------------------------------

        private Built Node(ParsingEvent e, int depth, string path) => e switch
        {
            AnchorAlias alias => Alias(alias, depth, path),
            Scalar scalar => Remember(scalar.Anchor, ScalarNode(scalar, path)),
            SequenceStart start => Sequence(start, depth, path),
            MappingStart start => Mapping(start, depth, path),
            _ => throw Fail(e.Start, path, $"Unexpected {e.GetType().Name} in the YAML event stream."),
        };

        private Built ScalarNode(Scalar e, string path)
        {
            Count(1, e.Start, path);
            var style = e.Style switch
            {
                ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
                ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
                ScalarStyle.Literal => YamlScalarStyle.Literal,
                ScalarStyle.Folded => YamlScalarStyle.Folded,
                _ => YamlScalarStyle.Plain,
            };
            var (line, column) = Position(e.Start);
            var node = new YamlScalar(e.Value, style, line, column)
            {
                Tag = ShortTag(e.Tag, scalar: true),
                ContentLine = style is YamlScalarStyle.Literal or YamlScalarStyle.Folded ? BlockContentLine(e.Start) : line,
            };
            if (node.Tag is { } tag && !FitsTag(node, tag)) throw Fail(e.Start, path, TagMismatch(tag, node));
            return new Built(node, 1, 0);
        }

        private Built Sequence(SequenceStart start, int depth, string path)
        {
            Enter(start.Start, depth, path, start.Anchor, start.Tag, "!!seq", start.Style == SequenceStyle.Flow ? '[' : '\0');
            var items = new List<YamlNode>();
            var size = 1;
            var height = 0;
            while (true)
            {
                _reading = path;
                var e = Next();
                if (e is SequenceEnd) break;
                var item = Node(e, depth + 1, path);
                items.Add(item.Node);
                size += item.Size;
                height = Math.Max(height, item.Height);
            }

            var (line, column) = Position(start.Start);
            return Leave(start.Anchor, new Built(new YamlSequence(items, line, column), size, height + 1));
        }

        private Built Mapping(MappingStart start, int depth, string path)
        {
            Enter(start.Start, depth, path, start.Anchor, start.Tag, "!!map", start.Style == MappingStyle.Flow ? '{' : '\0');
            var pairs = new List<(YamlScalar Key, Built Value, bool IsMerge)>();
            var size = 1;
            var height = 0;
            while (true)
            {
                _reading = path;
                var e = Next();
                if (e is MappingEnd) break;

                var key = Node(e, depth + 1, path);
                if (key.Node is not YamlScalar keyScalar)
                    throw Fail(key.Node, path, $"A key must be a single value, like name:, but this one is {key.Node.KindName}.");

                var isMerge = keyScalar is { Value: "<<", Style: YamlScalarStyle.Plain, Tag: null or "!!merge" };
                var valuePath = isMerge ? path : Join(path, keyScalar.Value);
                _reading = valuePath;
                var valueEvent = Next();
                var value = Node(valueEvent, depth + 1, valuePath);

                // YamlDotNet gives a missing key (": value") an empty scalar placed at the start of the mapping.
                if (keyScalar is { Value: "", Style: YamlScalarStyle.Plain, Tag: null })
                    throw Fail(valueEvent.Start, path, "A key is missing before the colon that precedes this value; write it as name: value.");

                pairs.Add((keyScalar, value, isMerge));
                size += key.Size + value.Size;
                height = Math.Max(height, value.Height);
            }

            var entries = Merge(pairs, path);
            var (line, column) = Position(start.Start);
            return Leave(start.Anchor, new Built(new YamlMapping(entries, line, column), size, height + 1));
        }

        /// <summary>
        /// The mapping's entries in file order, keys written twice refused, and each <c>&lt;&lt;</c> replaced by the entries
        /// it merges that the mapping does not set itself (of several merged mappings, the first to set a key wins).
        /// </summary>
        private List<YamlEntry> Merge(List<(YamlScalar Key, Built Value, bool IsMerge)> pairs, string path)
        {
            var first = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            foreach (var (key, _, isMerge) in pairs)
            {
                if (first.TryAdd(key.Value, key)) continue;
                var previous = first[key.Value];
                throw isMerge
                    ? Fail(key, path, $"This mapping has a second << merge key (the first is on line {previous.Line}); merge several mappings with one key, like <<: [*first, *second].")
                    : Fail(key, Join(path, key.Value), $"The key \"{key.Value}\" appears twice in this mapping (first on line {previous.Line}); keep only one.");
            }

            var present = pairs.Where(p => !p.IsMerge).Select(p => p.Key.Value).ToHashSet(StringComparer.Ordinal);
            var entries = new List<YamlEntry>(pairs.Count);
            foreach (var (key, value, isMerge) in pairs)
            {
                if (!isMerge)
                {
                    entries.Add(new YamlEntry(key, value.Node));
                    continue;
                }

                foreach (var source in MergeSources(key, value.Node, path))
                    entries.AddRange(source.Entries.Where(entry => present.Add(entry.Key.Value)));
            }

            return entries;
        }

        private IEnumerable<YamlMapping> MergeSources(YamlScalar key, YamlNode value, string path) => value switch
        {
            YamlMapping mapping => [mapping],
            YamlSequence { Items: var items } when items.All(i => i is YamlMapping) => items.Cast<YamlMapping>(),
            _ => throw Fail(key, path, $"<< merges other mappings into this one, so its value must be a mapping or a list of mappings, like <<: *defaults or <<: [*first, *second]; here it is {value.KindName}."),
        };

        private Built Alias(AnchorAlias alias, int depth, string path)
        {
            var name = alias.Value.Value;
            if (_anchorsBeingRead.ContainsKey(name))
                throw Fail(alias.Start, path, $"The alias *{name} sits inside the value it refers to (&{name}), which would make that value endless; write the value out instead.");
            if (!_anchors.TryGetValue(name, out var target))
                throw Fail(alias.Start, path, $"The alias *{name} refers to no anchor: mark a value above this line with &{name}, or check the spelling.");
            if (depth + target.Height > MaxDepth) throw TooDeep(alias.Start, path);

            _aliasesExpanded = true;
            Count(target.Size, alias.Start, path);

            // The value is the anchored one, found where the alias is: a message about it points at the alias.
            var (line, column) = Position(alias.Start);
            return target with { Node = target.Node with { Line = line, Column = column } };
        }

        private void Enter(Mark start, int depth, string path, AnchorName anchor, TagName tag, string expectedTag, char opener)
        {
            if (depth >= MaxDepth) throw TooDeep(start, path);
            Count(1, start, path);
            if (ShortTag(tag, scalar: false) is { } written && written != expectedTag)
            {
                var kind = expectedTag == "!!seq" ? "a list" : "a mapping";
                throw Fail(start, path, written is "!!seq" or "!!map" or "!!str" or "!!int" or "!!float" or "!!bool" or "!!null"
                    ? $"This value is tagged {written} but it is {kind}; remove the tag."
                    : UnknownTag(written));
            }

            if (!anchor.IsEmpty) _anchorsBeingRead[anchor.Value] = _anchorsBeingRead.GetValueOrDefault(anchor.Value) + 1;
            _open.Add(new Open(opener, start, path));
        }

        private Built Leave(AnchorName anchor, Built built)
        {
            _open.RemoveAt(_open.Count - 1);
            if (!anchor.IsEmpty && --_anchorsBeingRead[anchor.Value] == 0) _anchorsBeingRead.Remove(anchor.Value);
            return Remember(anchor, built);
        }

        private Built Remember(AnchorName anchor, Built built)
        {
            // A later anchor of the same name replaces the earlier one for the aliases after it, as YAML says.
            if (!anchor.IsEmpty) _anchors[anchor.Value] = built;
            return built;
        }

        private void Count(int added, Mark at, string path)
        {
            _nodes += added;
            if (_nodes <= MaxNodes) return;
            throw Fail(at, path, _aliasesExpanded
                ? $"With its aliases expanded, this document would hold more than {MaxNodes} values (aliases of aliases multiply); write the values out, or use fewer aliases."
                : $"This document holds more than {MaxNodes} values, far more than a configuration needs.");
        }

        private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
    }
}
