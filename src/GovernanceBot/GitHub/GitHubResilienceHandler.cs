using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GovernanceBot.GitHub;

/// <summary>
/// Sits under Octokit on the one shared handler chain: bounds every attempt with a timeout and retries the
/// requests that are safe to repeat (<see cref="GitHubRetryPolicy.IsIdempotent"/>). Comment POSTs are never
/// repeated here; <see cref="OctokitGitHub.PostCommentAsync"/> checks whether the comment landed first. A
/// content-creating request first waits for its turn in the write pace (<see cref="RateLimitBudget.PaceWriteAsync"/>),
/// and only then does its attempt's timeout start: a wait for the pace is not a slow GitHub.
/// </summary>
/// <remarks>
/// Waits between attempts use the injected <see cref="TimeProvider"/>, so tests run them on a fake clock. The
/// attempt timeout deliberately runs on the wall clock: it measures a network wait, which a virtual clock that
/// jumps forward would cut short.
/// </remarks>
internal sealed class GitHubResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<TimeSpan> NextDelay = new("github.next-delay");
    private static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("github.request");

    private readonly ResiliencePipeline<HttpResponseMessage> _attemptOnly;
    private readonly ResiliencePipeline<HttpResponseMessage> _retrying;
    private readonly GitHubResilienceOptions _options;
    private readonly TimeProvider _time;
    private readonly RateLimitBudget _budget;
    private readonly ILogger _logger;

    public GitHubResilienceHandler(GitHubResilienceOptions options, TimeProvider time, RateLimitBudget budget, ILogger logger)
    {
        _options = options;
        _time = time;
        _budget = budget;
        _logger = logger;

        _attemptOnly = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System }
            .AddTimeout(_options.AttemptTimeout)
            .Build();

        _retrying = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, _options.MaxAttempts - 1),
                ShouldHandle = ShouldRetryAsync,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(NextDelay, _options.BaseDelay)),
                OnRetry = OnRetryAsync,
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Octokit's high-level calls take no CancellationToken; the caller's token travels here in GitHubCallContext.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, GitHubCallContext.Cancellation);
        if (_options.MaxAttempts <= 1 || !GitHubRetryPolicy.IsIdempotent(request.Method, request.RequestUri))
        {
            return await AttemptAsync(request, linked.Token);
        }

        var context = ResilienceContextPool.Shared.Get(linked.Token);
        context.Properties.Set(Request, request);
        try
        {
            return await _retrying.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.handler.AttemptAsync(state.request, ctx.CancellationToken)),
                context,
                (handler: this, request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt: its turn in the write pace first, then the request under the attempt timeout.</summary>
    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (RateLimitBudget.IsPaced(request))
        {
            await _budget.PaceWriteAsync(cancellationToken);
        }

        return await _attemptOnly.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.handler.SendOnceAsync(state.request, token)),
            (handler: this, request),
            cancellationToken);
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        RetryReason? reason;
        Func<string, string?> header = _ => null;
        if (args.Outcome.Exception is { } exception)
        {
            reason = exception switch
            {
                TimeoutRejectedException => RetryReason.Timeout,
                HttpRequestException => RetryReason.NetworkError,
                _ => null, // the caller's cancellation, or a bug: not ours to retry
            };
        }
        else
        {
            var response = args.Outcome.Result!;
            header = name => Header(response, name);
            string? body = null;
            if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
            {
                // Only the message tells a secondary rate limit from a permission problem; buffer it so Octokit can still read it.
                await response.Content.LoadIntoBufferAsync(args.Context.CancellationToken);
                body = await response.Content.ReadAsStringAsync(args.Context.CancellationToken);
            }

            reason = GitHubRetryPolicy.Classify(response.StatusCode, header, body);
        }

        if (reason is not { } r)
        {
            return false;
        }

        var delay = GitHubRetryPolicy.Delay(r, header, _time.GetUtcNow(), args.AttemptNumber + 1, _options);
        var request = args.Context.Properties.GetValue(Request, null!);
        if (delay is not { } d)
        {
            GitHubLog.RetryDeclined(_logger, request.Method, Path(request), r, _options.MaxDelay);
            return false;
        }

        args.Context.Properties.Set(NextDelay, d);
        return true;
    }

    private ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.Properties.GetValue(Request, null!);
        var what = args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        GitHubLog.Retrying(_logger, request.Method, Path(request), what, args.AttemptNumber + 1, args.RetryDelay);

        // The failed response is not handed to anyone: release its connection now.
        args.Outcome.Result?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Path(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "";

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>Carries the caller's <see cref="CancellationToken"/> through Octokit calls that do not accept one.</summary>
internal static class GitHubCallContext
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    public static CancellationToken Cancellation => Current.Value;

    /// <summary>Runs <paramref name="call"/> with <paramref name="cancellationToken"/> as the ambient token.</summary>
    /// <remarks>The value set here belongs to this async method's execution context and does not leak back to the caller.</remarks>
    public static async Task<T> RunAsync<T>(CancellationToken cancellationToken, Func<Task<T>> call)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Current.Value = cancellationToken;
        return await call();
    }

    public static async Task RunAsync(CancellationToken cancellationToken, Func<Task> call)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Current.Value = cancellationToken;
        await call();
    }
}
