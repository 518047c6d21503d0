using System.Text.RegularExpressions;

namespace GovernanceBot.Domain.Config;

/// <summary>
/// A path pattern of <c>pull_requests.require</c>, matched against a changed file's path from the repository root, as
/// GitHub Actions' <c>paths</c> filters are: <c>*</c> matches any characters but <c>/</c>, <c>**</c> (a whole path
/// segment) matches any number of segments, <c>?</c> one character but <c>/</c>; anything else matches itself, case
/// included (<c>GOVERNANCE.md</c> is that file at the root; <c>**/GOVERNANCE.md</c> is one at any depth).
/// </summary>
public sealed class PathPattern
{
    /// <summary>The longest pattern accepted.</summary>
    public const int MaxLength = 256;

    private readonly Regex _regex;

    private PathPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    public bool Matches(string path) => _regex.IsMatch(path);

    public override string ToString() => Text;

    /// <summary>The pattern, or why it cannot be one (a sentence for the maintainer who wrote it).</summary>
    public static bool TryParse(string text, out PathPattern? pattern, out string? problem)
    {
        pattern = null;
        problem = Problem(text);
        if (problem is not null) return false;
        // Non-backtracking: a pattern of many *s against a long path matches in linear time, never hangs the bot.
        pattern = new PathPattern(text, new Regex(ToRegex(text), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
        return true;
    }

    private static string? Problem(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "a path pattern is empty; write a path like GOVERNANCE.md or docs/governance/**";
        if (text.Length > MaxLength) return $"the path pattern is longer than {MaxLength} characters";
        if (text.Any(char.IsControl)) return $"\"{text}\" contains a control character";
        if (text.StartsWith('/')) return $"\"{text}\" starts with /; paths are relative to the repository root, so write {text.TrimStart('/')}";
        if (text.Contains('\\', StringComparison.Ordinal)) return $"\"{text}\" contains \\; separate folders with /";
        if (text.IndexOfAny(['[', ']', '{', '}', '!']) >= 0) return $"\"{text}\" uses [ ] {{ }} or !, which path patterns do not support; use *, ** and ? only";
        foreach (var segment in text.Split('/'))
        {
            if (segment.Length == 0) return $"\"{text}\" has an empty folder name (// or a trailing /); write docs/** for everything under docs";
            if (segment is "." or "..") return $"\"{text}\" contains {segment}; write the path from the repository root without . or ..";
            if (segment.Contains("**", StringComparison.Ordinal) && segment != "**") return $"\"{text}\" uses ** inside a name; ** must be a whole folder level, like docs/** or **/GOVERNANCE.md";
        }

        return null;
    }

    private static string ToRegex(string text)
    {
        var segments = text.Split('/');
        var sb = new System.Text.StringBuilder("^");
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                // "**" at the end matches everything below; elsewhere any number of folders, none included.
                sb.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (var c in segments[i])
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            if (!last) sb.Append('/');
        }

        return sb.Append('$').ToString();
    }
}

/// <summary>One entry of <c>pull_requests.require</c>: a pull request that changes a path matching one of <see cref="Patterns"/> needs a vote of the process <see cref="Label"/>.</summary>
public sealed record PathRequirement(string Label, IReadOnlyList<PathPattern> Patterns)
{
    /// <summary>The first of <paramref name="paths"/> that a pattern matches, or null.</summary>
    public string? FirstMatch(IEnumerable<string> paths) => paths.FirstOrDefault(p => Patterns.Any(pattern => pattern.Matches(p)));
}
