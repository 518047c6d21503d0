using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// The bounded queue between the webhook endpoint (and the timers and the sweep) and the workers. Work for one issue is
/// serialised and bursts coalesce: an issue is queued at most once (a more urgent request upgrades the waiting one), and
/// a request that arrives while it is being reconciled makes it run once more afterwards, so the last event is always
/// seen. Work is handed out by <see cref="ReconcilePriority"/>, then earliest due first; transitions due now are worked
/// one at a time, in deadline order, so a burst of deadlines spends the write pace on the earliest one first while
/// the other workers go on with webhook work.
/// </summary>
public sealed partial class ReconcileQueue(ILogger<ReconcileQueue> logger, int capacity = 10_000, Metrics.GovernanceMetrics? metrics = null)
{
    private enum State
    {
        Queued,
        Running,
        RunningAgain,
    }

    private readonly Lock _gate = new();

    // Seq tells the live place in a heap from the ones an upgrade left behind (skipped when they come up).
    private readonly Dictionary<IssueRef, (State State, ReconcileRequest Request, long Seq)> _issues = [];
    private readonly PriorityQueue<(IssueRef Issue, long Seq), (DateTimeOffset Due, long Seq)> _deadlines = new();
    private readonly PriorityQueue<(IssueRef Issue, long Seq), (ReconcilePriority Priority, DateTimeOffset Due, long Seq)> _others = new();
    private readonly SemaphoreSlim _ready = new(0);

    // When each waiting issue was first queued (real time), for the queue-wait metric; an upgrade keeps the first moment.
    private readonly Dictionary<IssueRef, long> _queuedAt = [];
    private IssueRef? _deadlineRunning;
    private long _seq;
    private int _queued;

    /// <summary>Issues waiting or running.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _issues.Count;
        }
    }

    /// <summary>Queues the issue unless it is already queued. False when it was coalesced or the queue is full.</summary>
    public bool Enqueue(ReconcileRequest request)
    {
        lock (_gate)
        {
            if (_issues.TryGetValue(request.Issue, out var entry))
            {
                if (entry.State == State.Queued && request.GoesBefore(entry.Request))
                {
                    _issues[request.Issue] = (State.Queued, request, Push(request));
                }
                else if (entry.State != State.Queued && (entry.State == State.Running || request.GoesBefore(entry.Request)))
                {
                    _issues[request.Issue] = (State.RunningAgain, request, 0);
                }

                return false;
            }

            if (_queued >= capacity)
            {
                // Nothing is lost: the next sweep reconciles every open process anyway.
                LogFull(request.Issue.ToString(), capacity);
                return false;
            }

            _issues[request.Issue] = (State.Queued, request, Push(request));
            _queuedAt[request.Issue] = System.Diagnostics.Stopwatch.GetTimestamp();
            _queued++;
        }

        _ready.Release();
        return true;
    }

    /// <summary>The next issue to reconcile, most urgent first. The caller must call <see cref="Complete"/> afterwards.</summary>
    public async Task<ReconcileRequest> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Every enqueue and every finished transition signals once; a worker that finds only transitions waiting
            // behind the running one waits for the next signal.
            await _ready.WaitAsync(cancellationToken);
            lock (_gate)
            {
                if (TryTake(out var request)) return request;
            }
        }
    }

    /// <summary>Marks the issue done; if more work arrived for it meanwhile, it is queued again.</summary>
    public void Complete(IssueRef issue)
    {
        ReconcileRequest? again = null;
        var laneFreed = false;
        lock (_gate)
        {
            if (_issues.Remove(issue, out var entry) && entry.State == State.RunningAgain) again = entry.Request;
            if (_deadlineRunning == issue)
            {
                _deadlineRunning = null;
                laneFreed = true;
            }
        }

        if (laneFreed) _ready.Release();
        if (again is not null) Enqueue(again);
    }

    private long Push(ReconcileRequest request)
    {
        var seq = ++_seq;
        var due = request.Due ?? DateTimeOffset.MinValue;
        if (request.Priority == ReconcilePriority.Deadline) _deadlines.Enqueue((request.Issue, seq), (due, seq));
        else _others.Enqueue((request.Issue, seq), (request.Priority, due, seq));
        return seq;
    }

    private bool TryTake(out ReconcileRequest request)
    {
        if (_deadlineRunning is null && TryTakeLive(_deadlines, out var issue))
        {
            _deadlineRunning = issue;
        }
        else if (!TryTakeLive(_others, out issue))
        {
            request = null!;
            return false;
        }

        _queued--;
        if (_queuedAt.Remove(issue, out var queuedAt)) metrics?.QueueWait(System.Diagnostics.Stopwatch.GetElapsedTime(queuedAt));
        var entry = _issues[issue];
        _issues[issue] = (State.Running, entry.Request, 0);
        request = entry.Request;
        return true;
    }

    private bool TryTakeLive<TKey>(PriorityQueue<(IssueRef Issue, long Seq), TKey> heap, out IssueRef issue)
    {
        while (heap.TryDequeue(out var item, out _))
        {
            if (_issues.TryGetValue(item.Issue, out var entry) && entry.State == State.Queued && entry.Seq == item.Seq)
            {
                issue = item.Issue;
                return true;
            }
        }

        issue = default;
        return false;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The reconcile queue is full ({Capacity}); {Issue} waits for the next sweep")]
    private partial void LogFull(string issue, int capacity);
}
