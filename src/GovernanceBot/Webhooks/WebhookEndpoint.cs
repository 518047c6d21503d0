using System.Text;
using GovernanceBot.GitHub;
using Microsoft.Extensions.Options;
using Octokit.Webhooks;

namespace GovernanceBot.Webhooks;

/// <summary>
/// <c>POST /api/github/webhooks</c>: verify, parse, enqueue, answer. Nothing else happens on the request: GitHub gives
/// up after 10 seconds, and the work it asks for is done by the background workers.
/// </summary>
public static partial class WebhookEndpoint
{
    public const string Path = "/api/github/webhooks";

    /// <summary>GitHub caps payloads at 25 MB.</summary>
    public const int MaxBodyBytes = 25 * 1024 * 1024;

    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            return new WebhookSignature([options.WebhookSecret, options.WebhookSecretFallback]);
        });
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<GovernanceWebhookProcessor>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        WebhookSignature signature,
        DeliveryLog deliveries,
        GovernanceWebhookProcessor processor,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(WebhookEndpoint));
        var request = context.Request;
        var delivery = request.Headers["X-GitHub-Delivery"].ToString();
        var eventName = request.Headers["X-GitHub-Event"].ToString();

        if (request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var body = buffer.ToArray();

        if (!signature.IsValid(body, request.Headers["X-Hub-Signature-256"].FirstOrDefault()))
        {
            LogRejected(logger, delivery, eventName);
            return Results.Text("The signature (X-Hub-Signature-256) is missing or does not match the webhook secret.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (string.IsNullOrWhiteSpace(eventName))
        {
            return Results.Text("The X-GitHub-Event header is missing.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!string.IsNullOrEmpty(delivery) && !deliveries.TryAdd(delivery))
        {
            LogDuplicate(logger, delivery, eventName);
            return Results.Text($"Delivery {delivery} was already accepted.", statusCode: StatusCodes.Status200OK);
        }

        var outcome = GovernanceWebhookProcessor.BeginDelivery();
        try
        {
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
            await processor.ProcessWebhookAsync(headers, Encoding.UTF8.GetString(body), context.RequestAborted);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            // An event or action this version does not know (GitHub adds them over time) is not an error of the sender.
            outcome.Value = $"ignored: {eventName} could not be read by this version ({e.GetType().Name})";
        }

        LogAccepted(logger, delivery, eventName, outcome.Value);
        return Results.Text(outcome.Value, statusCode: StatusCodes.Status202Accepted);
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}): {Outcome}")]
    private static partial void LogAccepted(ILogger logger, string deliveryId, string @event, string outcome);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Event}) rejected: bad or missing signature")]
    private static partial void LogRejected(ILogger logger, string deliveryId, string @event);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}) is a duplicate; acknowledged, not processed again")]
    private static partial void LogDuplicate(ILogger logger, string deliveryId, string @event);
}
