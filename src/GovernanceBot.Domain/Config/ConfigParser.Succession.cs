using GovernanceBot.Domain.Yaml;

namespace GovernanceBot.Domain.Config;

/// <summary><c>tsc.emeritus</c> and <c>succession</c> (design section 9).</summary>
public static partial class ConfigParser
{
    private static readonly string[] SuccessionKeys = ["contact_after", "review_after", "report"];

    private sealed partial class Reader
    {
        /// <summary><c>tsc.emeritus</c>: a list of logins, none of them also in <c>tsc.members</c>.</summary>
        private List<string> ReadEmeritus(YamlMapping file)
        {
            const string Key = "tsc.emeritus";
            if (!file.TryGet("tsc", out var tscNode) || tscNode is not YamlMapping tsc || !tsc.TryGet("emeritus", out var node)) return [];
            if (node is YamlScalar { IsNull: true }) return [];
            if (node is not YamlSequence list)
            {
                Error(node.Line, Key, $"tsc.emeritus must be a list of GitHub logins, like [carol], but it is {node.KindName}.");
                return [];
            }

            var members = tsc.TryGet("members", out var m) && m is YamlSequence ms
                ? ms.Items.OfType<YamlScalar>().Select(s => s.Value.Trim().TrimStart('@')).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : [];
            var logins = new List<string>();
            foreach (var item in list.Items)
            {
                if (item is not YamlScalar { IsNull: false } scalar)
                {
                    Error(item.Line, Key, $"Each entry of tsc.emeritus must be a GitHub login, like carol, but this one is {(item is YamlScalar ? "empty" : item.KindName)}.");
                    continue;
                }

                var written = scalar.Value.Trim();
                var login = written.StartsWith('@') ? written[1..] : written;
                if (!IsValidLogin(login))
                    Error(item.Line, Key, $"\"{written}\" is not a GitHub login; a login has 1 to 39 letters, digits or single hyphens and does not start or end with a hyphen.");
                else if (members.Contains(login))
                    Error(item.Line, Key, $"{login} is listed both in tsc.members and in tsc.emeritus; a former member is listed only under emeritus.");
                else if (logins.Contains(login, StringComparer.OrdinalIgnoreCase))
                    Error(item.Line, Key, $"{login} is listed twice in tsc.emeritus; list each former member once.");
                else
                    logins.Add(login);
            }

            return logins;
        }

        /// <summary><c>succession</c>: <c>contact_after</c>, <c>review_after</c> and <c>report: OWNER/REPO</c> (required).</summary>
        private SuccessionSettings? ReadSuccession(YamlMapping file)
        {
            if (!file.TryGet("succession", out var node) || node is YamlScalar { IsNull: true }) return null;
            if (node is not YamlMapping succession)
            {
                Error(node.Line, "succession", $"succession must be a mapping of settings, like succession: {{ report: my-org/governance }}, but it is {node.KindName}.");
                return null;
            }

            CheckKeys(succession, "succession", SuccessionKeys);
            var contact = ReadDuration(succession, "contact_after", "succession", SuccessionSettings.DefaultContactAfter);
            var review = ReadDuration(succession, "review_after", "succession", SuccessionSettings.DefaultReviewAfter);
            if (review <= contact && succession.TryGet("review_after", out var reviewNode))
            {
                Error(reviewNode.Line, "succession.review_after", $"succession.review_after ({Durations.Format(review)}) must be longer than contact_after ({Durations.Format(contact)}): a member is contacted before their status is reviewed.");
            }

            if (!succession.TryGet("report", out var reportNode))
            {
                Error(succession.Line, "succession.report", "succession needs report: OWNER/REPO, the repository where the bot keeps the TSC activity issue.");
                return null;
            }

            if (!TryText(reportNode, "succession.report", "write the repository as OWNER/REPO, like my-org/governance", out var report)) return null;
            var parts = report.Split('/');
            if (parts.Length != 2 || !IsValidLogin(parts[0]) || parts[1].Length is 0 or > 100
                || !parts[1].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                Error(reportNode.Line, "succession.report", $"\"{report}\" is not a repository; write it as OWNER/REPO, like my-org/governance.");
                return null;
            }

            return new SuccessionSettings(contact, review, parts[0], parts[1]);
        }
    }
}
