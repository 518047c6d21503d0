namespace GovernanceBot.Simulation;

/// <summary>A scenario file (design section 7): a repository's config, an issue (or a pull request), and what people do when.</summary>
public sealed record Scenario(
    string? Config,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Teams,
    string IssueTitle,
    string IssueAuthor,
    TimeSpan? Until,
    IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>What the configuration is called in the step log: the file given with <c>--config</c>, else the scenario's own.</summary>
    public string ConfigName { get; init; } = "the scenario's config";

    /// <summary><c>issue: { pull_request: true }</c>: the issue is a pull request, with a head commit that carries the governance check.</summary>
    public bool PullRequest { get; init; }

    /// <summary><c>issue: { files: [...] }</c>: the paths the pull request's first commit changes.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}

/// <summary>One step: at an offset from the start, a person does one thing.</summary>
public sealed record ScenarioStep(int Line, TimeSpan At, string By, StepAction Action);
