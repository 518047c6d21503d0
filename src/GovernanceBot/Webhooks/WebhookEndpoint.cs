using System.Globalization;
using System.Threading.RateLimiting;
using GovernanceBot.GitHub;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GovernanceBot.Webhooks;

/// <summary>
/// <c>POST /api/github/webhooks</c>: verify, parse, enqueue, answer. Nothing else happens on the request: GitHub gives
/// up after 10 seconds, and the work it asks for is done by the background workers. The endpoint is open to anyone, so
/// what it holds is bounded: at most <see cref="WebhookOptions.MaxConcurrentDeliveries"/> bodies of at most
/// <see cref="MaxBodyBytes"/> each, in pooled buffers; more deliveries wait unread, and beyond the queue get 503.
/// </summary>
public static partial class WebhookEndpoint
{
    public const string Path = "/api/github/webhooks";

    /// <summary>GitHub caps payloads at 25 MB.</summary>
    public const int MaxBodyBytes = 25 * 1024 * 1024;

    /// <summary>The rate-limiting policy that bounds deliveries in flight.</summary>
    public const string ConcurrencyPolicy = "webhook-deliveries";

    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            return new WebhookSignature([options.WebhookSecret, options.WebhookSecretFallback]);
        });
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<DeliveryBody>();
        services.AddSingleton<DeliveryRouter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WebhookOptions>>((limiter, webhooks) =>
        {
            var o = webhooks.Value;
            limiter.AddConcurrencyLimiter(ConcurrencyPolicy, c =>
            {
                c.PermitLimit = o.MaxConcurrentDeliveries;
                c.QueueLimit = o.QueuedDeliveries;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, o.RetryAfter, cancellationToken);
        });
        return services;
    }

    /// <summary>The endpoint, behind the concurrency limit (the app must call <c>UseRateLimiter()</c>).</summary>
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).RequireRateLimiting(ConcurrencyPolicy);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        WebhookSignature signature,
        DeliveryLog deliveries,
        DeliveryBody bodies,
        DeliveryRouter router,
        ILoggerFactory loggers,
        Metrics.GovernanceMetrics metrics)
    {
        var logger = loggers.CreateLogger(typeof(WebhookEndpoint));
        var request = context.Request;
        var delivery = request.Headers["X-GitHub-Delivery"].ToString();
        var eventName = request.Headers["X-GitHub-Event"].ToString();
        var signatureHeader = request.Headers["X-Hub-Signature-256"].FirstOrDefault();

        // Both refusals come before a byte of the body is read: neither an oversized body nor an unsigned one is held.
        if (request.ContentLength > MaxBodyBytes) return TooLarge(logger, metrics, delivery, eventName);
        if (!WebhookSignature.IsWellFormed(signatureHeader)) return Unauthorized(logger, metrics, delivery, eventName);

        using var body = await bodies.ReadAsync(request.Body, MaxBodyBytes, context.RequestAborted);
        if (body is null) return TooLarge(logger, metrics, delivery, eventName);
        if (!signature.IsValid(body.GetReadOnlySequence(), signatureHeader)) return Unauthorized(logger, metrics, delivery, eventName);

        if (string.IsNullOrWhiteSpace(eventName))
        {
            return Results.Text("The X-GitHub-Event header is missing.", statusCode: StatusCodes.Status400BadRequest);
        }

        // One contiguous view for the JSON reader: the single block itself for a typical payload, a pooled buffer for a large one.
        var bytes = new ReadOnlySpan<byte>(body.GetBuffer(), 0, (int)body.Length);

        // One pass reads the routing fields and checks the body is one JSON object; a body found malformed is checked again
        // by JsonPayload only to say what is wrong, and where.
        var reading = DeliveryFields.Read(bytes);
        if (reading.Malformed)
        {
            var problem = JsonPayload.Problem(body.GetReadOnlySequence()) ?? "invalid JSON";

            // Signed by GitHub yet unreadable: a misconfigured webhook (form-encoded) or a bug; the sender must hear of it.
            LogNotJson(logger, delivery, eventName, problem);
            metrics.Delivery(eventName, "rejected_body");
            return Results.Text($"The body is not a JSON object: {problem}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!string.IsNullOrEmpty(delivery) && !deliveries.TryAdd(delivery))
        {
            LogDuplicate(logger, delivery, eventName);
            metrics.Delivery(eventName, DeliveryResult.Duplicate);
            return Results.Text($"Delivery {delivery} was already accepted.", statusCode: StatusCodes.Status200OK);
        }

        var outcome = router.Route(eventName, delivery, reading);
        LogRouted(logger, delivery, outcome.Name, outcome.Result, outcome.Issue?.ToString() ?? "none", outcome.Answer);
        metrics.Delivery(eventName, outcome.Result);
        return Results.Text(outcome.Answer, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult TooLarge(ILogger logger, Metrics.GovernanceMetrics metrics, string delivery, string eventName)
    {
        metrics.Delivery("unverified", "rejected_size"); // the headers of an unchecked request name no real event: the series stay few
        LogTooLarge(logger, delivery, eventName, MaxBodyBytes);
        return Results.Text($"The body is larger than GitHub's limit of {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
    }

    private static IResult Unauthorized(ILogger logger, Metrics.GovernanceMetrics metrics, string delivery, string eventName)
    {
        metrics.Delivery("unverified", "rejected_signature");
        LogRejected(logger, delivery, eventName);
        return Results.Text("The signature (X-Hub-Signature-256) is missing or does not match the webhook secret.", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async ValueTask RejectAsync(HttpContext context, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookEndpoint));
        LogOverLimit(logger, context.Request.Headers["X-GitHub-Delivery"].ToString(), context.Request.Headers["X-GitHub-Event"].ToString(), seconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"Too many deliveries at once; retry after {seconds} seconds.", cancellationToken);
    }

    // Debug, not Information: at GitHub's delivery rates one console line per delivery was about a third of the
    // acknowledgement's CPU (README, "Performance"). GitHub keeps each delivery's answer (this outcome) in the App's
    // "Recent Deliveries", and the reconciliation a delivery causes is logged with its delivery id.
    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} ({Event}) {Result}, issue {Issue}: {Outcome}")]
    private static partial void LogRouted(ILogger logger, string deliveryId, string @event, DeliveryResult result, string issue, string outcome);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Event}) rejected: bad or missing signature")]
    private static partial void LogRejected(ILogger logger, string deliveryId, string @event);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}) is a duplicate; acknowledged, not processed again")]
    private static partial void LogDuplicate(ILogger logger, string deliveryId, string @event);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Event}) refused with 503: too many deliveries in flight; Retry-After {Seconds}s")]
    private static partial void LogOverLimit(ILogger logger, string deliveryId, string @event, int seconds);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Event}) refused with 413: the body is over {Limit} bytes")]
    private static partial void LogTooLarge(ILogger logger, string deliveryId, string @event, int limit);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Event}) refused with 400: the body is not a JSON object ({Problem})")]
    private static partial void LogNotJson(ILogger logger, string deliveryId, string @event, string problem);
}
