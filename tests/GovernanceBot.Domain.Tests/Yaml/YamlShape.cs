using System.Text;
using GovernanceBot.Domain.Yaml;

namespace GovernanceBot.Domain.Tests.Yaml;

/// <summary>A compact, one-line picture of a parsed document, so that tests can state whole structures in a table.</summary>
internal static class YamlShape
{
    /// <summary>Mappings as {k: v}, sequences as [a, b], plain scalars bare, null as ~, other scalars in "quotes" with \n escaped.</summary>
    public static string Show(YamlNode node) => node switch
    {
        YamlMapping m => "{" + string.Join(", ", m.Entries.Select(e => $"{Show(e.Key)}: {Show(e.Value)}")) + "}",
        YamlSequence s => "[" + string.Join(", ", s.Items.Select(Show)) + "]",
        YamlScalar { IsNull: true, Value: "" } => "~",
        YamlScalar { IsQuoted: false } p => p.Value,
        YamlScalar q => "\"" + Escape(q.Value) + "\"",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static YamlNode ParseOk(string text) => YamlLoader.Load(text) switch
    {
        YamlResult.Parsed p => p.Root,
        YamlResult.Failed f => throw new Xunit.Sdk.XunitException($"expected YAML to parse, got {f.Error}"),
        _ => throw new ArgumentOutOfRangeException(nameof(text)),
    };

    public static YamlError ParseFails(string text) => YamlLoader.Load(text) switch
    {
        YamlResult.Failed f => f.Error,
        YamlResult.Parsed p => throw new Xunit.Sdk.XunitException($"expected a YAML error, got {Show(p.Root)}"),
        _ => throw new ArgumentOutOfRangeException(nameof(text)),
    };

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
