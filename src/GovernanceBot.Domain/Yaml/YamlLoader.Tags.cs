using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace GovernanceBot.Domain.Yaml;

/// <summary>Explicit tags: their short form, whether a scalar fits its tag (YAML 1.2's core schema), and what to say when not.</summary>
public static partial class YamlLoader
{
    private const string CoreSchema = "tag:yaml.org,2002:";

    private sealed partial class Loader
    {
        /// <summary>The explicit tag in short form (<c>!!str</c> for <c>tag:yaml.org,2002:str</c>), or null when there is none.</summary>
        private static string? ShortTag(TagName tag, bool scalar)
        {
            if (tag.IsEmpty) return null;

            // "!" alone is YAML's non-specific tag: a scalar written "! 12" is the text "12".
            if (tag.IsNonSpecific) return scalar && tag.Value == "!" ? "!!str" : null;
            var value = tag.Value;
            return value.StartsWith(CoreSchema, StringComparison.Ordinal) ? "!!" + value[CoreSchema.Length..] : value;
        }

        /// <summary>Whether a tagged scalar's text is a value of that tag in YAML 1.2's core schema.</summary>
        private static bool FitsTag(YamlScalar scalar, string tag) => tag switch
        {
            "!!str" => true,
            "!!merge" => scalar.Value == "<<",
            "!!null" => scalar.Value is "" or "~" or "null" or "Null" or "NULL",
            "!!bool" => scalar.Value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE",
            "!!int" => IntPattern().IsMatch(scalar.Value),
            "!!float" => FloatPattern().IsMatch(scalar.Value),
            _ => false,
        };

        private static string TagMismatch(string tag, YamlScalar scalar) => tag switch
        {
            "!!null" or "!!bool" or "!!int" or "!!float" =>
                $"\"{scalar.Value}\" is tagged {tag} but is not {TagMeaning(tag)}; fix the value, or remove the tag.",
            "!!seq" or "!!map" => $"This value is tagged {tag} but it is a single value; remove the tag.",
            _ => UnknownTag(tag),
        };

        private static string TagMeaning(string tag) => tag switch
        {
            "!!null" => "null (nothing, ~ or null)",
            "!!bool" => "a boolean (true or false)",
            "!!int" => "an integer",
            _ => "a number",
        };

        private static string UnknownTag(string tag) =>
            $"The tag {tag} is not one the bot reads; remove it, or use one of YAML's own: !!str, !!int, !!float, !!bool or !!null on a single value, !!seq on a list, !!map on a mapping.";
    }

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$")]
    private static partial Regex FloatPattern();
}
