using GovernanceBot.Domain.Yaml;

namespace GovernanceBot.Domain.Config;

/// <summary>The settings about pull requests: a profile's <c>proposal_changes</c>, and <c>pull_requests.require</c>.</summary>
public static partial class ConfigParser
{
    private static readonly string[] PullRequestKeys = ["require"];

    /// <summary>Patterns listed under one label: enough for any real layout, few enough to list in a check's summary.</summary>
    public const int MaxPatternsPerLabel = 50;

    private sealed partial class Reader
    {
        private ProposalChangesMode ReadProposalChanges(YamlMapping profile, string parent)
        {
            var path = $"{parent}.proposal_changes";
            if (!profile.TryGet("proposal_changes", out var node)
                || !TryText(node, path, "write flag or restart", out var text)) return ProposalChangesMode.Flag;
            if (text.Equals("flag", StringComparison.OrdinalIgnoreCase)) return ProposalChangesMode.Flag;
            if (text.Equals("restart", StringComparison.OrdinalIgnoreCase)) return ProposalChangesMode.Restart;
            Error(node.Line, path, $"\"{text}\" is not a way to treat proposal changes; write flag (commits pushed after voting opened are listed and the vote goes on) or restart (a new round starts).");
            return ProposalChangesMode.Flag;
        }

        /// <summary><c>pull_requests.require</c>: each trigger label with the path patterns whose change needs its vote.</summary>
        private List<PathRequirement> ReadPullRequests(YamlMapping file, IReadOnlyList<ProcessProfile>? processes)
        {
            if (!file.TryGet("pull_requests", out var node) || node is YamlScalar { IsNull: true }) return [];
            if (node is not YamlMapping pullRequests)
            {
                Error(node.Line, "pull_requests", $"pull_requests must be a mapping, like pull_requests: {{ require: {{ governance-amendment: [GOVERNANCE.md] }} }}, but it is {node.KindName}.");
                return [];
            }

            CheckKeys(pullRequests, "pull_requests", PullRequestKeys);
            if (!pullRequests.TryGet("require", out var requireNode) || requireNode is YamlScalar { IsNull: true }) return [];
            if (requireNode is not YamlMapping require)
            {
                Error(requireNode.Line, "pull_requests.require", $"pull_requests.require must map a trigger label to path patterns, like governance-amendment: [GOVERNANCE.md, \"docs/governance/**\"], but it is {requireNode.KindName}.");
                return [];
            }

            var requirements = new List<PathRequirement>();
            foreach (var entry in require.Entries)
            {
                var label = entry.Key.Value;
                var path = $"pull_requests.require.{label}";
                var profile = processes?.FirstOrDefault(p => string.Equals(p.Label, label, StringComparison.OrdinalIgnoreCase));
                if (processes is not null && profile is null)
                {
                    var known = string.Join(", ", processes.Select(p => p.Label));
                    Error(entry.Key.Line, path, $"\"{label}\" is not a trigger label under processes, so nothing could start the vote it requires; use one of {known}, or add it under processes.");
                    continue;
                }

                if (ReadPatterns(entry.Value, path) is { Count: > 0 } patterns) requirements.Add(new PathRequirement(profile?.Label ?? label, patterns));
            }

            return requirements;
        }

        private List<PathPattern>? ReadPatterns(YamlNode node, string path)
        {
            IReadOnlyList<YamlNode> items = node switch
            {
                YamlSequence list => list.Items,
                YamlScalar { IsNull: false } one => [one],
                _ => [],
            };
            if (items.Count == 0)
            {
                Error(node.Line, path, $"{path} lists no path; write the paths whose change needs this vote, like [GOVERNANCE.md, \"docs/governance/**\"].");
                return null;
            }

            if (items.Count > MaxPatternsPerLabel)
            {
                Error(node.Line, path, $"{path} lists {items.Count} patterns; at most {MaxPatternsPerLabel} are accepted. Use ** to cover a whole folder.");
                return null;
            }

            var patterns = new List<PathPattern>();
            foreach (var item in items)
            {
                if (item is not YamlScalar { IsNull: false } scalar)
                {
                    Error(item.Line, path, $"Each entry of {path} must be a path pattern, like GOVERNANCE.md or \"docs/governance/**\", but this one is {(item is YamlScalar ? "empty" : item.KindName)}.");
                    continue;
                }

                if (PathPattern.TryParse(scalar.Value.Trim(), out var pattern, out var problem)) patterns.Add(pattern!);
                else Error(item.Line, path, char.ToUpperInvariant(problem![0]) + problem[1..] + ".");
            }

            return patterns;
        }
    }
}
