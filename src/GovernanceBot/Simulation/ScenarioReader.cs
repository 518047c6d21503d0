using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Yaml;

namespace GovernanceBot.Simulation;

/// <summary>Reads a scenario file (design section 7). Anything it does not understand is an error with its line.</summary>
public static class ScenarioReader
{
    private static readonly string[] TopKeys = ["config", "teams", "issue", "until", "steps"];
    private static readonly string[] IssueKeys = ["title", "author", "pull_request", "files"];
    private static readonly string[] StepKeys = ["at", "by", "label", "unlabel", "comment", "edit", "as", "delete", "close", "reopen", "config", "push", "files", "merge", "nominate", "accept", "decline"];
    private static readonly string[] Actions = ["label", "unlabel", "comment", "edit", "delete", "close", "reopen", "config", "push", "merge", "nominate", "accept", "decline"];

    public static Scenario Parse(string text)
    {
        var root = YamlLoader.Load(text) switch
        {
            YamlResult.Parsed { Root: YamlMapping m } => m,
            YamlResult.Parsed p => throw new ScenarioException($"line {p.Root.Line}: a scenario is a mapping with the keys {string.Join(", ", TopKeys)}"),
            YamlResult.Failed f => throw new ScenarioException(f.Error.ToString()),
            _ => throw new ScenarioException("the scenario cannot be read"),
        };
        CheckKeys(root, TopKeys, "the scenario");

        var config = root.TryGet("config", out var c) ? OptionalText(c, "config") : null;
        var teams = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGet("teams", out var t))
        {
            foreach (var entry in Mapping(t, "teams").Entries)
            {
                teams[entry.Key.Value] = [.. Sequence(entry.Value, $"teams.{entry.Key.Value}").Items.Select(i => Scalar(i, $"teams.{entry.Key.Value}"))];
            }
        }

        var title = "RFC";
        var author = "author";
        var pullRequest = false;
        IReadOnlyList<string> files = [];
        if (root.TryGet("issue", out var i))
        {
            var issue = Mapping(i, "issue");
            CheckKeys(issue, IssueKeys, "issue");
            if (issue.TryGet("title", out var ti)) title = Scalar(ti, "issue.title");
            if (issue.TryGet("author", out var au)) author = Login(au, "issue.author");
            if (issue.TryGet("pull_request", out var pr)) pullRequest = Boolean(pr, "issue.pull_request");
            if (issue.TryGet("files", out var fi)) files = Paths(fi, "issue.files");
            if (files.Count > 0 && !pullRequest) throw new ScenarioException($"line {fi!.Line}: `issue.files` are the paths a pull request changes; add `pull_request: true`");
        }

        TimeSpan? until = root.TryGet("until", out var u) ? Offset(u, "until") : null;
        if (!root.TryGet("steps", out var s)) throw new ScenarioException($"line {root.Line}: the scenario has no steps");
        var steps = Sequence(s, "steps").Items.Select(Step).ToList();
        if (!pullRequest && steps.FirstOrDefault(st => st.Action is StepAction.Push or StepAction.Merge) is { } onPull)
        {
            throw new ScenarioException($"line {onPull.Line}: only a pull request can be pushed to or merged; add `pull_request: true` to `issue`");
        }

