namespace GovernanceBot.Simulation;

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

    /// <summary>Pushes <see cref="Commits"/> commits to the pull request (changing <see cref="Files"/>); the last becomes its head.</summary>
    public sealed record Push(int Commits, IReadOnlyList<string> Files) : StepAction;

    /// <summary>Merges the pull request.</summary>
    public sealed record Merge : StepAction;

    /// <summary>Replaces <c>.github/governance.yml</c> (null removes it).</summary>
    public sealed record SetConfig(string? Text) : StepAction;
}
