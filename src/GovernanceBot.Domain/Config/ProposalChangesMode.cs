namespace GovernanceBot.Domain.Config;

/// <summary>A profile's <c>proposal_changes</c>: what commits pushed (or a body edited) after voting opened do.</summary>
public enum ProposalChangesMode
{
    /// <summary><c>flag</c> (the default): the vote goes on; the changes are listed in the status comment and the check.</summary>
    Flag,

    /// <summary><c>restart</c>: the round ends and a new round starts, discussion first, with a comment saying why.</summary>
    Restart,
}
