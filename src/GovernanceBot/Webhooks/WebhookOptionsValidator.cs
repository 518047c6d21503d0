using Microsoft.Extensions.Options;

namespace GovernanceBot.Webhooks;

/// <summary>Fails start-up on limits that would refuse every delivery or queue without bound.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrentDeliveries < 1)
        {
            failures.Add("Webhooks:MaxConcurrentDeliveries must be at least 1.");
        }

        if (options.QueuedDeliveries < 0)
        {
            failures.Add("Webhooks:QueuedDeliveries must be zero or more.");
        }

        if (options.RetryAfter < TimeSpan.FromSeconds(1))
        {
            failures.Add("Webhooks:RetryAfter must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
