using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovernanceBot.GitHub;
using GovernanceBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.GitHub;

public sealed class AppAuthenticationTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_app_jwt_is_RS256_issued_a_minute_ago_for_nine_minutes_and_verifies_with_the_public_key()
    {
        using var jwt = new GitHubAppJwt(4242, AdapterUnderTest.AppKey.ExportRSAPrivateKeyPem(), new FakeTimeProvider(Now));

        var parts = jwt.Create().Split('.');

        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.RootElement.GetProperty("typ").GetString());
        Assert.Equal(Now.AddSeconds(-60).ToUnixTimeSeconds(), payload.RootElement.GetProperty("iat").GetInt64());
        Assert.Equal(Now.AddMinutes(9).ToUnixTimeSeconds(), payload.RootElement.GetProperty("exp").GetInt64());
        Assert.Equal("4242", payload.RootElement.GetProperty("iss").GetString());
        Assert.True(AdapterUnderTest.AppKey.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void A_PKCS8_key_is_accepted_too_and_anything_else_is_refused_clearly()
    {
        using var fromPkcs8 = new GitHubAppJwt(1, AdapterUnderTest.AppKey.ExportPkcs8PrivateKeyPem(), TimeProvider.System);
        Assert.NotEmpty(fromPkcs8.Create());

        var error = Assert.Throws<InvalidOperationException>(() => new GitHubAppJwt(1, "not a key", TimeProvider.System));
        Assert.Contains("private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_installation_token_is_reused_until_five_minutes_before_it_expires()
    {
        var clock = new FakeTimeProvider(Now);
        using var github = new FakeGitHub(clock).GivenApp("governance-bot").GivenInstallation(7, "octo-org/rfcs");
        github.GivenIssue("octo-org/rfcs", 1, "RFC", "dana");
        using var adapter = new AdapterUnderTest(github.Url, clock);
        var issue = new IssueRef(new RepoRef(7, "octo-org", "rfcs"), 1);

        await adapter.GitHub.GetIssueAsync(issue, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        await adapter.GitHub.GetIssueAsync(issue, CancellationToken.None);
        Assert.Equal(1, github.TokensIssued);

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1)); // 55 min: inside the 5-minute margin
        await adapter.GitHub.GetIssueAsync(issue, CancellationToken.None);
        Assert.Equal(2, github.TokensIssued);

        var tokens = github.Requests().Where(r => r.Path.StartsWith("/repos/", StringComparison.Ordinal)).Select(r => r.Authorization).ToList();
        Assert.Equal(tokens[0], tokens[1]);
        Assert.NotEqual(tokens[1], tokens[2]);
    }

    [Fact]
    public async Task Each_installation_gets_its_own_token()
    {
        var clock = new FakeTimeProvider(Now);
        using var github = new FakeGitHub(clock).GivenInstallation(7, "octo-org/rfcs").GivenInstallation(8, "other-org/rfcs");
        github.GivenIssue("octo-org/rfcs", 1, "RFC", "dana").GivenIssue("other-org/rfcs", 1, "RFC", "erin");
        using var adapter = new AdapterUnderTest(github.Url, clock);

        Assert.Equal("dana", (await adapter.GitHub.GetIssueAsync(new IssueRef(new RepoRef(7, "octo-org", "rfcs"), 1), CancellationToken.None))?.Author);
        Assert.Equal("erin", (await adapter.GitHub.GetIssueAsync(new IssueRef(new RepoRef(8, "other-org", "rfcs"), 1), CancellationToken.None))?.Author);
        Assert.Equal(2, github.TokensIssued);
    }

    [Theory]
    [InlineData("AppId", "0", "GitHub:AppId")]
    [InlineData("PrivateKey", "", "GitHub:PrivateKey or GitHub:PrivateKeyPath")]
    [InlineData("PrivateKey", "hunter2", "must be a PEM private key")]
    [InlineData("WebhookSecret", "", "GitHub:WebhookSecret")]
    [InlineData("ApiUrl", "api.github.com", "GitHub:ApiUrl")]
    public void Options_that_cannot_work_stop_the_start(string key, string value, string expected)
    {
        var settings = ValidSettings();
        settings["GitHub:" + key] = value;
        using var services = Register(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GitHubOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AddGitHubApp_registers_the_adapter_with_the_configured_api_url()
    {
        var settings = ValidSettings();
        settings["GitHub:ApiUrl"] = "https://ghe.example.org/api/v3";
        using var services = Register(settings);

        Assert.IsType<OctokitGitHub>(services.GetRequiredService<IGitHub>());
        Assert.IsType<GitHubInstallations>(services.GetRequiredService<IGitHubInstallations>()); // GetRequiredService never returns null: the type is the claim
        Assert.Equal(new Uri("https://ghe.example.org/api/v3/"), services.GetRequiredService<IOptions<GitHubOptions>>().Value.ApiBaseUri);
        Assert.Equal(new Uri("https://ghe.example.org/api/v3/repos/o/r"), new Uri(services.GetRequiredService<IOptions<GitHubOptions>>().Value.ApiBaseUri, "repos/o/r"));
    }

    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["GitHub:AppId"] = "4242",
        ["GitHub:PrivateKey"] = AdapterUnderTest.AppKey.ExportRSAPrivateKeyPem(),
        ["GitHub:WebhookSecret"] = "It's a Secret to Everybody",
    };

    private static ServiceProvider Register(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddGitHubApp(configuration).BuildServiceProvider();
    }

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
