using System.Diagnostics.CodeAnalysis;

namespace GovernanceBot.Domain.Yaml;

/// <summary>One node of a parsed YAML document. <see cref="Line"/> is 1-based: the line where the node starts.</summary>
public abstract record YamlNode(int Line)
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
/// A scalar. Values stay strings; consumers give them a type. <paramref name="IsQuoted"/> is true for every style
/// but <see cref="YamlScalarStyle.Plain"/> (quoted or block text), i.e. the author wrote it explicitly as text.
/// </summary>
public sealed record YamlScalar(string Value, bool IsQuoted, int Line) : YamlNode(Line)
{
    public YamlScalarStyle Style { get; init; } = IsQuoted ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.Plain;

    /// <summary>
    /// The line of the first character of the value. Equals <see cref="YamlNode.Line"/> except for block scalars,
    /// whose text starts on the line after the <c>|</c> or <c>&gt;</c>: a document nested in a block scalar
    /// (the scenario's <c>config: |</c>) maps its line L to <c>ContentLine + L - 1</c> of the outer file.
    /// </summary>
    public int ContentLine { get; init; } = Line;

    /// <summary>
    /// YAML's null: a key or list item with nothing after it (parsed as an empty plain scalar), or a plain
    /// <c>~</c> / <c>null</c>. A quoted <c>""</c> is an empty string, not null.
    /// </summary>
    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "a single value";
}

/// <summary>A block (<c>- item</c>) or flow (<c>[a, b]</c>) sequence.</summary>
public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line) : YamlNode(Line)
{
    public override string KindName => "a list";
}

/// <summary>One <c>key: value</c> pair of a mapping.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>A block or flow mapping. Entries keep file order; keys are unique (the parser rejects duplicates).</summary>
public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, int Line) : YamlNode(Line)
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

/// <summary>Why a document is not in the supported YAML subset, and where.</summary>
public sealed record YamlError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>The outcome of <see cref="YamlParser.Parse"/>.</summary>
public abstract record YamlResult
{
    private YamlResult() { }

    public sealed record Parsed(YamlNode Root) : YamlResult;

    public sealed record Failed(YamlError Error) : YamlResult;
}
