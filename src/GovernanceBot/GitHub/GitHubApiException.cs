using System.Net;
using System.Text.Json;

namespace GovernanceBot.GitHub;

/// <summary>
/// GitHub answered with an error status. <see cref="Exception.Message"/> is GitHub's own <c>message</c> when it sent one;
/// <see cref="ErrorCodes"/> are the <c>errors[].code</c> of a 422 (<c>already_exists</c>, <c>invalid</c>…).
/// </summary>
public sealed class GitHubApiException : Exception
{
    private readonly Dictionary<string, string> _headers;

    public GitHubApiException()
        : this(HttpStatusCode.InternalServerError, "GitHub answered with an error", [], null, [])
    {
    }

    public GitHubApiException(string message)
        : this(HttpStatusCode.InternalServerError, message, [], null, [])
    {
    }

    public GitHubApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = HttpStatusCode.InternalServerError;
        ErrorCodes = [];
        _headers = [];
    }

    internal GitHubApiException(HttpStatusCode statusCode, string message, IReadOnlyList<string> errorCodes, string? body, Dictionary<string, string> headers)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCodes = errorCodes;
        Body = body;
        _headers = headers;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>code</c> of each entry of the answer's <c>errors</c> (a 422's reasons).</summary>
    public IReadOnlyList<string> ErrorCodes { get; }

    /// <summary>The answer's body as text, when it had one.</summary>
    public string? Body { get; }

    /// <summary>
    /// A primary or secondary rate limit (403 or 429 with no requests left, a <c>Retry-After</c>, or GitHub's words for
    /// it), not a refusal: asking again later succeeds.
    /// </summary>
    public bool IsRateLimit =>
        StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests
        && (Header("X-RateLimit-Remaining") == "0" || Header("Retry-After") is not null
            || Says("rate limit") || Says("abuse"));

    // GitHub's message, or the raw body when it was not JSON (a proxy's page).
    private bool Says(string words) =>
        Message.Contains(words, StringComparison.OrdinalIgnoreCase) || (Body?.Contains(words, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>A header of the answer, by case-insensitive name.</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);

    internal static GitHubApiException From(HttpResponseMessage response, byte[] body)
    {
        string? message = null;
        var codes = new List<string>();
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) message = m.GetString();
                if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    codes.AddRange(errors.EnumerateArray()
                        .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
                        .Select(e => e.GetProperty("code").GetString()!));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty body): the status says enough.
        }

        var status = (int)response.StatusCode;
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Value.FirstOrDefault() ?? "", StringComparer.OrdinalIgnoreCase);
        return new GitHubApiException(
            response.StatusCode,
            string.IsNullOrWhiteSpace(message) ? $"GitHub answered {status} {response.ReasonPhrase}".TrimEnd() : message,
            codes,
            body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(body),
            headers);
    }
}
