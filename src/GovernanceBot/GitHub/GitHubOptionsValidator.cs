using Microsoft.Extensions.Options;

namespace GovernanceBot.GitHub;

/// <summary>Fails start-up with every problem at once rather than the first one found.</summary>
internal sealed class GitHubOptionsValidator : IValidateOptions<GitHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        var failures = new List<string>();
        if (options.AppId <= 0)
        {
            failures.Add("GitHub:AppId must be the App's id (a positive number).");
        }

        var hasKey = !string.IsNullOrWhiteSpace(options.PrivateKey);
        var hasKeyPath = !string.IsNullOrWhiteSpace(options.PrivateKeyPath);
        if (!hasKey && !hasKeyPath)
        {
            failures.Add("GitHub:PrivateKey or GitHub:PrivateKeyPath must be set to the App's PEM private key.");
        }
        else if (hasKey && hasKeyPath)
        {
            failures.Add("Set only one of GitHub:PrivateKey and GitHub:PrivateKeyPath.");
        }
        else if (hasKey && !options.PrivateKey!.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            failures.Add("GitHub:PrivateKey must be a PEM private key (-----BEGIN ... PRIVATE KEY-----).");
        }
        else if (hasKeyPath && !File.Exists(options.PrivateKeyPath))
        {
            failures.Add($"GitHub:PrivateKeyPath '{options.PrivateKeyPath}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            failures.Add("GitHub:WebhookSecret must be set: webhook deliveries cannot be verified without it.");
        }

        if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"GitHub:ApiUrl '{options.ApiUrl}' must be an absolute http(s) URL such as {GitHubOptions.DefaultApiUrl}.");
        }

        var r = options.Resilience;
        if (r.MaxAttempts is < 1 or > 10)
        {
            failures.Add("GitHub:Resilience:MaxAttempts must be between 1 and 10.");
        }

        if (r.BaseDelay < TimeSpan.Zero || r.MaxDelay < r.BaseDelay)
        {
            failures.Add("GitHub:Resilience:BaseDelay must be at least zero and no more than MaxDelay.");
        }

        if (r.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("GitHub:Resilience:AttemptTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
