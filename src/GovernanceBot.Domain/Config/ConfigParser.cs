using GovernanceBot.Domain.Yaml;

namespace GovernanceBot.Domain.Config;

/// <summary>
/// Reads <c>.github/governance.yml</c> (design section 4) into a <see cref="GovernancePolicy"/>, or into every
/// problem it has, each with its line and dotted key, worded for the maintainer who has to fix it.
/// </summary>
/// <remarks>
/// Choices the design leaves open: <c>tsc.team</c> may be <c>slug</c>, <c>org/slug</c> or <c>@org/slug</c>; only the
/// slug (lower-cased) is kept, and the team is looked up in the repository owner's organisation. Logins keep the case
/// they were written in (the TSC compares them case-insensitively). A <c>voting</c> section applies to the default
/// processes too when <c>processes</c> is absent. A process written with no value (<c>rfc:</c>) takes every default.
/// Booleans are exactly <c>true</c> or <c>false</c> (any case); YAML 1.1's yes/no/on/off are refused, not guessed.
/// </remarks>
public static partial class ConfigParser
{
    /// <summary>The key of errors that concern the file as a whole.</summary>
    public const string FileKey = "(file)";

    /// <summary>The longest label name GitHub accepts.</summary>
    public const int MaxLabelLength = 50;

    /// <summary>The largest number a member count (<c>quorum: N</c>, <c>min_approvals</c>) may say.</summary>
    public const int MaxMembers = 1000;

    private static readonly string[] TopKeys = ["tsc", "processes", "voting", "pull_requests", "succession"];
    private static readonly string[] TscKeys = ["members", "team", "emeritus"];
    private static readonly string[] RuleKeys = ["quorum", "approval", "abstentions", "close_early", "min_voting", "min_approvals"];
    private static readonly string[] ProfileKeys = ["discussion", "voting", "start_by", .. RuleKeys, "proposal_changes", "remind", "on_decided", "confirm", "confirm_within"];

    /// <param name="text">The file's text, or null when no configuration file exists anywhere.</param>
    /// <param name="source">Where the text came from, carried into the result.</param>
    public static ConfigResult Parse(string? text, string source)
    {
        if (text is null) return new ConfigResult.Valid(GovernancePolicy.Default, source);
        return YamlLoader.Load(text) switch
        {
            YamlResult.Failed { Error: var e } => new ConfigResult.Invalid(
                [new ConfigError(e.Line, e.Key.Length == 0 ? FileKey : e.Key, $"The file is not valid YAML{(e.Column > 0 ? $" at column {e.Column}" : "")}: {e.Message}")], source),
            YamlResult.Parsed parsed => new Reader().Read(parsed.Root, source),
            _ => throw new InvalidOperationException("unknown YAML result"),
        };
    }

    /// <summary>A GitHub login: 1-39 letters, digits or single hyphens, not starting or ending with a hyphen.</summary>
    public static bool IsValidLogin(string login) =>
        login.Length is >= 1 and <= 39
        && login.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && !login.StartsWith('-') && !login.EndsWith('-')
        && !login.Contains("--", StringComparison.Ordinal);

    /// <summary>A name GitHub accepts for a label: not blank, no comma, at most 50 characters.</summary>
    public static bool IsValidLabel(string label) =>
        !string.IsNullOrWhiteSpace(label) && !label.Contains(',', StringComparison.Ordinal) && label.Length <= MaxLabelLength;

    private sealed partial class Reader
    {
        private readonly List<ConfigError> _errors = [];

        public ConfigResult Read(YamlNode root, string source)
        {
            if (root is not YamlMapping file)
            {
                Error(root.Line, FileKey, $"The file must hold settings such as tsc:, processes: and voting:, one per line, but it holds {root.KindName}.");
                return new ConfigResult.Invalid(_errors, source);
            }

            CheckKeys(file, "", TopKeys);
            var tsc = ReadTsc(file);
            var rules = ReadVoting(file);
            var processes = ReadProcesses(file, rules);
            var required = ReadPullRequests(file, processes);
            var emeritus = ReadEmeritus(file);
            var succession = ReadSuccession(file);
            return _errors.Count == 0 && tsc is not null && processes is not null
                ? new ConfigResult.Valid(new GovernancePolicy(tsc, processes) { Required = required, Emeritus = emeritus, Succession = succession }, source)
                : new ConfigResult.Invalid(_errors, source);
        }

        // ---- tsc -------------------------------------------------------------------------------------------------

