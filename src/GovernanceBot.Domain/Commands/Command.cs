namespace GovernanceBot.Domain.Commands;

/// <summary>One command line found in a comment. <see cref="Line"/> is the line as written (trimmed), for quoting back.</summary>
public abstract record Command(string Line)
{
    /// <summary><c>/vote +1|0|-1</c>. <see cref="Concerns"/> is the text after a -1 (rest of the line and following lines), trimmed; empty when none.</summary>
    public sealed record Vote(VoteChoice Choice, string Concerns, string Line) : Command(Line);

    /// <summary><c>/governance extend 7d</c>.</summary>
    public sealed record Extend(TimeSpan By, string Line) : Command(Line);

    /// <summary><c>/governance cancel</c>.</summary>
    public sealed record Cancel(string Line) : Command(Line);

    /// <summary><c>/governance nominate @login</c>: names the nominee of a process with <c>confirm: nominee</c>.</summary>
    public sealed record Nominate(string Login, string Line) : Command(Line);

    /// <summary><c>/governance accept</c>: the nominee accepts the nomination.</summary>
    public sealed record Accept(string Line) : Command(Line);

    /// <summary><c>/governance decline</c>: the nominee declines the nomination.</summary>
    public sealed record Decline(string Line) : Command(Line);

    /// <summary><c>/governance help</c>.</summary>
    public sealed record Help(string Line) : Command(Line);

    /// <summary>A line that starts with <c>/vote</c> or <c>/governance</c> but cannot be understood.</summary>
    public sealed record Malformed(CommandProblem Problem, string Line) : Command(Line);
}