        return new Scenario(config, teams, title, author, until, steps) { PullRequest = pullRequest, Files = files };
    }

    private static ScenarioStep Step(YamlNode node)
    {
        var step = Mapping(node, "a step");
        CheckKeys(step, StepKeys, "a step");
        if (!step.TryGet("at", out var atNode)) throw new ScenarioException($"line {step.Line}: a step needs `at`, e.g. `at: 14d`");
        var at = Offset(atNode, "at");
        var by = step.TryGet("by", out var b) ? Login(b, "by") : throw new ScenarioException($"line {step.Line}: a step needs `by`, the login of who acts");

        var actions = Actions.Where(a => step.TryGet(a, out _)).ToList();
        // `edit: N` goes with `comment: TEXT`, the new text.
        if (actions.Contains("edit")) actions.Remove("comment");
        if (step.TryGet("as", out var asNode) && !actions.Contains("edit"))
        {
            throw new ScenarioException($"line {asNode.Line}: `as: LOGIN` goes with `edit: N` (who edits `by`'s comment)");
        }

        if (step.TryGet("files", out var filesNode) && !actions.Contains("push"))
        {
            throw new ScenarioException($"line {filesNode.Line}: `files: [...]` goes with `push: N` (the paths the commits change)");
        }

        if (actions.Count != 1)
        {
            throw new ScenarioException($"line {step.Line}: a step has exactly one action ({string.Join(", ", Actions)}); this one has {(actions.Count == 0 ? "none" : string.Join(", ", actions))}");
        }

        StepAction action = actions[0] switch
        {
            "label" => new StepAction.Label(Scalar(Get(step, "label"), "label")),
            "unlabel" => new StepAction.Unlabel(Scalar(Get(step, "unlabel"), "unlabel")),
            "comment" => new StepAction.Comment(Scalar(Get(step, "comment"), "comment")),
            "edit" => new StepAction.Edit(
                Number(Get(step, "edit"), "edit"),
                step.TryGet("comment", out var text) ? Scalar(text, "comment") : throw new ScenarioException($"line {step.Line}: `edit: N` needs `comment:` with the new text"),
                step.TryGet("as", out var editor) ? Login(editor, "as") : null),
            "delete" => new StepAction.Delete(Number(Get(step, "delete"), "delete")),
            "close" => True(Get(step, "close"), "close") ? new StepAction.Close() : throw new ScenarioException($"line {step.Line}: write `close: true`"),
            "reopen" => True(Get(step, "reopen"), "reopen") ? new StepAction.Reopen() : throw new ScenarioException($"line {step.Line}: write `reopen: true`"),
            "push" => new StepAction.Push(Commits(Get(step, "push")), step.TryGet("files", out var pushed) ? Paths(pushed, "files") : []),
            "merge" => True(Get(step, "merge"), "merge") ? new StepAction.Merge() : throw new ScenarioException($"line {step.Line}: write `merge: true`"),

            // Nominations are comments; these spell the commands for the reader of a scenario.
            "nominate" => new StepAction.Comment($"/governance nominate @{Login(Get(step, "nominate"), "nominate")}"),
            "accept" => True(Get(step, "accept"), "accept") ? new StepAction.Comment("/governance accept") : throw new ScenarioException($"line {step.Line}: write `accept: true`"),
            "decline" => True(Get(step, "decline"), "decline") ? new StepAction.Comment("/governance decline") : throw new ScenarioException($"line {step.Line}: write `decline: true`"),
            _ => new StepAction.SetConfig(OptionalText(Get(step, "config"), "config")),
        };
        return new ScenarioStep(step.Line, at, by, action);
    }

    private static YamlNode Get(YamlMapping m, string key) => m.TryGet(key, out var v) ? v : throw new ScenarioException($"line {m.Line}: `{key}` is missing");

    private static void CheckKeys(YamlMapping m, string[] allowed, string where)
    {
        foreach (var entry in m.Entries.Where(e => !allowed.Contains(e.Key.Value, StringComparer.Ordinal)))
        {
            throw new ScenarioException($"line {entry.Key.Line}: `{entry.Key.Value}` is not a field of {where}; the fields are {string.Join(", ", allowed)}");
        }
    }

    private static YamlMapping Mapping(YamlNode node, string what) =>
        node as YamlMapping ?? throw new ScenarioException($"line {node.Line}: {what} must be a mapping, not {node.KindName}");

    private static YamlSequence Sequence(YamlNode node, string what) =>
        node as YamlSequence ?? throw new ScenarioException($"line {node.Line}: `{what}` must be a list, not {node.KindName}");

    private static string Scalar(YamlNode node, string what) =>
        node is YamlScalar { IsNull: false } s ? s.Value : throw new ScenarioException($"line {node.Line}: `{what}` needs a value");

    private static string? OptionalText(YamlNode node, string what) =>
        node is YamlScalar s ? (s.IsNull ? null : s.Value) : throw new ScenarioException($"line {node.Line}: `{what}` must be text (use `{what}: |` and indent the file below it)");

    private static string Login(YamlNode node, string what)
    {
        var login = Scalar(node, what).TrimStart('@');
        return login.Length is > 0 and <= 39 && login.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-' || ch == '[' || ch == ']')
            ? login
            : throw new ScenarioException($"line {node.Line}: `{what}` must be a GitHub login, not “{login}”");
    }

    private static int Number(YamlNode node, string what) =>
        int.TryParse(Scalar(node, what), System.Globalization.NumberStyles.None, null, out var n) && n >= 1
            ? n
            : throw new ScenarioException($"line {node.Line}: `{what}` takes the number of the person's comment, counting from 1");

    /// <summary><c>push: true</c> is one commit; <c>push: N</c> is N commits (1 to 250, as GitHub lists them).</summary>
    private static int Commits(YamlNode node)
    {
        var text = Scalar(node, "push");
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return 1;
        return int.TryParse(text, System.Globalization.NumberStyles.None, null, out var n) && n is >= 1 and <= 250
            ? n
            : throw new ScenarioException($"line {node.Line}: `push` takes the number of commits pushed (1 to 250), or `true` for one");
    }

    private static bool Boolean(YamlNode node, string what) => Scalar(node, what).ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new ScenarioException($"line {node.Line}: `{what}` is true or false"),
    };

    /// <summary>A list of repository paths (<c>[GOVERNANCE.md, docs/x.md]</c>) or one path.</summary>
    private static IReadOnlyList<string> Paths(YamlNode node, string what) => node switch
    {
        YamlSequence seq => [.. seq.Items.Select(item => Scalar(item, what))],
        _ => [Scalar(node, what)],
    };

    private static bool True(YamlNode node, string what) => string.Equals(Scalar(node, what), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An offset from the scenario's start: <c>0d</c>, <c>14d</c>, <c>36h</c>, <c>90m</c>, <c>14d2h</c>.</summary>
    internal static TimeSpan Offset(YamlNode node, string what)
    {
        var text = Scalar(node, what).Trim();
        if (text.TrimEnd('w', 'd', 'h', 'm', 's', 'W', 'D', 'H', 'M', 'S').All(ch => ch == '0') && text.Length > 0 && text.Any(char.IsAsciiDigit) && text.All(ch => ch == '0' || char.IsAsciiLetter(ch)))
        {
            return TimeSpan.Zero;
        }

        return Durations.TryParse(text, out var offset)
            ? offset
            : throw new ScenarioException($"line {node.Line}: `{what}: {text}` is not a time; write it like 0d, 14d, 36h, 90m or 14d2h");
    }
}
