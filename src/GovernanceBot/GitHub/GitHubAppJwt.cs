using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GovernanceBot.GitHub;

/// <summary>
/// The App's own credential: a short-lived RS256 JWT signed with its private key, used only to call the
/// <c>/app</c> endpoints (identity, installations, installation tokens).
/// </summary>
/// <remarks>
/// Issued 60 seconds in the past against clock drift and valid for 9 minutes, inside GitHub's 10-minute limit
/// (https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app).
/// </remarks>
public sealed class GitHubAppJwt : IDisposable
{
    public static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    private static readonly string EncodedHeader = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));

    private readonly long _appId;
    private readonly RSA _key;
    private readonly TimeProvider _time;

    public GitHubAppJwt(long appId, string privateKeyPem, TimeProvider time)
    {
        _appId = appId;
        _time = time;
        _key = RSA.Create();
        try
        {
            // Accepts both the PKCS#1 ("RSA PRIVATE KEY") file GitHub hands out and PKCS#8 ("PRIVATE KEY").
            _key.ImportFromPem(privateKeyPem);
        }
        catch (ArgumentException e)
        {
            _key.Dispose();
            throw new InvalidOperationException("The GitHub App private key is not a valid PEM RSA key.", e);
        }
    }

    /// <summary>A new token, valid from one minute ago for nine minutes.</summary>
    public string Create()
    {
        var now = _time.GetUtcNow();
        var payload = new
        {
            iat = (now - Backdate).ToUnixTimeSeconds(),
            exp = (now + Lifetime).ToUnixTimeSeconds(),
            iss = _appId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var signingInput = EncodedHeader + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    public void Dispose() => _key.Dispose();

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
