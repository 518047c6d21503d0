using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GovernanceBot.Domain.Yaml;
using static GovernanceBot.Domain.Tests.Yaml.YamlShape;

namespace GovernanceBot.Domain.Tests.Yaml;

/// <summary>
/// What the loader adds to YamlDotNet: the node model with positions, merge keys, duplicate keys, tags, one document,
/// limits, and messages with line and column. YAML itself is YamlDotNet's; these rows only pin what the bot relies on.
/// </summary>
public class YamlLoaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n   # and another\n")]
    [InlineData("---\n# nothing else")]
    [InlineData("%YAML 1.2\n---\n...\n")]
    public void An_empty_or_comment_only_document_is_an_empty_mapping(string text)
    {
        var root = Assert.IsType<YamlMapping>(ParseOk(text));
        Assert.Empty(root.Entries);
        Assert.Equal(1, root.Line);
    }

    [Theory]
    // block and flow styles
    [InlineData("a: 1\nb:\n  c: [x, y]\n  d: {e: f}", "{a: 1, b: {c: [x, y], d: {e: f}}}")]
    [InlineData("list:\n- a\n- b\nnext: 1", "{list: [a, b], next: 1}")]
    [InlineData("- name: x\n  age: 3\n- [y, z]", "[{name: x, age: 3}, [y, z]]")]
    [InlineData("a: {\n    b: 1,\n    c: [2,\n        3]\n  }", "{a: {b: 1, c: [2, 3]}}")]
    [InlineData("a: [x, y, ]\nb: {c, d: }", "{a: [x, y], b: {c: ~, d: ~}}")]
    [InlineData("? a\n: 1", "{a: 1}")]
    // anchors, aliases and merge keys
    [InlineData("a: &x 1\nb: *x\nc: &l [p, q]\nd: *l", "{a: 1, b: 1, c: [p, q], d: [p, q]}")]
    [InlineData("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3", "{base: {x: 1, y: 2}, m: {x: 1, y: 3}}")]
    [InlineData("base: &b {x: 1, y: 2}\nm: {y: 3, <<: *b, z: 4}", "{base: {x: 1, y: 2}, m: {y: 3, x: 1, z: 4}}")]
    [InlineData("a: &a {x: 1}\nb: &b {x: 2, z: 3}\nm: {<<: [*a, *b]}", "{a: {x: 1}, b: {x: 2, z: 3}, m: {x: 1, z: 3}}")]
    [InlineData("m: {!!merge <<: {x: 1}, y: 2}", "{m: {x: 1, y: 2}}")]
    [InlineData("m: {\"<<\": 1}", "{m: {\"<<\": 1}}")]
    [InlineData("a: &x 1\nb: &x 2\nc: *x", "{a: 1, b: 2, c: 2}")]
    [InlineData("r: { a: &x 1, b: *x, c: &y \"2\", d: *y }", "{r: {a: 1, b: 1, c: \"2\", d: \"2\"}}")] // YamlDotNet 18.1 refused this; see PeekOnceScanner
    // tags, directives and document markers
    [InlineData("a: !!str 1\nb: !!int 0x1F\nc: ! 12\nd: !!float .5\ne: !!bool false", "{a: 1, b: 0x1F, c: 12, d: .5, e: false}")]
    [InlineData("%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\na: !!map {b: !!seq [c]}\n...\n", "{a: {b: [c]}}")]
    [InlineData("--- # the file\na: 1\n... # done", "{a: 1}")]
    [InlineData("--- {a: 1}", "{a: 1}")]
    // scalars: multi-line quoted and plain, folded and literal
    [InlineData("a: \"one\n  two\"\nb: 'three\n\n  four'\nc: \"x\\\n  y\"", "{a: \"one two\", b: \"three\\nfour\", c: \"xy\"}")]
    [InlineData("a: one\n  two", "{a: one two}")]
    [InlineData("a: >\n  folded\n  text\nb: |-\n  kept\n  lines", "{a: \"folded text\\n\", b: \"kept\\nlines\"}")]
    [InlineData("a: \"say \\\"hi\\\"\\t\\u00e9\"\nb: 'it''s \\n raw'", "{a: \"say \\\"hi\\\"\\té\", b: \"it's \\\\n raw\"}")]
    [InlineData("a: x#y # comment\nb: \"x # y\"", "{a: x#y, b: \"x # y\"}")]
    // line endings, byte order mark, tabs that separate (not indent)
    [InlineData("a: 1\r\nb:\r\n  - x\r\nc: |\r\n  t\r\n", "{a: 1, b: [x], c: \"t\\n\"}")]
    [InlineData("\uFEFFa: 1", "{a: 1}")]
    [InlineData("-\ta\n-\tb: c", "[a, {b: c}]")]
    [InlineData("a:\tb\nc: [\td ]", "{a: b, c: [d]}")]
    public void Reads_yaml_as_people_write_it(string text, string expected) =>
        Assert.Equal(expected, Show(ParseOk(text)));

    [Fact]
    public void Every_node_knows_its_line_and_column()
    {
        var root = Assert.IsType<YamlMapping>(ParseOk("# header\n\na: 1\nb:\n  - x\n  - { c: 2 }\nd: |\n  text\n"));
        Assert.Equal((3, 1), (root.Line, root.Column));
        Assert.True(root.TryGet("a", out var a));
        Assert.Equal((3, 4), (a.Line, a.Column));
        Assert.Equal(4, root.Entries[1].Key.Line);
        var b = Assert.IsType<YamlSequence>(root.Entries[1].Value);
        Assert.Equal((5, 3), (b.Line, b.Column));
        Assert.Equal([(5, 5), (6, 5)], b.Items.Select(i => (i.Line, i.Column)));
        var d = Assert.IsType<YamlScalar>(root.Entries[2].Value);
        Assert.Equal((7, 8), (d.Line, d.ContentLine));
        Assert.Equal(YamlScalarStyle.Literal, d.Style);
        Assert.False(root.TryGet("missing", out _));
    }

    [Fact]
    public void An_alias_stands_where_it_is_written_and_merged_keys_keep_the_lines_they_were_written_on()
    {
        var root = Assert.IsType<YamlMapping>(ParseOk("defaults: &d\n  voting: 7d\nrfc: *d\ncharter:\n  <<: *d\n  quorum: 2/3"));
        Assert.True(root.TryGet("rfc", out var rfc));
        Assert.Equal((3, 6), (rfc.Line, rfc.Column));
        var charter = Assert.IsType<YamlMapping>(root.Entries[2].Value);
        Assert.Equal([("voting", 2), ("quorum", 6)], charter.Entries.Select(e => (e.Key.Value, e.Key.Line)));
    }

    [Fact]
    public void The_style_and_tag_of_a_scalar_are_kept_so_consumers_can_tell_text_from_null()
    {
        var root = Assert.IsType<YamlMapping>(ParseOk("a:\nb: ''\nc: \"x\"\nd: null\ne: !!str null\nf: !!null ''\ng: |\n  x\nh: >\n  x"));
        var scalars = root.Entries.Select(e => Assert.IsType<YamlScalar>(e.Value)).ToList();
        Assert.Equal([true, false, false, true, false, true, false, false], scalars.Select(s => s.IsNull));
        Assert.Equal(
            [YamlScalarStyle.Plain, YamlScalarStyle.SingleQuoted, YamlScalarStyle.DoubleQuoted, YamlScalarStyle.Plain, YamlScalarStyle.Plain, YamlScalarStyle.SingleQuoted, YamlScalarStyle.Literal, YamlScalarStyle.Folded],
            scalars.Select(s => s.Style));
        Assert.Equal([null, null, null, null, "!!str", "!!null", null, null], scalars.Select(s => s.Tag));
    }

    [Theory]
    [InlineData("config: |\n  tsc: {}\n", 2)]
    [InlineData("config: |  # the file\n\n  tsc: {}\n", 2)]
    [InlineData("config: &c |\n  tsc: {}\n", 2)]
    [InlineData("config: !!str\n  |\n  tsc: {}\n", 3)]
    [InlineData("x: 1\r\nconfig: >-\r\n  tsc: {}\r\n", 3)]
    public void A_block_scalar_knows_the_line_its_text_starts_on(string text, int contentLine)
    {
        var root = Assert.IsType<YamlMapping>(ParseOk(text));
        Assert.True(root.TryGet("config", out var config));
        Assert.Equal(contentLine, Assert.IsType<YamlScalar>(config).ContentLine);
    }

    [Theory]
    // keys
    [InlineData("a: 1\na: 2", 2, 1, "a", "The key \"a\" appears twice in this mapping (first on line 1); keep only one.")]
    [InlineData("m: { x: 1, x: 2 }", 1, 12, "m.x", "appears twice")]
    [InlineData("d: &d {x: 1}\nm:\n  x: 2\n  <<: *d\n  x: 3", 5, 3, "m.x", "appears twice in this mapping (first on line 3)")]
    [InlineData("d: &d {x: 1}\nm:\n  <<: *d\n  <<: *d", 4, 3, "m", "a second << merge key (the first is on line 3)")]
    [InlineData("m:\n  <<: [x]", 2, 3, "m", "its value must be a mapping or a list of mappings")]
    [InlineData("? [a]\n: x", 1, 3, "", "A key must be a single value")]
    [InlineData("a: 1\n: 2", 2, 3, "", "A key is missing")]
    // anchors and aliases
    [InlineData("a: *nowhere", 1, 4, "a", "The alias *nowhere refers to no anchor")]
    [InlineData("a: *x\nb: &x 1", 1, 4, "a", "refers to no anchor")]
    [InlineData("a: &x [1, *x]", 1, 11, "a", "The alias *x sits inside the value it refers to")]
    // tags
    [InlineData("a: !!int ten", 1, 4, "a", "\"ten\" is tagged !!int but is not an integer")]
    [InlineData("a: !!bool yes", 1, 4, "a", "is not a boolean (true or false)")]
    [InlineData("a: !!str {b: 1}", 1, 4, "a", "tagged !!str but it is a mapping")]
    [InlineData("a: !!seq x", 1, 4, "a", "tagged !!seq but it is a single value")]
    [InlineData("a: !Ref x", 1, 4, "a", "The tag !Ref is not one the bot reads")]
    [InlineData("a: !!binary aGk=", 1, 4, "a", "The tag !!binary is not one the bot reads")]
    // documents
    [InlineData("a: 1\n---\nb: 2", 2, 1, "", "more than one YAML document")]
    [InlineData("a: 1\n...\nb: 2", 3, 1, "", "more than one YAML document")]
    [InlineData("a: 1\n---\n", 2, 1, "", "more than one YAML document")]
    [InlineData("%YAML 2.0\n---\na: 1", 1, 1, "", "a YAML version the bot does not read")]
    // syntax, reworded, with the key being read
    [InlineData("a:\n\t- x", 2, 1, "a", "This line is indented with a tab")]
    [InlineData("a: 1\n\tb: 2", 2, 1, "a", "indented with a tab")]
    [InlineData("-\tname: x\n \tage: 3", 2, 2, "name", "indented with a tab")]
    [InlineData("a: [x, y\nb: 2", 1, 4, "a", "The '[' here is never closed; add the matching ']'.")]
    [InlineData("a:\n  b: {x: 1\nc: 2", 2, 6, "a.b", "The '{' here is never closed")]
    [InlineData("a: [x y: 1, z", 1, 4, "a", "The '[' here is never closed")]
    [InlineData("a: [x, y}", 1, 9, "a", "Expected a comma or ']' here")]
    [InlineData("a: \"open", 1, 4, "a", "The quoted text that starts here is never closed")]
    [InlineData("a: b: c", 1, 5, "a", "A colon followed by a space inside a value reads as a new key")]
    [InlineData("a: 1\n   b: 2", 2, 5, "a", "A colon followed by a space")]
    [InlineData("a: - b", 1, 4, "a", "A - list item cannot start here")]
    [InlineData("a: | extra\n  x", 1, 4, "a", "Only a comment may follow | or >")]
    [InlineData("a: \"bad \\q\"", 1, 4, "a", "a backslash escape YAML does not know")]
    [InlineData("a: 1\nno colon here", 2, 1, "", "Expected a key followed by a colon here")]
    [InlineData("a: 1\n- b", 2, 1, "", "Expected another key here")]
    [InlineData("  a: 1\nb: 2", 2, 1, "", "does not continue the document above it")]
    [InlineData("members:\n  - @alice", 2, 5, "members", "A value cannot start with @ in YAML")]
    [InlineData("a: [x, , y]", 1, 8, "a", "A value is missing here")]
    public void Refuses_what_is_not_a_readable_document_with_its_line_column_and_key(string text, int line, int column, string key, string fragment)
    {
        var error = ParseFails(text);
        Assert.Equal((line, column, key), (error.Line, error.Column, error.Key));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> DeeplyNested() => new()
    {
        "a: " + new string('[', 5000) + new string(']', 5000),
        "a: " + new string('[', 100_000),
        string.Concat(Enumerable.Repeat("- ", 5000)) + "x",
        string.Concat(Enumerable.Range(0, 5000).Select(i => new string(' ', i) + "k:\n")),
        // Each alias nests the one before: 60 levels written, over 100 once expanded.
        "a0: &a0 [x]\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"a{i}: &a{i} [[*a{i - 1}]]\n")),
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Deep_nesting_is_an_error_not_a_crash(string text)
    {
        var error = ParseFails(text);
        Assert.Contains($"nested more than {YamlLoader.MaxDepth} levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_is_refused_once_its_aliases_would_expand_past_the_limit()
    {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + string.Concat(Enumerable.Range(1, 8).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 10))}]\n"));

        var error = ParseFails(text);

        Assert.Equal((5, "e"), (error.Line, error.Key));
        Assert.Contains($"With its aliases expanded, this document would hold more than {YamlLoader.MaxNodes} values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_document_written_out_loads_and_many_aliases_of_a_small_value_are_fine()
    {
        var steps = string.Concat(Enumerable.Range(0, 2000).Select(i => $"  - {{ at: {i}h, by: &p{i} dana, comment: \"/vote +1\" }}\n"));
        var aliases = string.Concat(Enumerable.Range(0, 2000).Select(i => $"  - *p{i}\n"));
        var root = Assert.IsType<YamlMapping>(ParseOk("steps:\n" + steps + "people:\n" + aliases));
        Assert.Equal(2000, Assert.IsType<YamlSequence>(root.Entries[1].Value).Items.Count);
    }

    [Property(MaxTest = 500)]
    public bool Never_throws_on_any_input(string? text)
    {
        var result = YamlLoader.Load(text);
        return result is YamlResult.Parsed or YamlResult.Failed { Error: { Line: >= 1, Column: >= 0 } };
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(YamlChars)])]
    public bool Never_throws_on_input_made_of_yaml_punctuation(NonEmptyArray<YamlChar> chars)
    {
        var text = new string([.. chars.Get.Select(c => c.Value)]);
        return YamlLoader.Load(text) is YamlResult.Parsed or YamlResult.Failed { Error.Line: >= 1 };
    }

    [Theory]
    // Inputs on which YamlDotNet 18.1 throws exceptions other than YamlException.
    [InlineData("a: [x, y\nb: 2")]
    [InlineData("!<>")]
    [InlineData("!!@]\tb\\{{:>{\t]&<&,%}!1ab{b")]
    [InlineData("...\n\t ->'%\n%#}\":&?\\<:>\n.[*%:")]
    [InlineData("?]&-,{|-:-!b& @:\t\t[%\n?[<1{*&[")]
    public void Library_exceptions_on_odd_input_become_errors_with_a_line(string text) =>
        Assert.True(ParseFails(text).Line >= 1);

    [Property]
    public bool A_flow_list_of_plain_words_round_trips(NonEmptyArray<PositiveInt> numbers)
    {
        var words = numbers.Get.Select(n => $"w{n.Get}").ToArray();
        var root = ParseOk($"list: [{string.Join(", ", words)}]");
        return Show(root) == $"{{list: [{string.Join(", ", words)}]}}";
    }

    /// <summary>One character drawn from the characters that steer a YAML parser, so the fuzzing reaches its corners.</summary>
    public sealed record YamlChar(char Value);

    public static class YamlChars
    {
        public static Arbitrary<YamlChar> Chars() =>
            Arb.From(Gen.Elements(" \n\t-:#[]{},'\"|>&*!?%ab1@.\\<".ToCharArray()).Select(c => new YamlChar(c)));
    }
}
