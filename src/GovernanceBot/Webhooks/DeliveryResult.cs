namespace GovernanceBot.Webhooks;

/// <summary>Whether a verified delivery was taken: it asked for work, the work was already asked for, or it asks for none.</summary>
public enum DeliveryResult
{
    Accepted,
    Duplicate,
    Ignored,
}
