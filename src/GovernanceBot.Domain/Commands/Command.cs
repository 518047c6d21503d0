namespace GovernanceBot.Domain.Commands;

/// <summary>A TSC member's vote: +1 (approve), 0 (abstain), -1 (reject).</summary>
public enum VoteChoice
{
    Approve,
    Abstain,
    Reject,
}

/// <summary>Why a line that starts like a command is not one the bot can act on.</summary>
public enum CommandProblem
{
    /// <summary><c>/vote</c> with nothing after it, or a value that is not +1/0/-1 or an alias (<c>/vote maybe</c>).</summary>
    UnknownVoteValue,

    /// <summary><c>/governance</c> with no verb or an unknown one (<c>/governance close</c>).</summary>
    UnknownGovernanceVerb,

    /// <summary><c>/governance extend</c> without a valid duration (<c>/governance extend soon</c>).</summary>
    BadDuration,
}

/// <summary>One command line found in a comment. <see cref="Line"/> is the line as written (trimmed), for quoting back.</summary>
public abstract record Command(string Line)
{
    /// <summary><c>/vote +1|0|-1</c>. <see cref="Concerns"/> is the text after a -1 (rest of the line and following lines), trimmed; empty when none.</summary>
    public sealed record Vote(VoteChoice Choice, string Concerns, string Line) : Command(Line);

    /// <summary><c>/governance extend 7d</c>.</summary>
    public sealed record Extend(TimeSpan By, string Line) : Command(Line);

    /// <summary><c>/governance cancel</c>.</summary>
    public sealed record Cancel(string Line) : Command(Line);

    /// <summary><c>/governance help</c>.</summary>
    public sealed record Help(string Line) : Command(Line);

    /// <summary>A line that starts with <c>/vote</c> or <c>/governance</c> but cannot be understood.</summary>
    public sealed record Malformed(CommandProblem Problem, string Line) : Command(Line);
}
