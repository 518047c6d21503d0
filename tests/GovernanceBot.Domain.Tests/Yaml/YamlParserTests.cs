using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GovernanceBot.Domain.Yaml;
using static GovernanceBot.Domain.Tests.Yaml.YamlShape;

namespace GovernanceBot.Domain.Tests.Yaml;

public class YamlParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n   # and another\n")]
    [InlineData("---\n# nothing else")]
    public void An_empty_or_comment_only_document_is_an_empty_mapping(string text)
    {
        var root = Assert.IsType<YamlMapping>(ParseOk(text));
        Assert.Empty(root.Entries);
        Assert.Equal(1, root.Line);
    }

    [Theory]
    // block mappings and nesting
    [InlineData("a: 1\nb: two", "{a: 1, b: two}")]
    [InlineData("a:\n  b:\n    c: deep\n  d: 2\ne: 3", "{a: {b: {c: deep}, d: 2}, e: 3}")]
    [InlineData("a:\nb: 2", "{a: ~, b: 2}")]
    [InlineData("a:   \n", "{a: ~}")]
    [InlineData("---\na: 1", "{a: 1}")]
    [InlineData("a: 1\n...\n# done", "{a: 1}")]
    [InlineData("key with spaces: value with spaces", "{key with spaces: value with spaces}")]
    [InlineData("url: http://example.com/a:b", "{url: http://example.com/a:b}")]
    [InlineData("\"quoted key\": 1\n'single': 2", "{\"quoted key\": 1, \"single\": 2}")]
    [InlineData("a:\tvalue", "{a: value}")]
    // block sequences
    [InlineData("- a\n- b", "[a, b]")]
    [InlineData("list:\n  - a\n  - b\nnext: 1", "{list: [a, b], next: 1}")]
    [InlineData("list:\n- a\n- b\nnext: 1", "{list: [a, b], next: 1}")]
    [InlineData("- - a\n  - b\n- c", "[[a, b], c]")]
    [InlineData("- name: x\n  age: 3\n- name: y", "[{name: x, age: 3}, {name: y}]")]
    [InlineData("-   name: x\n    age: 3", "[{name: x, age: 3}]")]
    [InlineData("- { a: 1 }\n- [b, c]", "[{a: 1}, [b, c]]")]
    [InlineData("-\n  a: 1\n-\n- x", "[{a: 1}, ~, x]")]
    [InlineData("- key:\n  - nested\n  other: 2", "[{key: [nested], other: 2}]")]
    // flow collections
    [InlineData("a: { b: 1, c: [x, y] }", "{a: {b: 1, c: [x, y]}}")]
    [InlineData("a: [ ]\nb: {}", "{a: [], b: {}}")]
    [InlineData("a: [x, y, ]", "{a: [x, y]}")]
    [InlineData("a: [[1, 2], [3]]", "{a: [[1, 2], [3]]}")]
    [InlineData("a: {b: , c: 2}", "{a: {b: ~, c: 2}}")]
    [InlineData("a: {b, c}", "{a: {b: ~, c: ~}}")]
    [InlineData("a: {\"b\":1}", "{a: {\"b\": 1}}")]
    [InlineData("a: [http://x.org/p, 'it''s', \"q,r\"]", "{a: [http://x.org/p, \"it's\", \"q,r\"]}")]
    [InlineData("a: [\n  x,   # first\n  y\n]\nb: 2", "{a: [x, y], b: 2}")]
    [InlineData("a: {\n    b: 1,\n    c: [2,\n        3]\n  }", "{a: {b: 1, c: [2, 3]}}")]
    [InlineData("[a, b]", "[a, b]")]
    [InlineData("a: [@alice, `b`]", "{a: [@alice, `b`]}")]
    // comments
    [InlineData("a: 1 # trailing\n# full line\nb: 2", "{a: 1, b: 2}")]
    [InlineData("a: x#y", "{a: x#y}")]
    [InlineData("a: \"x # not a comment\"", "{a: \"x # not a comment\"}")]
    [InlineData("a: 'x # not a comment' # but this is", "{a: \"x # not a comment\"}")]
    [InlineData("a: [x#y, z] # c", "{a: [x#y, z]}")]
    [InlineData("a: # nothing\nb: 1", "{a: ~, b: 1}")]
    // quoted scalars
    [InlineData("a: \"say \\\"hi\\\"\\n\\ttab \\\\ \\u00e9\"", "{a: \"say \\\"hi\\\"\\n\\ttab \\\\ é\"}")]
    [InlineData("a: 'it''s \\n raw'", "{a: \"it's \\\\n raw\"}")]
    [InlineData("a: \"\"", "{a: \"\"}")]
    [InlineData("a: \"x: y\"", "{a: \"x: y\"}")]
    // scalars stay strings
    [InlineData("a: true\nb: 007\nc: ~", "{a: true, b: 007, c: ~}")]
    public void Parses_the_supported_subset(string text, string expected) =>
        Assert.Equal(expected, Show(ParseOk(text)));

    [Theory]
    [InlineData("a: |\n  one\n  two\n", "{a: \"one\\ntwo\\n\"}")]
    [InlineData("a: |-\n  one\n  two\n\n", "{a: \"one\\ntwo\"}")]
    [InlineData("a: |+\n  one\n\n\nb: 1", "{a: \"one\\n\\n\\n\", b: 1}")]
    [InlineData("a: |\n  one\n\n  two\n\nb: 1", "{a: \"one\\n\\ntwo\\n\", b: 1}")]
    [InlineData("a: |\n    indented\n      more\n    back\n", "{a: \"indented\\n  more\\nback\\n\"}")]
    [InlineData("a: | # comment\n  # not a comment\n", "{a: \"# not a comment\\n\"}")]
    [InlineData("a: |2\n    two extra\n", "{a: \"  two extra\\n\"}")]
    [InlineData("a: |\nb: 1", "{a: \"\", b: 1}")]
    [InlineData("a: >\n  folded\n  into one\n\n  paragraph two\n", "{a: \"folded into one\\nparagraph two\\n\"}")]
    [InlineData("a: >-\n  one\n    kept\n  two", "{a: \"one\\n  kept\\ntwo\"}")]
    [InlineData("- |\n  item text\n- next", "[\"item text\\n\", next]")]
    [InlineData("- a: |\n    inner\n  b: 2", "[{a: \"inner\\n\", b: 2}]")]
    public void Block_scalars_keep_or_fold_lines_and_chomp_as_asked(string text, string expected) =>
        Assert.Equal(expected, Show(ParseOk(text)));

    [Fact]
    public void Line_endings_and_a_byte_order_mark_do_not_matter()
    {
        Assert.Equal("{a: 1, b: [x]}", Show(ParseOk("\uFEFFa: 1\r\nb:\r\n  - x\r\n")));
    }

    [Fact]
    public void Every_node_knows_the_line_where_it_starts()
    {
        var root = Assert.IsType<YamlMapping>(ParseOk("# header\n\na: 1\nb:\n  - x\n  - { c: 2 }\nd: |\n  text\n"));
        Assert.Equal(3, root.Line);
        Assert.True(root.TryGet("a", out var a));
        Assert.Equal(3, a.Line);
        Assert.Equal(4, root.Entries[1].Key.Line);
        var b = Assert.IsType<YamlSequence>(root.Entries[1].Value);
        Assert.Equal(5, b.Line);
        Assert.Equal([5, 6], b.Items.Select(i => i.Line));
        var d = Assert.IsType<YamlScalar>(root.Entries[2].Value);
        Assert.Equal(7, d.Line);
        Assert.Equal(8, d.ContentLine);
        Assert.Equal(YamlScalarStyle.Literal, d.Style);
        Assert.False(root.TryGet("missing", out _));
    }

    [Fact]
    public void An_empty_value_is_a_null_plain_scalar_and_quoted_empty_text_is_not_null()
    {
        var root = Assert.IsType<YamlMapping>(ParseOk("a:\nb: \"\"\nc: null"));
        Assert.Equal([true, false, true], root.Entries.Select(e => ((YamlScalar)e.Value).IsNull));
        Assert.Equal("", ((YamlScalar)root.Entries[0].Value).Value);
    }

    [Theory]
    [InlineData("a: 1\n\tb: 2", 2, "tab")]
    [InlineData("a:\n\t- x", 2, "tab")]
    [InlineData("a: 1\na: 2", 2, "The key \"a\" appears twice in this mapping (first on line 1)")]
    [InlineData("x: { a: 1, a: 2 }", 1, "appears twice")]
    [InlineData("a: 1\n   b: 2", 2, "indented more")]
    [InlineData("a:\n    b: 1\n  c: 2", 3, "indented more")]
    [InlineData("- a\n  - b", 2, "indented more")]
    [InlineData("  a: 1\nb: 2", 2, "indented less")]
    [InlineData("a: 1\n- b", 2, "list item")]
    [InlineData("just text\nmore text", 2, "does not continue")]
    [InlineData("a: \"open", 1, "not closed")]
    [InlineData("a: 'open", 1, "not closed")]
    [InlineData("a: [x, y\nb: 2", 1, "The '[' on this line is never closed")]
    [InlineData("a: { x: 1\n", 1, "The '{' on this line is never closed")]
    [InlineData("a: [x, y]]", 1, "Unexpected text after the closing bracket")]
    [InlineData("a: \"x\" y", 1, "Unexpected text after the closing quote")]
    [InlineData("a: [x, , y]", 1, "a value is missing")]
    [InlineData("a: [x: 1]", 1, "{ key: value }")]
    [InlineData("a: &anchor 1", 1, "Anchors (&name) are not supported")]
    [InlineData("a: *anchor", 1, "Aliases (*name) are not supported")]
    [InlineData("a: !!str 1", 1, "Tags (such as !!str) are not supported")]
    [InlineData("- !tag x", 1, "Tags")]
    [InlineData("a: [*x]", 1, "Aliases")]
    [InlineData("&a key: 1", 1, "Anchors")]
    [InlineData("? complex\n: value", 1, "not supported")]
    [InlineData("%YAML 1.2\n---\na: 1", 1, "directives")]
    [InlineData("a: 1\n---\nb: 2", 2, "more than one YAML document")]
    [InlineData("a: 1\n...\nb: 2", 2, "more than one YAML document")]
    [InlineData("a: b: c", 1, "put the value in quotes")]
    [InlineData("a: - b", 1, "A list cannot start on the same line")]
    [InlineData("a: \"bad \\q escape\"", 1, "\\q is not an escape")]
    [InlineData("a: | extra\n  x", 1, "Only a comment may follow")]
    [InlineData("just a line without colon\nb: 1", 2, "does not continue")]
    [InlineData("a: 1\nno colon here", 2, "Expected a key followed by a colon")]
    [InlineData("a: 1\n: 2", 2, "A key is missing")]
    public void Rejects_what_it_does_not_support_with_the_line_and_a_reason(string text, int line, string fragment)
    {
        var error = ParseFails(text);
        Assert.Equal(line, error.Line);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> DeeplyNested() => new()
    {
        "a: " + new string('[', 5000) + new string(']', 5000),
        string.Concat(Enumerable.Repeat("- ", 5000)) + "x",
        string.Concat(Enumerable.Range(0, 5000).Select(i => new string(' ', i) + "k:\n")),
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Deep_nesting_is_an_error_not_a_crash(string text)
    {
        var error = ParseFails(text);
        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public bool Never_throws_on_any_input(string? text)
    {
        var result = YamlParser.Parse(text);
        return result is YamlResult.Parsed or YamlResult.Failed { Error.Line: >= 1 };
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(YamlChars)])]
    public bool Never_throws_on_input_made_of_yaml_punctuation(NonEmptyArray<YamlChar> chars)
    {
        var text = new string([.. chars.Get.Select(c => c.Value)]);
        return YamlParser.Parse(text) is YamlResult.Parsed or YamlResult.Failed;
    }

    [Property]
    public bool A_flow_list_of_plain_words_round_trips(NonEmptyArray<PositiveInt> numbers)
    {
        var words = numbers.Get.Select(n => $"w{n.Get}").ToArray();
        var root = ParseOk($"list: [{string.Join(", ", words)}]");
        return Show(root) == $"{{list: [{string.Join(", ", words)}]}}";
    }

    /// <summary>One character drawn from the characters that steer the parser, so the fuzzing reaches its corners.</summary>
    public sealed record YamlChar(char Value);

    public static class YamlChars
    {
        public static Arbitrary<YamlChar> Chars() =>
            Arb.From(Gen.Elements(" \n\t-:#[]{},'\"|>&*!?%ab1@".ToCharArray()).Select(c => new YamlChar(c)));
    }
}
