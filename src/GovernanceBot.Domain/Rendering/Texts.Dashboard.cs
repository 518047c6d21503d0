using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The dashboard's words (the page itself is assembled by <see cref="DashboardPage"/>).</summary>
public static partial class Texts
{
    public const string DashboardTitle = "Governance dashboard";
    public const string DashboardOpenCaption = "Open processes";
    public const string DashboardDecidedCaption = "Decisions of the last 90 days";
    public const string DashboardParticipationCaption = "Participation of TSC members (last 12 months)";
    public const string DashboardNoOpen = "No open process.";
    public const string DashboardNoDecided = "No decision in the last 90 days.";
    public const string DashboardNoParticipation = "No vote yet.";
    public const string DashboardColumnProcess = "Process";
    public const string DashboardColumnRepository = "Repository";
    public const string DashboardColumnPhase = "Phase";
    public const string DashboardColumnDeadline = "Deadline";
    public const string DashboardColumnArithmetic = "Votes";
    public const string DashboardColumnNotVoted = "Not voted yet";
    public const string DashboardColumnOutcome = "Outcome";
    public const string DashboardColumnDecidedAt = "Decided";
    public const string DashboardColumnMember = "Member";
    public const string DashboardColumnParticipation = "Votes cast / rounds";
    public const string DashboardLoginLabel = "Show what waits for the vote of (GitHub login)";
    public const string DashboardLoginButton = "Show";
    public const string DashboardTokenLabel = "Access token (shows private repositories)";
    public const string DashboardTokenButton = "Sign in";
    public const string DashboardNobody = "everyone has voted";

    public static string DashboardWaitingFor(string login) => $"Waiting for {login}'s vote";

    public static string DashboardMemoryNote(DateTimeOffset now) =>
        $"As of {TimeText.Utc(now)}. Built from what the bot has seen since it started: after a restart, decided processes appear again only as the bot sees their issues again. Open processes are found again at start.";

    public static string DashboardPrivateNote(bool showsPrivate) => showsPrivate
        ? "Private repositories are shown: you presented the access token."
        : "Only public repositories are shown.";

    public static string DashboardPhase(Phase phase) => phase switch
    {
        Phase.Discussion => "Discussion",
        Phase.Voting => "Voting",
        Phase.Approved => "Approved",
        Phase.Rejected => "Rejected",
        Phase.NoQuorum => "No quorum",
        _ => "Cancelled",
    };

    public static string DashboardDeadline(DateTimeOffset deadline, DateTimeOffset now) => $"{TimeText.Utc(deadline)} ({TimeText.Left(deadline, now)})";

    /// <summary>The round's arithmetic, or why there is none yet.</summary>
    public static string DashboardArithmetic(Round r) => r.Tally is null ? "voting not open yet" : Arithmetic(r);

    public static string DashboardParticipation(Participation p) => $"{p.Votes} / {p.Rounds}";
}
