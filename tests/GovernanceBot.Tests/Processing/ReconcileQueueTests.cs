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
