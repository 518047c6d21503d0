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
