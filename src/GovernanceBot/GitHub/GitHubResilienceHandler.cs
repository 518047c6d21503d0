using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GovernanceBot.GitHub;

/// <summary>
/// Sits under Octokit on the one shared handler chain, as Microsoft.Extensions.Http.Resilience pipelines: retries for
/// the requests that are safe to repeat (<see cref="GitHubRetryPolicy.IsIdempotent"/>), then per attempt the write pace
/// (<see cref="WritePaceHandler"/>), then the attempt timeout. The pace is waited before the attempt's timeout starts:
/// a wait for the pace is not a slow GitHub. Comment POSTs are never repeated here;
/// <see cref="OctokitGitHub.PostCommentAsync"/> checks whether the comment landed first.
/// </summary>
/// <remarks>
/// Waits between attempts use the injected <see cref="TimeProvider"/>, so tests run them on a fake clock. The attempt
/// timeout deliberately runs on the wall clock: it measures a network wait, which a virtual clock that jumps forward
/// would cut short. <see cref="HttpRetryStrategyOptions"/> is not used: its Retry-After delay cannot decline a wait
/// longer than <see cref="GitHubResilienceOptions.MaxDelay"/> and knows nothing of <c>x-ratelimit-reset</c> or
/// GitHub's secondary limits, so <see cref="GitHubRetryPolicy"/> decides both whether and how long, and the retry
/// strategy waits what it decided.
/// </remarks>
internal sealed class GitHubResilienceHandler(Func<HttpRequestMessage, ResiliencePipeline<HttpResponseMessage>> pipelines)
    : ResilienceHandler(pipelines)
{
    private static readonly ResiliencePropertyKey<TimeSpan> NextDelay = new("github.next-delay");

    /// <summary>The chain from here down to <paramref name="network"/>: retries → write pace → attempt timeout → network.</summary>
    public static GitHubResilienceHandler Create(GitHubResilienceOptions options, TimeProvider time, RateLimitBudget budget, ILogger logger, HttpMessageHandler network)
    {
        var retrying = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxAttempts - 1),
                ShouldHandle = args => ShouldRetryAsync(args, options, time, logger),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(NextDelay, options.BaseDelay)),
                OnRetry = args => OnRetryAsync(args, logger), // Polly disposes the failed response after this
            })
            .Build();
        var attemptTimeout = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System }
            .AddTimeout(options.AttemptTimeout)
            .Build();

#pragma warning disable CA2000 // each handler owns and disposes its inner one
        return new GitHubResilienceHandler(request =>
            options.MaxAttempts > 1 && GitHubRetryPolicy.IsIdempotent(request.Method, request.RequestUri) ? retrying : ResiliencePipeline<HttpResponseMessage>.Empty)
        {
            InnerHandler = new WritePaceHandler(budget) { InnerHandler = new ResilienceHandler(attemptTimeout) { InnerHandler = network } },
        };
#pragma warning restore CA2000
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Octokit's high-level calls take no CancellationToken; the caller's token travels here in GitHubCallContext.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, GitHubCallContext.Cancellation);
        return await base.SendAsync(request, linked.Token);
    }

    private static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args, GitHubResilienceOptions options, TimeProvider time, ILogger logger)
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

        if (GitHubRetryPolicy.Delay(r, header, time.GetUtcNow(), args.AttemptNumber + 1, options) is not { } delay)
        {
            var request = args.Context.GetRequestMessage()!;
            GitHubLog.RetryDeclined(logger, request.Method, Path(request), r, options.MaxDelay);
            return false;
        }

        args.Context.Properties.Set(NextDelay, delay);
        return true;
    }

    private static ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args, ILogger logger)
    {
        var request = args.Context.GetRequestMessage()!;
        var what = args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        GitHubLog.Retrying(logger, request.Method, Path(request), what, args.AttemptNumber + 1, args.RetryDelay);
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
