using GovernanceBot.Domain.Yaml;

namespace GovernanceBot.Domain.Config;

/// <summary>The settings about reminders and records: a profile's <c>remind</c> and <c>on_decided</c>.</summary>
public static partial class ConfigParser
{
    private static readonly string[] OnDecidedKeys = ["announce", "announce_tally", "lock", "close"];

    /// <summary>Reminders one vote may have: a few are useful, a long list would only be noise.</summary>
    public const int MaxReminders = 10;

    private sealed partial class Reader
    {
        /// <summary><c>remind</c>: a list of durations before the voting deadline (<c>[]</c>: no reminder), longest first.</summary>
        private IReadOnlyList<TimeSpan> ReadRemind(YamlMapping profile, string parent)
        {
            var path = $"{parent}.remind";
            if (!profile.TryGet("remind", out var node)) return ProcessProfile.DefaultRemind;
            IReadOnlyList<YamlNode>? items = node switch
            {
                YamlSequence list => list.Items,
                YamlScalar { IsNull: false } scalar when scalar.Value.Trim().Length > 0 => new[] { scalar },
                _ => null,
            };
            if (items is null)
            {
                Error(node.Line, path, $"{path} must be a list of durations before the voting deadline, like [48h, 6h], or [] for no reminder, but it is {(node is YamlScalar ? "empty" : node.KindName)}.");
                return ProcessProfile.DefaultRemind;
            }

            if (items.Count > MaxReminders)
            {
                Error(node.Line, path, $"{path} lists {items.Count} reminders; list at most {MaxReminders}.");
                return ProcessProfile.DefaultRemind;
            }

            var offsets = new List<TimeSpan>();
            foreach (var item in items)
            {
                if (!TryText(item, path, "write a duration before the voting deadline, like 48h", out var text)) continue;
                if (!Durations.TryParse(text, out var offset))
                {
                    Error(item.Line, path, $"\"{text}\" is not a duration; write each reminder as how long before the voting deadline it is posted, like 48h or 2d.");
                    continue;
                }

                if (offsets.Contains(offset))
                {
                    Error(item.Line, path, $"{Durations.Format(offset)} is listed twice in {path}; list each reminder once.");
                    continue;
                }

                offsets.Add(offset);
            }

            return [.. offsets.OrderDescending()];
        }

        /// <summary><c>on_decided</c>: announce on another issue, lock, close.</summary>
        private OnDecided ReadOnDecided(YamlMapping profile, string parent)
        {
            var path = $"{parent}.on_decided";
            if (!profile.TryGet("on_decided", out var node) || node is YamlScalar { IsNull: true }) return OnDecided.Nothing;
            if (node is not YamlMapping map)
            {
                Error(node.Line, path, $"{path} must be a mapping, like on_decided: {{ announce: my-org/community#12, lock: true, close: approved }}, but it is {node.KindName}.");
                return OnDecided.Nothing;
            }

            CheckKeys(map, path, OnDecidedKeys);
            IssueAddress? announce = null;
            if (map.TryGet("announce", out var a) && TryText(a, $"{path}.announce", "write the issue as OWNER/REPO#N, like my-org/community#12", out var target))
            {
                if (IssueAddress.TryParse(target, out var address)) announce = address;
                else Error(a.Line, $"{path}.announce", $"\"{target}\" is not an issue; write it as OWNER/REPO#N, like my-org/community#12 (the App must be installed on that repository).");
            }

            var tally = ReadBool(map, "announce_tally", path, true);
            if (!map.TryGet("announce", out _) && map.TryGet("announce_tally", out var t))
                Error(t.Line, $"{path}.announce_tally", $"{path}.announce_tally says how the announcement reads, but there is no announce; add announce: OWNER/REPO#N or remove announce_tally.");
            var close = CloseWhen.Never;
            if (map.TryGet("close", out var c) && TryText(c, $"{path}.close", "write approved, all or never", out var when))
            {
                if (when.Equals("approved", StringComparison.OrdinalIgnoreCase)) close = CloseWhen.Approved;
                else if (when.Equals("all", StringComparison.OrdinalIgnoreCase)) close = CloseWhen.All;
                else if (when.Equals("never", StringComparison.OrdinalIgnoreCase)) close = CloseWhen.Never;
                else Error(c.Line, $"{path}.close", $"\"{when}\" is not when to close the issue; write approved (only once approved), all (whatever the outcome) or never.");
            }

            return new OnDecided(announce, tally, ReadBool(map, "lock", path, false), close);
        }

        private bool ReadBool(YamlMapping map, string key, string parent, bool fallback)
        {
            var path = $"{parent}.{key}";
            if (!map.TryGet(key, out var node) || !TryText(node, path, "write true or false", out var text)) return fallback;
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
            Error(node.Line, path, $"\"{text}\" is not true or false (yes, no, on and off are not accepted); write true or false.");
            return fallback;
        }
    }
}
