namespace GovernanceBot.Simulation;

/// <summary>A scenario file (design section 7): a repository's config, an issue, and what people do when.</summary>
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
}

/// <summary>One step: at an offset from the start, a person does one thing.</summary>
public sealed record ScenarioStep(int Line, TimeSpan At, string By, StepAction Action);

public abstract record StepAction
{
    private StepAction() { }

    public sealed record Label(string Name) : StepAction;

    public sealed record Unlabel(string Name) : StepAction;

    public sealed record Comment(string Text) : StepAction;

    /// <summary>Replaces the text of the person's <see cref="Nth"/> comment (from 1); <see cref="As"/> names someone else who edits it (an admin can).</summary>
    public sealed record Edit(int Nth, string Text, string? As = null) : StepAction;

    public sealed record Delete(int Nth) : StepAction;

    public sealed record Close : StepAction;

    public sealed record Reopen : StepAction;

    /// <summary>Replaces <c>.github/governance.yml</c> (null removes it).</summary>
    public sealed record SetConfig(string? Text) : StepAction;
}

/// <summary>A scenario file that cannot be run, with the line at fault.</summary>
public sealed class ScenarioException(string message) : Exception(message);
