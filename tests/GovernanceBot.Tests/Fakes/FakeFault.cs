namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// How to disturb a request. <paramref name="Status"/> 0 means answer normally. With <paramref name="AfterHandling"/>
/// the fake first does what was asked (stores the comment...) and only then fails or stalls, like a GitHub whose
/// answer is lost on the way back. <paramref name="Delay"/> is real time, before answering.
/// </summary>
public sealed record FakeFault(int Status = 0, string? Body = null, (string Name, string Value)[]? Headers = null, TimeSpan Delay = default, bool AfterHandling = false);
