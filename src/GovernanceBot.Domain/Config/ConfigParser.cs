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
    private static readonly string[] ProfileKeys = ["discussion", "voting", "start_by", .. RuleKeys, "proposal_changes", "remind", "on_decided"];

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

        // ---- voting and processes --------------------------------------------------------------------------------

        private VotingRules ReadVoting(YamlMapping file)
        {
            if (!file.TryGet("voting", out var node) || node is YamlScalar { IsNull: true }) return VotingRules.Default;
            if (node is not YamlMapping voting)
            {
                Error(node.Line, "voting", $"voting must be a mapping of settings, like voting: {{ quorum: majority, approval: 2/3 }}, but it is {node.KindName}.");
                return VotingRules.Default;
            }

            CheckKeys(voting, "voting", RuleKeys);
            return ReadRules(voting, "voting", VotingRules.Default);
        }

        private List<ProcessProfile>? ReadProcesses(YamlMapping file, VotingRules rules)
        {
            if (!file.TryGet("processes", out var node))
                return [.. GovernancePolicy.Default.Processes.Select(p => p with { Rules = rules })];

            if (node is YamlScalar { IsNull: true } || node is YamlMapping { Entries.Count: 0 })
            {
                Error(node.Line, "processes", "processes lists no process, so no label would start one; add one like rfc: { discussion: 14d, voting: 7d }, or remove the processes section to use the defaults (rfc and governance-amendment).");
                return null;
            }

            if (node is not YamlMapping processes)
            {
                Error(node.Line, "processes", $"processes must map each trigger label to its profile, like rfc: {{ discussion: 14d, voting: 7d }}, but it is {node.KindName}.");
                return null;
            }

            var profiles = new List<ProcessProfile>();
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var (keyNode, value) in processes.Entries.Select(e => (e.Key, e.Value)))
            {
                var label = keyNode.Value;
                var path = $"processes.{label}";
                if (!IsValidLabel(label))
                {
                    Error(keyNode.Line, path, $"\"{label}\" cannot be a GitHub label; a label name is not blank, has no commas and is at most {MaxLabelLength} characters long.");
                    continue;
                }

                if (label.Contains("<!--", StringComparison.Ordinal) || label.Contains("-->", StringComparison.Ordinal))
                {
                    // The bot finds its own comments by hidden HTML-comment markers; a label that spells one would
                    // make a reply quoting it look like a marker.
                    Error(keyNode.Line, path, $"\"{label}\" contains <!-- or -->, which the bot's hidden markers use; choose another label.");
                    continue;
                }

                if (label.StartsWith("governance/", StringComparison.OrdinalIgnoreCase))
                {
                    Error(keyNode.Line, path, $"\"{label}\" is one of the labels the bot sets to show a process's phase, so it cannot also start a process; choose another label.");
                    continue;
                }

                if (!seen.TryAdd(label, keyNode.Line))
                {
                    Error(keyNode.Line, path, $"The label {label} is listed twice under processes (also on line {seen[label]}); GitHub labels ignore case, so keep only one.");
                    continue;
                }

                if (ReadProfile(label, value, path, rules) is { } profile) profiles.Add(profile);
            }

            return profiles;
        }

        private ProcessProfile? ReadProfile(string label, YamlNode node, string path, VotingRules rules)
        {
            if (node is YamlScalar { IsNull: true })
                return new ProcessProfile(label, ProcessProfile.DefaultDiscussion, ProcessProfile.DefaultVoting, rules);
            if (node is not YamlMapping profile)
            {
                Error(node.Line, path, $"{path} must be a mapping like {{ discussion: 14d, voting: 7d }}, but it is {node.KindName}.");
                return null;
            }

            CheckKeys(profile, path, ProfileKeys);
            return new ProcessProfile(
                label,
                ReadDuration(profile, "discussion", path, ProcessProfile.DefaultDiscussion),
                ReadDuration(profile, "voting", path, ProcessProfile.DefaultVoting),
                ReadRules(profile, path, rules))
            {
                ProposalChanges = ReadProposalChanges(profile, path),
                StartBy = ReadStartBy(profile, path),
                Remind = ReadRemind(profile, path),
                OnDecided = ReadOnDecided(profile, path),
            };
        }

        private StartBy ReadStartBy(YamlMapping profile, string parent)
        {
            var path = $"{parent}.start_by";
            if (!profile.TryGet("start_by", out var node) || !TryText(node, path, "write anyone or tsc", out var text)) return StartBy.Anyone;
            if (text.Equals("anyone", StringComparison.OrdinalIgnoreCase)) return StartBy.Anyone;
            if (text.Equals("tsc", StringComparison.OrdinalIgnoreCase)) return StartBy.Tsc;
            Error(node.Line, path, $"\"{text}\" is not who may start a process; write anyone (whoever can apply the label) or tsc (only a TSC member).");
            return StartBy.Anyone;
        }

        private TimeSpan ReadDuration(YamlMapping map, string key, string parent, TimeSpan fallback)
        {
            var path = $"{parent}.{key}";
            if (!map.TryGet(key, out var node)) return fallback;
            if (!TryText(node, path, $"write a duration like 14d, or remove {key} to use the default ({Durations.Format(fallback)})", out var text)) return fallback;
            if (Durations.TryParse(text, out var duration)) return duration;

            var message = text.All(char.IsAsciiDigit)
                ? $"\"{text}\" has no unit; write {text}d for days or {text}h for hours."
                : $"\"{text}\" is not a duration; write it like 14d, 36h or 1d12h (more than zero and at most {Durations.Format(Durations.Maximum)}).";
            Error(node.Line, path, message);
            return fallback;
        }

        /// <summary>The four voting rules, each taken from <paramref name="map"/> when present, else from <paramref name="rules"/>.</summary>
        private VotingRules ReadRules(YamlMapping map, string parent, VotingRules rules)
        {
            if (map.TryGet("quorum", out var quorum) && TryText(quorum, $"{parent}.quorum", "write majority, a fraction like 1/2 or a number of members like 3", out var q))
            {
                if (q.Equals("majority", StringComparison.OrdinalIgnoreCase))
                    rules = rules with { Quorum = QuorumRule.Majority };
                else if (q.All(char.IsAsciiDigit))
                {
                    if (int.TryParse(q, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var members) && members is >= 1 and <= MaxMembers)
                        rules = rules with { Quorum = QuorumRule.AtLeast(members) };
                    else
                        Error(quorum.Line, $"{parent}.quorum", $"A quorum of {q} members cannot be; write a number from 1 to {MaxMembers}, meaning that at least that many TSC members must vote.");
                }
                else if (!Fraction.TryParse(q, out var share))
                    Error(quorum.Line, $"{parent}.quorum", $"\"{q}\" is not a quorum; write majority, a fraction like 2/3 meaning that more than that share of the TSC must vote, or a number like 3 meaning that at least that many members must vote.");
                else if (share.Numerator == share.Denominator)
                    Error(quorum.Line, $"{parent}.quorum", $"A quorum of {q} would need more than the whole TSC to vote, so no vote could ever reach it; use majority or a fraction below 1, like 2/3.");
                else
                    rules = rules with { Quorum = new QuorumRule(share) };
            }

            if (map.TryGet("approval", out var approval) && TryText(approval, $"{parent}.approval", "write a fraction like 2/3", out var a))
            {
                if (Fraction.TryParse(a, out var share)) rules = rules with { Approval = share };
                else Error(approval.Line, $"{parent}.approval", $"\"{a}\" is not an approval share; write an exact fraction like 2/3 or 1/2: the share of the votes cast that must be +1.");
            }

            if (map.TryGet("abstentions", out var abstentions) && TryText(abstentions, $"{parent}.abstentions", "write count or ignore", out var m))
            {
                if (m.Equals("count", StringComparison.OrdinalIgnoreCase)) rules = rules with { Abstentions = AbstentionMode.Count };
                else if (m.Equals("ignore", StringComparison.OrdinalIgnoreCase)) rules = rules with { Abstentions = AbstentionMode.Ignore };
                else Error(abstentions.Line, $"{parent}.abstentions", $"\"{m}\" is not a way to treat abstentions; write count (a 0 vote weighs like a vote that is not +1) or ignore (a 0 vote only helps reach quorum).");
            }

            if (map.TryGet("close_early", out var closeEarly) && TryText(closeEarly, $"{parent}.close_early", "write all-voted, decided or never", out var b))
            {
                // true and false are the older spellings of all-voted and never; files that use them keep working.
                if (b.Equals("all-voted", StringComparison.OrdinalIgnoreCase) || b.Equals("true", StringComparison.OrdinalIgnoreCase)) rules = rules with { CloseEarly = EarlyClose.AllVoted };
                else if (b.Equals("decided", StringComparison.OrdinalIgnoreCase)) rules = rules with { CloseEarly = EarlyClose.Decided };
                else if (b.Equals("never", StringComparison.OrdinalIgnoreCase) || b.Equals("false", StringComparison.OrdinalIgnoreCase)) rules = rules with { CloseEarly = EarlyClose.Never };
                else Error(closeEarly.Line, $"{parent}.close_early", $"\"{b}\" is not a way to close early; write all-voted (once every TSC member has voted), decided (once no missing vote can change the outcome) or never (only at the deadline); true and false mean all-voted and never (yes, no, on and off are not accepted).");
            }

            if (map.TryGet("min_voting", out var minVoting) && TryText(minVoting, $"{parent}.min_voting", "write a duration like 48h", out var mv))
            {
                if (Durations.TryParse(mv, out var duration)) rules = rules with { MinVoting = duration };
                else Error(minVoting.Line, $"{parent}.min_voting", $"\"{mv}\" is not a duration; write it like 48h or 2d: no early close before the vote has been open that long.");
            }

            if (map.TryGet("min_approvals", out var minApprovals) && TryText(minApprovals, $"{parent}.min_approvals", "write a number like 3", out var ma))
            {
                if (ma.All(char.IsAsciiDigit) && int.TryParse(ma, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= MaxMembers)
                    rules = rules with { MinApprovals = n };
                else Error(minApprovals.Line, $"{parent}.min_approvals", $"\"{ma}\" is not a number of votes; write a whole number from 0 to {MaxMembers}, like 3: a vote with fewer +1 votes is rejected.");
            }

            return rules;
        }

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
