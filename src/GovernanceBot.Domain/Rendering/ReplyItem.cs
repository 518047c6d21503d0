using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>One thing the bot must tell a commenter: a refusal with its reason, or help they asked for.</summary>
public abstract record ReplyItem
{
    private ReplyItem() { }

    /// <summary>What makes two items the same answer (dates and counts excluded, so they may change without a repeat reply).</summary>
    public abstract string Identity { get; }

    public sealed record Ambiguous(IReadOnlyList<string> Lines) : ReplyItem
    {
        public override string Identity => "ambiguous:" + string.Join("|", Lines);
    }

    public sealed record Malformed(CommandProblem Problem, string Line) : ReplyItem
    {
        public override string Identity => $"malformed:{Problem}:{Line}";
    }

    public sealed record VoteTooEarly(string Line, DateTimeOffset VotingOpens) : ReplyItem
    {
        public override string Identity => $"early:{Line}";
    }

    public sealed record VoteAfterClose(string Line, Phase Outcome, DateTimeOffset ClosedAt) : ReplyItem
    {
        public override string Identity => $"late:{Line}";
    }

    public sealed record MissingConcerns(string Line) : ReplyItem
    {
        public override string Identity => $"no-concerns:{Line}";
    }

    public sealed record NotAllowed(string Line, string Verb) : ReplyItem
    {
        public override string Identity => $"not-allowed:{Verb}:{Line}";
    }

    public sealed record NothingRunning(string Line, Phase Phase) : ReplyItem
    {
        public override string Identity => $"nothing-running:{Line}";
    }

    /// <summary>A nomination command on a process that takes no nominee (its profile has no <c>confirm: nominee</c>).</summary>
    public sealed record NoNomination(string Line, string Label) : ReplyItem
    {
        public override string Identity => $"no-nomination:{Line}";
    }

    /// <summary><c>/governance accept</c> or <c>decline</c> from someone other than the nominee (<see cref="Nominee"/> null: nobody named yet).</summary>
    public sealed record NotTheNominee(string Line, string? Nominee) : ReplyItem
    {
        public override string Identity => $"not-the-nominee:{Line}";
    }

    /// <summary>A nomination or a decline after the nominee accepted: the discussion has started.</summary>
    public sealed record NominationSettled(string Line, string Nominee) : ReplyItem
    {
        public override string Identity => $"nomination-settled:{Line}";
    }

    /// <summary>A vote or an extension posted while a nomination awaits its nominee: nothing is scheduled until they accept.</summary>
    public sealed record BeforeAcceptance(string Line, bool IsVote) : ReplyItem
    {
        public override string Identity => $"before-acceptance:{Line}";
    }

    public sealed record Help(string Line) : ReplyItem
    {
        public override string Identity => "help";
    }
}
