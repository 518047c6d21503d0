using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Rendering;

/// <summary>The <c>governance</c> check run on a pull request, pinned word for word in each state, with its status and conclusion.</summary>
public sealed class GoldenCheckTests
{
    private static IssueStory Story(params string[] files) => new IssueStory("alice", "bob", "carol", "dave", "erin").AsPullRequest(files);

    /// <summary>The check as the applier would post it: status, conclusion, title and details link, then the summary.</summary>
    private static string Render(CheckRunView check) =>
        $"name: {CheckRunView.Name}\nhead: {check.HeadSha}\nstatus: {check.StatusText}\nconclusion: {check.ConclusionText ?? "(none)"}\n" +
        $"details: {check.DetailsUrl ?? "(none)"}\ntitle: {check.Title}\n\n{check.Summary}";

    private static CheckRunView CheckAt(IssueStory story, double day)
    {
        var decision = story.BotRunsAt(day);
        return GovernanceCheck.For(story.FactsAt(day), decision)!;
    }

    [Fact]
    public void Check_during_the_discussion() =>
        Golden.Verify("check-discussion", Render(CheckAt(Story().Label(0), 2.25)));

    [Fact]
    public void Check_while_voting_shows_the_arithmetic()
    {
        var story = Story().Label(0).Comment(14.1, "alice", "/vote +1").Comment(14.2, "bob", "/vote +1").Comment(14.3, "carol", "/vote -1 Not yet.");
        var check = CheckAt(story, 15);

        Assert.Equal("Voting: 3 of 5 voted, quorum 3, 2 of 3 +1", check.Title);
        Assert.Equal((CheckStatus.InProgress, null), (check.Status, check.Conclusion));
        Golden.Verify("check-voting", Render(check));
    }

    [Fact]
    public void Check_when_approved()
    {
        var story = Story().Label(0).Comment(14.1, "alice", "/vote +1").Comment(14.2, "bob", "/vote +1").Comment(14.3, "carol", "/vote +1");
        var check = CheckAt(story, 22);

        Assert.Equal((CheckStatus.Completed, CheckConclusion.Success), (check.Status, check.Conclusion));
        Golden.Verify("check-approved", Render(check));
    }

    [Fact]
    public void Check_when_rejected()
    {
        var story = Story().Label(0).Comment(14.1, "alice", "/vote -1 Too early.").Comment(14.2, "bob", "/vote -1 Agreed.").Comment(14.3, "carol", "/vote +1");
        var check = CheckAt(story, 22);

        Assert.Equal((CheckStatus.Completed, CheckConclusion.Failure), (check.Status, check.Conclusion));
        Golden.Verify("check-rejected", Render(check));
    }

    [Fact]
    public void Check_without_quorum()
    {
        var check = CheckAt(Story().Label(0).Comment(14.1, "alice", "/vote +1"), 22);

        Assert.Equal(CheckConclusion.Failure, check.Conclusion);
        Golden.Verify("check-no-quorum", Render(check));
    }

    [Fact]
    public void Check_and_comment_when_cancelled_by_a_merge()
    {
        var story = Story().Label(0).Comment(14.1, "alice", "/vote +1").Merge(15, by: "erin");
        var decision = story.BotRunsAt(15.5);
        var check = GovernanceCheck.For(story.FactsAt(15.5), decision)!;

        Assert.Equal(CheckConclusion.Failure, check.Conclusion);
        Golden.Verify("check-cancelled-by-merge", Render(check));
        Golden.Verify("cancelled-by-merge", Assert.Single(decision.Comments, c => c.Key.StartsWith("cancelled:", StringComparison.Ordinal)).Body);
    }

    [Fact]
    public void Check_when_a_required_vote_is_missing()
    {
        var story = Story("GOVERNANCE.md", "README.md");
        story.Policy = story.Policy with { Required = [Requirement("governance-amendment", "GOVERNANCE.md", "docs/governance/**")] };
        var check = CheckAt(story, 1);

        Assert.Equal((CheckStatus.Completed, CheckConclusion.Failure), (check.Status, check.Conclusion));
        Assert.Contains("This change needs a governance-amendment vote: add the label to start it", check.Summary, StringComparison.Ordinal);
        Golden.Verify("check-required-vote-missing", Render(check));
    }

    [Fact]
    public void Check_with_commits_pushed_after_voting_opened()
    {
        var story = Story().Label(0).Push(14.2, "Reword section 2").Push(14.3, "Add a *migration* plan for @everyone").Push(14.4, "Fix typo")
            .Comment(14.5, "alice", "/vote +1");
        var check = CheckAt(story, 15);

        Assert.Equal(story.FactsAt(15).PullRequest!.HeadSha, check.HeadSha);
        Assert.Contains("3 commits pushed after voting opened", check.Summary, StringComparison.Ordinal);
        Golden.Verify("check-commits-after-voting", Render(check));
        Golden.Verify("status-commits-after-voting", story.BotRunsAt(15).StatusComment!);
    }

    [Fact]
    public void Comment_when_a_push_restarts_the_round()
    {
        var story = Story().Label(0).Comment(14.1, "alice", "/vote +1").Push(14.5, "Rewrite the proposal");
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { ProposalChanges = ProposalChangesMode.Restart })] };
        var decision = story.BotRunsAt(15);

        Golden.Verify("restarted", Assert.Single(decision.Comments, c => c.Key.StartsWith("restarted:", StringComparison.Ordinal)).Body);
        Golden.Verify("status-restarted", decision.StatusComment!);
    }

    [Fact]
    public void Check_and_status_with_the_description_edited_after_voting_opened()
    {
        var story = Story().Label(0).Comment(14.5, "alice", "/vote +1").EditBody(14.75);
        var check = CheckAt(story, 15);

        Assert.Contains("The description was edited after voting opened", check.Summary, StringComparison.Ordinal);
        Golden.Verify("check-description-edited", Render(check));
        Golden.Verify("status-description-edited", story.BotRunsAt(15).StatusComment!);
    }

    [Fact]
    public void Comment_when_an_edited_issue_description_restarts_the_round()
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0).Comment(14.1, "alice", "/vote +1").EditBody(14.5);
        story.Policy = story.Policy with { Processes = [.. story.Policy.Processes.Select(p => p with { ProposalChanges = ProposalChangesMode.Restart })] };
        var decision = story.BotRunsAt(15);

        Golden.Verify("restarted-description-edited", Assert.Single(decision.Comments, c => c.Key.StartsWith("restarted:", StringComparison.Ordinal)).Body);
    }

    internal static PathRequirement Requirement(string label, params string[] patterns) =>
        new(label, [.. patterns.Select(p => PathPattern.TryParse(p, out var pattern, out _) ? pattern! : throw new ArgumentException(p))]);
}