        private TscSource? ReadTsc(YamlMapping file)
        {
            if (!file.TryGet("tsc", out var node)) return TscSource.DefaultTeam;
            if (node is YamlScalar { IsNull: true })
            {
                EmptyTsc(node.Line, "tsc");
                return null;
            }

            if (node is not YamlMapping tsc)
            {
                var hint = node is YamlSequence ? " Put the list under members, like tsc: { members: [alice, bob] }." : "";
                Error(node.Line, "tsc", $"tsc must be a mapping with members or team, like tsc: {{ members: [alice, bob] }} or tsc: {{ team: tsc }}, but it is {node.KindName}.{hint}");
                return null;
            }

            CheckKeys(tsc, "tsc", TscKeys);
            var hasMembers = tsc.TryGet("members", out var members);
            var hasTeam = tsc.TryGet("team", out var team);
            if (hasMembers && hasTeam)
            {
                Error(tsc.Line, "tsc", "tsc sets both members and team; keep only one of them.");
                return null;
            }

            if (members is not null) return ReadMembers(members);
            if (team is not null) return ReadTeam(team);
            EmptyTsc(tsc.Line, "tsc");
            return null;
        }

        private TscSource.Members? ReadMembers(YamlNode node)
        {
            const string Key = "tsc.members";
            if (node is YamlScalar { IsNull: true } || node is YamlSequence { Items.Count: 0 })
            {
                EmptyTsc(node.Line, Key);
                return null;
            }

            if (node is not YamlSequence list)
            {
                Error(node.Line, Key, $"tsc.members must be a list of GitHub logins, like [alice, bob], but it is {node.KindName}.");
                return null;
            }

            var logins = new List<string>();
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in list.Items)
            {
                if (item is not YamlScalar { IsNull: false } scalar)
                {
                    var what = item is YamlScalar ? "empty" : item.KindName;
                    Error(item.Line, Key, $"Each entry of tsc.members must be a GitHub login, like alice, but this one is {what}.");
                    continue;
                }

                var written = scalar.Value.Trim();
                var login = written.StartsWith('@') ? written[1..] : written;
                if (!IsValidLogin(login))
                {
                    Error(item.Line, Key, $"\"{written}\" is not a GitHub login; a login has 1 to 39 letters, digits or single hyphens and does not start or end with a hyphen.");
                    continue;
                }

                if (!seen.TryAdd(login, item.Line))
                {
                    Error(item.Line, Key, $"{login} is listed twice in tsc.members (also on line {seen[login]}); list each member once.");
                    continue;
                }

                logins.Add(login);
            }

            return new TscSource.Members(logins);
        }

        private TscSource.Team? ReadTeam(YamlNode node)
        {
            const string Key = "tsc.team";
            if (node is YamlScalar { IsNull: true })
            {
                EmptyTsc(node.Line, Key);
                return null;
            }

            if (!TryText(node, Key, "write the team's slug, like team: tsc", out var written)) return null;
            var name = written.StartsWith('@') ? written[1..] : written;
            var slug = name[(name.LastIndexOf('/') + 1)..];
            if (slug.Length == 0 || slug.Length > 100 || !slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                Error(node.Line, Key, $"\"{written}\" is not a team slug; write the slug from the team's address, like tsc or my-org/tsc (letters, digits, hyphens and underscores).");
                return null;
            }

            return new TscSource.Team(slug.ToLowerInvariant());
        }

        private void EmptyTsc(int line, string key) =>
            Error(line, key, "The TSC is empty: list its GitHub logins under tsc.members, like members: [alice, bob], or name an organisation team with tsc.team.");

        // ---- helpers ---------------------------------------------------------------------------------------------

        /// <summary>The trimmed text of a non-empty scalar; otherwise records why not, ending with <paramref name="advice"/>.</summary>
        private bool TryText(YamlNode node, string path, string advice, out string text)
        {
            text = "";
            switch (node)
            {
                case YamlScalar { IsNull: true }:
                    Error(node.Line, path, $"{path} has no value; {advice}.");
                    return false;
                case YamlScalar scalar when scalar.Value.Trim().Length == 0:
                    Error(node.Line, path, $"{path} is blank; {advice}.");
                    return false;
                case YamlScalar scalar:
                    text = scalar.Value.Trim();
                    return true;
                default:
                    Error(node.Line, path, $"{path} must be a single value, not {node.KindName}; {advice}.");
                    return false;
            }
        }

        private void CheckKeys(YamlMapping map, string parent, string[] accepted)
        {
            foreach (var key in map.Entries.Select(e => e.Key))
            {
                if (accepted.Contains(key.Value, StringComparer.Ordinal)) continue;
                var where = parent.Length == 0 ? "at the top of the file" : $"under {parent}";
                var path = parent.Length == 0 ? key.Value : $"{parent}.{key.Value}";
                var suggestion = accepted.FirstOrDefault(a => Normalize(a) == Normalize(key.Value)) is { } close ? $" Did you mean {close}?" : "";
                Error(key.Line, path, $"\"{key.Value}\" is not a setting {where}; the accepted keys are {JoinWithAnd(accepted)}.{suggestion}");
            }
        }

        private static string Normalize(string key) =>
            new([.. key.ToLowerInvariant().Where(c => c is not ('-' or '_' or ' '))]);

        private static string JoinWithAnd(string[] items) =>
            items.Length == 1 ? items[0] : $"{string.Join(", ", items[..^1])} and {items[^1]}";

        private void Error(int line, string key, string message) => _errors.Add(new ConfigError(line, key, message));
    }
}
