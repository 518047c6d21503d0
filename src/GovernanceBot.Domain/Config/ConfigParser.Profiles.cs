using GovernanceBot.Domain.Yaml;

namespace GovernanceBot.Domain.Config;

/// <summary>The voting rules and the process profiles of <c>governance.yml</c>.</summary>
public static partial class ConfigParser
{
    private sealed partial class Reader
    {
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
                Confirm = ReadConfirm(profile, path),
                ConfirmWithin = ReadDuration(profile, "confirm_within", path, ProcessProfile.DefaultConfirmWithin),
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

        private ConfirmMode ReadConfirm(YamlMapping profile, string parent)
        {
            var path = $"{parent}.confirm";
            if (!profile.TryGet("confirm", out var node) || !TryText(node, path, "write nominee or none", out var text)) return ConfirmMode.None;
            if (text.Equals("nominee", StringComparison.OrdinalIgnoreCase)) return ConfirmMode.Nominee;
            if (text.Equals("none", StringComparison.OrdinalIgnoreCase)) return ConfirmMode.None;
            Error(node.Line, path, $"\"{text}\" is not who must confirm; write nominee (the discussion starts once the person named with /governance nominate accepts) or none.");
            return ConfirmMode.None;
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
    }
}
