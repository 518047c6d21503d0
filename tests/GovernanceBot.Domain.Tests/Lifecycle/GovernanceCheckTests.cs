using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Tests.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Lifecycle;

/// <summary>Which state the <c>governance</c> check should be in: the phase of the process that governs the pull request.</summary>
public sealed class GovernanceCheckTests
{
    private static IssueStory Story(params string[] files)
    {
        var story = new IssueStory("alice", "bob", "carol").AsPullRequest(files);
        story.Policy = story.Policy with { Required = [GoldenCheckTests.Requirement("governance-amendment", "GOVERNANCE.md", "docs/governance/**")] };
        return story;
    }

    private static CheckRunView CheckAt(IssueStory story, double day) => GovernanceCheck.For(story.FactsAt(day), story.BotRunsAt(day))!;

    private static IssueStory Approve(IssueStory story, double day) =>
        story.Comment(day, "alice", "/vote +1").Comment(day + 0.1, "bob", "/vote +1").Comment(day + 0.2, "carol", "/vote +1");

    [Fact]
    public void A_plain_issue_has_no_check() =>
        Assert.Null(GovernanceCheck.For(new IssueStory().Label(0).FactsAt(1), new IssueStory().Label(0).BotRunsAt(1)));

    [Fact]
    public void A_pull_request_with_no_process_and_no_required_path_passes()
    {
        var check = CheckAt(Story("src/app.cs"), 1);

        Assert.Equal((CheckStatus.Completed, CheckConclusion.Success), (check.Status, check.Conclusion));
        Assert.Equal("No governance vote needed", check.Title);
    }

    [Fact]
    public void A_required_path_without_its_process_fails_until_the_label_starts_one_and_it_is_approved()
    {
        var story = Story("docs/governance/voting.md");

        Assert.Equal(CheckConclusion.Failure, CheckAt(story, 1).Conclusion);
        story.Label(2, "governance-amendment");
        Assert.Equal(CheckStatus.InProgress, CheckAt(story, 3).Status);
        Approve(story, 16.5);
        Assert.Equal((CheckStatus.Completed, CheckConclusion.Success), (CheckAt(story, 17).Status, CheckAt(story, 17).Conclusion));
    }

    [Fact]
    public void A_process_of_another_label_does_not_satisfy_a_required_vote()
    {
        var story = Approve(Story("GOVERNANCE.md").Label(0, "rfc"), 14.5);

        var check = CheckAt(story, 15);

        Assert.Equal("approved", story.BotRunsAt(15).Outcome);
        Assert.Equal((CheckConclusion.Failure, "Vote needed: governance-amendment"), (check.Conclusion!.Value, check.Title));
    }

    [Fact]
    public void The_required_vote_decides_the_check_even_when_another_process_ran_after_it()
    {
        var story = Approve(Story("GOVERNANCE.md").Label(0, "governance-amendment"), 14.5);
        story.BotRunsAt(15);
        story.Label(16, "rfc");

        var check = CheckAt(story, 17);

        Assert.Equal("discussion", story.BotRunsAt(17).Outcome);
        Assert.Equal(CheckConclusion.Success, check.Conclusion);
    }

    [Theory]
    [InlineData(2.0, CheckStatus.InProgress, null)]
    [InlineData(15.0, CheckStatus.InProgress, null)]
    public void Discussion_and_voting_keep_the_check_in_progress(double day, CheckStatus status, CheckConclusion? conclusion)
    {
        var check = CheckAt(Story().Label(0), day);

        Assert.Equal((status, conclusion), (check.Status, check.Conclusion));
    }

    [Fact]
    public void An_invalid_configuration_keeps_every_pull_request_check_in_progress()
    {
        var story = Story("src/app.cs");
        story.ConfigOverride = new ConfigResult.Invalid([new ConfigError(1, "tsc", "broken")], ".github/governance.yml");

        var check = CheckAt(story, 1);

        Assert.Equal((CheckStatus.InProgress, null), (check.Status, check.Conclusion));
    }

    [Fact]
    public void The_check_is_on_the_head_commit_and_links_the_status_comment_the_caller_just_created()
    {
        var story = Story().Label(0).Push(1);
        var facts = story.FactsAt(1);

        var check = GovernanceCheck.For(facts, Governance.Decide(facts), "https://github.com/o/r/pull/1#issuecomment-9")!;

        Assert.Equal(facts.PullRequest!.Commits[^1].Sha, check.HeadSha);
        Assert.Equal("https://github.com/o/r/pull/1#issuecomment-9", check.DetailsUrl);
        Assert.Contains("(https://github.com/o/r/pull/1#issuecomment-9)", check.Summary, StringComparison.Ordinal);
    }
}
