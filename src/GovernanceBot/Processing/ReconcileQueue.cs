using System.Threading.Channels;
using GovernanceBot.GitHub;

namespace GovernanceBot.Processing;

/// <summary>
/// The bounded queue between the webhook endpoint (and the sweep) and the workers. Work for one issue is serialised and
/// bursts coalesce: an issue is queued at most once, and a request that arrives while it is being reconciled makes it
/// run once more afterwards, so the last event is always seen.
/// </summary>
public sealed partial class ReconcileQueue(ILogger<ReconcileQueue> logger, int capacity = 10_000)
{
    private enum State
    {
        Queued,
        Running,
        RunningAgain,
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<IssueRef, (State State, ReconcileRequest Request)> _issues = [];
    private readonly Channel<IssueRef> _urgent = Channel.CreateUnbounded<IssueRef>();
    private readonly Channel<IssueRef> _background = Channel.CreateUnbounded<IssueRef>();
    private readonly SemaphoreSlim _ready = new(0);
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
                if (entry.State == State.Running) _issues[request.Issue] = (State.RunningAgain, request);
                return false;
            }

            if (_queued >= capacity)
            {
                // Nothing is lost: the next sweep reconciles every open process anyway.
                LogFull(request.Issue.ToString(), capacity);
                return false;
            }

            _issues[request.Issue] = (State.Queued, request);
            _queued++;
            (request.Priority == ReconcilePriority.Sweep ? _background : _urgent).Writer.TryWrite(request.Issue);
        }

        _ready.Release();
        return true;
    }

    /// <summary>The next issue to reconcile, webhook work first. The caller must call <see cref="Complete"/> afterwards.</summary>
    public async Task<ReconcileRequest> DequeueAsync(CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken);
        if (!_urgent.Reader.TryRead(out var issue) && !_background.Reader.TryRead(out issue))
        {
            throw new InvalidOperationException("the queue was signalled with nothing in it");
        }

        lock (_gate)
        {
            _queued--;
            var entry = _issues[issue];
            _issues[issue] = (State.Running, entry.Request);
            return entry.Request;
        }
    }

    /// <summary>Marks the issue done; if more work arrived for it meanwhile, it is queued again.</summary>
    public void Complete(IssueRef issue)
    {
        ReconcileRequest? again = null;
        lock (_gate)
        {
            if (_issues.Remove(issue, out var entry) && entry.State == State.RunningAgain) again = entry.Request;
        }

        if (again is not null) Enqueue(again);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The reconcile queue is full ({Capacity}); {Issue} waits for the next sweep")]
    private partial void LogFull(string issue, int capacity);
}
