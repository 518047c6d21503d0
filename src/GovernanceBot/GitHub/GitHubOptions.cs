using Microsoft.Extensions.Options;

namespace GovernanceBot.GitHub;

/// <summary>The App's identity and where GitHub is; bound from the configuration section <c>GitHub</c>.</summary>
public sealed class GitHubOptions
{
    public const string SectionName = "GitHub";

    public const string DefaultApiUrl = "https://api.github.com/";

    /// <summary>The App's numeric id (the JWT's issuer).</summary>
    public long AppId { get; set; }

    /// <summary>The App's PEM private key, as text. Either this or <see cref="PrivateKeyPath"/>.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>A file holding the App's PEM private key. Either this or <see cref="PrivateKey"/>.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The secret webhook deliveries are signed with; the server refuses to start without it.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>The previous secret, accepted while a rotation is under way.</summary>
    public string? WebhookSecretFallback { get; set; }

    /// <summary>The REST API root, used as given: requests go to <c>{ApiUrl}repos/...</c> (GitHub Enterprise Server: <c>https://HOST/api/v3/</c>).</summary>
    public string ApiUrl { get; set; } = DefaultApiUrl;

    public GitHubResilienceOptions Resilience { get; set; } = new();

    /// <summary>The API root as a URI that relative paths append to (a missing final slash would drop <c>/api/v3</c>).</summary>
    public Uri ApiBaseUri => new(ApiUrl.EndsWith('/') ? ApiUrl : ApiUrl + "/", UriKind.Absolute);

    /// <summary>The PEM text of the private key, read from <see cref="PrivateKey"/> or <see cref="PrivateKeyPath"/>.</summary>
    public string ReadPrivateKeyPem() =>
        !string.IsNullOrWhiteSpace(PrivateKey)
            ? PrivateKey
            : File.ReadAllText(PrivateKeyPath ?? throw new InvalidOperationException("GitHub:PrivateKey or GitHub:PrivateKeyPath must be set."));
}

/// <summary>How hard the adapter tries before giving up; the periodic sweep heals whatever is left undone.</summary>
public sealed class GitHubResilienceOptions
{
    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff delay when GitHub gives no hint; doubles with each attempt.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry. When GitHub asks for a longer one, the call fails instead.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take (measured on the wall clock, see <see cref="GitHubResilienceHandler"/>).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

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
