using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.Processing;

/// <summary>
/// Whatever reconciles an issue after its deadline has passed does the transition, so it goes as a deadline does:
/// ahead of webhook work and in deadline order, even when it was asked for by a sweep or an earlier "time left" refresh.
/// </summary>
public sealed class DeadlineTimersTests
{
    private static readonly RepoRef Repo = new(1, "o", "r");
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_sweep_of_an_issue_whose_deadline_has_passed_goes_as_that_deadline()
    {
        var clock = new FakeTimeProvider(Start);
        var queue = new ReconcileQueue(NullLogger<ReconcileQueue>.Instance);
        using var timers = new DeadlineTimers(queue, clock);
        var issue = new IssueRef(Repo, 7);
        var deadline = Start + TimeSpan.FromHours(2);

        // The next wake-up is a refresh an hour before the deadline; the deadline is still known.
        timers.Schedule(new ReconcileResult(issue, null, [], deadline, deadline - TimeSpan.FromHours(1)));
        var sweep = new ReconcileRequest(issue, null, ReconcilePriority.Sweep);
        Assert.Equal(sweep, timers.Urgent(sweep));

        clock.SetUtcNow(deadline + TimeSpan.FromSeconds(1));
        var urgent = timers.Urgent(sweep);

        Assert.Equal(ReconcilePriority.Deadline, urgent.Priority);
        Assert.Equal(deadline, urgent.Due);
    }

    [Fact]
    public void An_issue_with_no_deadline_left_keeps_the_priority_it_was_asked_with()
    {
        var clock = new FakeTimeProvider(Start);
        var queue = new ReconcileQueue(NullLogger<ReconcileQueue>.Instance);
        using var timers = new DeadlineTimers(queue, clock);
        var issue = new IssueRef(Repo, 8);
        timers.Schedule(new ReconcileResult(issue, null, [], Start + TimeSpan.FromHours(1), null));

        // Decided: no deadline any more.
        timers.Schedule(new ReconcileResult(issue, null, [], null, null));
        clock.Advance(TimeSpan.FromHours(2));
        var webhook = new ReconcileRequest(issue, "d1", ReconcilePriority.Webhook);

        Assert.Equal(webhook, timers.Urgent(webhook));
    }

    [Fact]
    public void A_cancelled_issue_has_no_timer_and_no_deadline_left()
    {
        var clock = new FakeTimeProvider(Start);
        var queue = new ReconcileQueue(NullLogger<ReconcileQueue>.Instance);
        using var timers = new DeadlineTimers(queue, clock);
        var issue = new IssueRef(Repo, 9);
        var deadline = Start + TimeSpan.FromHours(1);
        timers.Schedule(new ReconcileResult(issue, null, [], deadline, null));

        // Its installation was removed: nothing may wake it, nor make a later request for it go as a deadline.
        timers.Cancel(issue);
        clock.SetUtcNow(deadline + TimeSpan.FromSeconds(1));
        var sweep = new ReconcileRequest(issue, null, ReconcilePriority.Sweep);

        Assert.Equal(0, queue.Count);
        Assert.Equal(sweep, timers.Urgent(sweep));
    }
}
