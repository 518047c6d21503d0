using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using GovernanceBot.Simulation;

namespace GovernanceBot.Tests.Processing;

/// <summary>An in-memory GitHub with one issue just labelled <c>rfc</c> (acme/widgets#5, TSC alice): the logging tests' first reconcile opens its discussion.</summary>
internal static class OpenedRfc
{
    public static readonly RepoRef Repo = new(77, "acme", "widgets");

    public static readonly IssueRef Issue = new(Repo, 5);

    public static (VirtualClock Clock, InMemoryGitHub GitHub) Create()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
        var github = new InMemoryGitHub(clock);
        github.SetFile("acme", "widgets", Reconciler.ConfigPath, "tsc: { members: [alice] }\n");
        github.CreateIssue(Repo, 5, "RFC", "dana");
        github.AsUserAddLabel(Issue, "rfc", "dana");
        return (clock, github);
    }
}
