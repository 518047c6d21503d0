namespace GovernanceBot.Domain.Config;

/// <summary><c>confirm</c>: who must confirm before a process's discussion starts.</summary>
public enum ConfirmMode
{
    /// <summary>Nobody: the discussion starts when the label is applied.</summary>
    None,

    /// <summary>A nomination: the nominee named with <c>/governance nominate @login</c> must accept first.</summary>
    Nominee,
}
