namespace GovernanceBot.Domain.Commands;

/// <summary>Why a line that starts like a command is not one the bot can act on.</summary>
public enum CommandProblem
{
    /// <summary><c>/vote</c> with nothing after it, or a value that is not +1/0/-1 or an alias (<c>/vote maybe</c>).</summary>
    UnknownVoteValue,

    /// <summary><c>/governance</c> with no verb or an unknown one (<c>/governance close</c>).</summary>
    UnknownGovernanceVerb,

    /// <summary><c>/governance extend</c> without a valid duration (<c>/governance extend soon</c>).</summary>
    BadDuration,

    /// <summary><c>/governance nominate</c> without a GitHub login (<c>/governance nominate</c>, <c>/governance nominate the new person</c>).</summary>
    BadNominee,
}
