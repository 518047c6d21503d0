using System.Diagnostics.CodeAnalysis;

namespace GovernanceBot.Domain.Yaml;

/// <summary>
/// One node of a loaded YAML document (see <see cref="YamlLoader"/>). <see cref="Line"/> and <see cref="Column"/> are
/// 1-based: where the node starts in the text, or, for a node reached through an alias (<c>*name</c>), where the alias is.
/// </summary>
public abstract record YamlNode(int Line, int Column)
{
    /// <summary>How a message names this kind of node: "a single value", "a list", "a mapping".</summary>
    public abstract string KindName { get; }
}

/// <summary>How a scalar was written.</summary>
public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,

    /// <summary><c>|</c>: line breaks kept.</summary>
    Literal,

    /// <summary><c>&gt;</c>: lines folded into spaces.</summary>
    Folded,
}

/// <summary>
/// A scalar. Values stay strings; consumers give them a type, so <c>close_early: no</c> stays the text "no" for the
/// consumer to refuse, instead of becoming YAML 1.1's false. <see cref="Tag"/> is the explicit tag, if any, in short form
/// (<c>!!str</c>, <c>!!int</c>...); the loader has already checked that the value fits it.
/// </summary>
public sealed record YamlScalar(string Value, YamlScalarStyle Style, int Line, int Column) : YamlNode(Line, Column)
{
    public string? Tag { get; init; }

    /// <summary>True for every style but <see cref="YamlScalarStyle.Plain"/>: the author put the text in quotes or a block.</summary>
    public bool IsQuoted => Style != YamlScalarStyle.Plain;

    /// <summary>
    /// The line of the first character of the value. Equals <see cref="YamlNode.Line"/> except for block scalars,
    /// whose text starts on the line after the <c>|</c> or <c>&gt;</c>: a document nested in a block scalar
    /// (the scenario's <c>config: |</c>) maps its line L to <c>ContentLine + L - 1</c> of the outer file.
    /// </summary>
    public int ContentLine { get; init; } = Line;

    /// <summary>
    /// YAML's null: a key or list item with nothing after it (an empty plain scalar), a plain <c>~</c> / <c>null</c>,
    /// or anything tagged <c>!!null</c>. A quoted <c>""</c>, or a value tagged <c>!!str</c>, is text, not null.
    /// </summary>
    public bool IsNull => Tag switch
    {
        "!!null" => true,
        null => Style == YamlScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL",
        _ => false,
    };

    public override string KindName => "a single value";
}

/// <summary>A block (<c>- item</c>) or flow (<c>[a, b]</c>) sequence.</summary>
public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column)
{
    public override string KindName => "a list";
}

/// <summary>One <c>key: value</c> pair of a mapping.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>
/// A block or flow mapping. Entries keep file order and keys are unique: the loader refuses a key written twice, and
/// expands <c>&lt;&lt;: *defaults</c> merge keys in place, keeping only the merged keys the mapping does not set itself.
/// </summary>
public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, int Line, int Column) : YamlNode(Line, Column)
{
    public override string KindName => "a mapping";

    public bool TryGet(string key, [NotNullWhen(true)] out YamlNode? value)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}
