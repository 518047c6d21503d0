using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovernanceBot.Tests.Processing;

public sealed class ReconcileQueueTests
{
    private static readonly RepoRef Repo = new(1, "o", "r");
    private readonly ReconcileQueue _queue = new(NullLogger<ReconcileQueue>.Instance);

    private static ReconcileRequest Request(int n, ReconcilePriority priority = ReconcilePriority.Webhook) => new(new IssueRef(Repo, n), $"d{n}", priority);

    [Fact]
    public async Task A_burst_for_one_issue_coalesces_into_one_reconcile()
    {
        Assert.True(_queue.Enqueue(Request(1)));
        Assert.False(_queue.Enqueue(Request(1)));
        Assert.False(_queue.Enqueue(Request(1)));

        var taken = await _queue.DequeueAsync(CancellationToken.None);
        _queue.Complete(taken.Issue);

        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public async Task Work_that_arrives_while_an_issue_is_reconciled_runs_once_more_afterwards()
    {
        _queue.Enqueue(Request(1));
        var running = await _queue.DequeueAsync(CancellationToken.None);

        _queue.Enqueue(Request(1));
        _queue.Enqueue(Request(1));
        using var none = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _queue.DequeueAsync(none.Token)); // serialised: not handed out twice

        _queue.Complete(running.Issue);
        var again = await _queue.DequeueAsync(CancellationToken.None);
        Assert.Equal(running.Issue, again.Issue);
        _queue.Complete(again.Issue);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public async Task Webhook_work_goes_before_sweep_work()
    {
        _queue.Enqueue(Request(1, ReconcilePriority.Sweep));
        _queue.Enqueue(Request(2, ReconcilePriority.Sweep));
        _queue.Enqueue(Request(3, ReconcilePriority.Webhook));

        Assert.Equal(3, (await _queue.DequeueAsync(CancellationToken.None)).Issue.Number);
        Assert.Equal(1, (await _queue.DequeueAsync(CancellationToken.None)).Issue.Number);
    }

    private static readonly DateTimeOffset Noon = new(2026, 5, 18, 12, 0, 0, TimeSpan.Zero);

    private static ReconcileRequest Timer(int n, ReconcilePriority priority, int secondsAfterNoon) => new(new IssueRef(Repo, n), null, priority, Noon.AddSeconds(secondsAfterNoon));

    private async Task<int> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return (await _queue.DequeueAsync(timeout.Token)).Issue.Number;
    }

    [Fact]
    public async Task A_deadline_goes_before_a_webhook_which_goes_before_a_refresh_which_goes_before_the_sweep()
    {
        _queue.Enqueue(Request(1, ReconcilePriority.Sweep));
        _queue.Enqueue(Timer(2, ReconcilePriority.Refresh, 0));
        _queue.Enqueue(Request(3, ReconcilePriority.Webhook));
        _queue.Enqueue(Timer(4, ReconcilePriority.Deadline, 0));

        var order = new List<int>();
        for (var i = 0; i < 4; i++) order.Add(await NextAsync());
        Assert.Equal([4, 3, 2, 1], order);
    }

    [Fact]
    public async Task Simultaneous_deadlines_are_worked_earliest_first_one_at_a_time_while_other_work_goes_on()
    {
        int[] dues = [7, 3, 19, 0, 11, 5];
        foreach (var (due, n) in dues.Select((d, i) => (d, i + 1))) _queue.Enqueue(Timer(n, ReconcilePriority.Deadline, due));
        _queue.Enqueue(Request(50, ReconcilePriority.Webhook));

        var first = await NextAsync();
        Assert.Equal(4, first); // due at 0
        Assert.Equal(50, await NextAsync()); // the next deadline waits for the first; the webhook does not

        var order = new List<int> { first };
        _queue.Complete(order[^1].Issue());
        for (var i = 1; i < dues.Length; i++)
        {
            order.Add(await NextAsync());
            _queue.Complete(order[^1].Issue());
        }

        Assert.Equal([4, 2, 6, 1, 5, 3], order); // due at 0, 3, 5, 7, 11, 19
    }

    [Fact]
    public async Task A_more_urgent_request_upgrades_the_one_waiting_for_the_same_issue()
    {
        _queue.Enqueue(Request(1, ReconcilePriority.Webhook));
        _queue.Enqueue(Timer(2, ReconcilePriority.Refresh, 0));
        Assert.False(_queue.Enqueue(Timer(2, ReconcilePriority.Deadline, 0))); // coalesced, but now a deadline
        Assert.False(_queue.Enqueue(Request(2, ReconcilePriority.Sweep))); // a less urgent one changes nothing

        var first = await _queue.DequeueAsync(CancellationToken.None);
        Assert.Equal((2, ReconcilePriority.Deadline), (first.Issue.Number, first.Priority));
        Assert.Equal(1, await NextAsync());
        Assert.Equal(2, _queue.Count);
        using var none = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _queue.DequeueAsync(none.Token)); // issue 2 is not handed out twice
    }

    [Fact]
    public void A_full_queue_refuses_more_and_the_sweep_picks_it_up_later()
    {
        var small = new ReconcileQueue(NullLogger<ReconcileQueue>.Instance, capacity: 2);
        Assert.True(small.Enqueue(Request(1)));
        Assert.True(small.Enqueue(Request(2)));
        Assert.False(small.Enqueue(Request(3)));
        Assert.Equal(2, small.Count);
    }
}

file static class IssueNumbers
{
    public static IssueRef Issue(this int number) => new(new RepoRef(1, "o", "r"), number);
}
