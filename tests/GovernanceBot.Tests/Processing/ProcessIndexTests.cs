using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;
using GovernanceBot.Processing;

namespace GovernanceBot.Tests.Processing;

public sealed class ProcessIndexTests
{
    private static readonly IssueRef First = new(new RepoRef(7, "acme", "rfcs"), 1);
    private static readonly IssueRef Second = new(new RepoRef(7, "acme", "tools"), 4);
    private static readonly IssueRef Elsewhere = new(new RepoRef(8, "other", "rfcs"), 2);

    private static ReconcileResult Found(IssueRef issue, params string[] phaseLabels) =>
        new(issue, Decision.Nothing with { PhaseLabels = phaseLabels }, [], null, null);

    [Fact]
    public void A_reconcile_that_finds_a_discussion_or_a_vote_adds_the_issue_to_its_installation()
    {
        var index = new ProcessIndex();
        index.Observe(Found(First, PhaseLabels.Discussion));
        index.Observe(Found(Second, PhaseLabels.Voting));
        index.Observe(Found(Elsewhere, PhaseLabels.Voting));

        Assert.Equal([First, Second], index.Of(7));
        Assert.Equal([Elsewhere], index.Of(8));
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void A_reconcile_that_finds_the_process_final_or_the_issue_gone_removes_it()
    {
        var index = new ProcessIndex();
        index.Observe(Found(First, PhaseLabels.Voting));
        index.Observe(Found(Second, PhaseLabels.Discussion));

        index.Observe(Found(First, PhaseLabels.Approved));
        index.Observe(new ReconcileResult(Second, null, [], null, null));

        Assert.Empty(index.Of(7));
        Assert.False(index.Contains(First));
    }

    [Fact]
    public void A_candidate_whose_reconcile_finds_no_process_is_not_kept()
    {
        var index = new ProcessIndex();
        index.Observe(Found(First));

        Assert.Empty(index.All());
    }

    [Fact]
    public void Forgetting_an_installation_drops_only_its_processes()
    {
        var index = new ProcessIndex();
        index.Add(First);
        index.Add(Elsewhere);

        index.Forget(7);

        Assert.Equal([Elsewhere], index.All());
    }

    [Fact]
    public void Repositories_removed_from_an_installation_drop_only_their_processes()
    {
        var index = new ProcessIndex();
        index.Add(First);
        index.Add(Second);
        index.Add(new IssueRef(new RepoRef(8, "acme", "rfcs"), 9)); // the same name, another installation

        index.ForgetRepositories(7, ["ACME/rfcs"]);

        Assert.Equal([Second], index.Of(7));
        Assert.Single(index.Of(8));
        Assert.Equal([7, 8], index.Installations.Order());
    }
}
