using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GovernanceBot.GitHub;

/// <summary>
/// GitHub's REST API over the one handler chain (<see cref="GitHubConnections"/>): typed answers read by source-generated
/// JSON (<see cref="GitHubJson"/>), every GET conditional (<see cref="GitHubResponseCache"/>: a <c>304 Not Modified</c>
/// costs no rate limit and hands back the stored answer), lists followed page by page along the <c>Link</c> header, and
/// every answer that is not a success raised as a <see cref="GitHubApiException"/>.
/// </summary>
internal sealed partial class GitHubRest(HttpMessageInvoker http, Uri apiRoot, GitHubResponseCache cache)
{
    /// <summary>The media type GitHub's REST description declares for its answers.</summary>
    public const string MediaType = "application/vnd.github+json";

    /// <summary>The REST API version the bot is written against.</summary>
    public const string ApiVersion = "2022-11-28";

    private const int PageSize = 100;

    private static readonly ProductInfoHeaderValue UserAgent = new("GovernanceBot", typeof(GitHubRest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0");

    /// <summary>The API root, with a final slash: <c>https://api.github.com/</c>, or <c>https://HOST/api/v3/</c>.</summary>
    public Uri ApiRoot { get; } = apiRoot;

    /// <summary>One resource, read conditionally.</summary>
    public async Task<T> GetAsync<T>(GitHubCredential credential, string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var answer = await GetBodyAsync(credential, new Uri(ApiRoot, path), cancellationToken);
        return Read(answer.Body, type);
    }

    /// <summary>Every item of a list, 100 a page, following the <c>Link</c> header's <c>next</c>.</summary>
    public Task<List<T>> GetAllAsync<T>(GitHubCredential credential, string path, JsonTypeInfo<List<T>> type, CancellationToken cancellationToken) =>
        GetAllAsync(credential, path, type, page => page, cancellationToken);

    /// <summary>Every item of a list whose pages wrap it in an object (<c>{"total_count": …, "repositories": […]}</c>).</summary>
    public async Task<List<TItem>> GetAllAsync<TPage, TItem>(GitHubCredential credential, string path, JsonTypeInfo<TPage> type, Func<TPage, IEnumerable<TItem>> items, CancellationToken cancellationToken)
    {
        var all = new List<TItem>();
        for (Uri? next = new(ApiRoot, WithQuery(path, "per_page=" + PageSize)); next is not null;)
        {
            var answer = await GetBodyAsync(credential, next, cancellationToken);
            all.AddRange(items(Read(answer.Body, type)));
            next = answer.Next;
        }

        return all;
    }

    /// <summary>A write (or a GraphQL query): <paramref name="body"/> sent as JSON, the answer read as <paramref name="type"/>.</summary>
    public async Task<T> SendAsync<T>(GitHubCredential credential, HttpMethod method, string path, byte[]? body, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(credential, method, new Uri(ApiRoot, path), body, cancellationToken);
        using var response = await http.SendAsync(request, cancellationToken);
        return Read(await SucceededAsync(response, cancellationToken), type);
    }

    /// <summary>A write whose answer the bot does not read.</summary>
    public async Task SendAsync(GitHubCredential credential, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(credential, method, new Uri(ApiRoot, path), body, cancellationToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await SucceededAsync(response, cancellationToken);
    }

    /// <summary><paramref name="value"/> as the JSON body of a request.</summary>
    public static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private async Task<(byte[] Body, Uri? Next)> GetBodyAsync(GitHubCredential credential, Uri uri, CancellationToken cancellationToken)
    {
        var key = uri.AbsoluteUri;
        var stored = cache.Get(key);
        using var request = await RequestAsync(credential, HttpMethod.Get, uri, body: null, cancellationToken);
        if (stored is not null) request.Headers.TryAddWithoutValidation("If-None-Match", stored.ETag);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && stored is not null)
        {
            return (stored.Body, stored.Next);
        }

        var body = await SucceededAsync(response, cancellationToken);
        var next = NextPage(response);
        if (response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } etag)
        {
            cache.Set(key, new GitHubResponseCache.Answer(etag.ToString(), body, next));
        }

        return (body, next);
    }

    private static async Task<HttpRequestMessage> RequestAsync(GitHubCredential credential, HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken)
    {
        var token = await credential.TokenAsync(cancellationToken);
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.ParseAdd(MediaType);
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", ApiVersion);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return request;
    }

    private static async Task<byte[]> SucceededAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode ? body : throw GitHubApiException.From(response, body);
    }

    private static T Read<T>(byte[] body, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(body, type) ?? throw new JsonException($"GitHub answered null where a {typeof(T).Name} was expected");

    private static string WithQuery(string path, string parameter) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + parameter;

    /// <summary>The <c>next</c> page of a <c>Link</c> header: <c>&lt;https://…&amp;page=2&gt;; rel="next", &lt;…&gt;; rel="last"</c>.</summary>
    /// <remarks>Each link is read from its <c>&lt;</c> to its <c>&gt;</c>, so a comma inside an address does not split it.</remarks>
    internal static Uri? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        foreach (var value in values)
        {
            foreach (System.Text.RegularExpressions.Match link in LinkPattern().Matches(value))
            {
                if (link.Groups["params"].Value.Split(new[] { ';', ',' }).Any(p => p.Trim() is "rel=\"next\"" or "rel=next")
                    && Uri.TryCreate(link.Groups["url"].Value, UriKind.Absolute, out var next))
                {
                    return next;
                }
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<(?<url>[^>]*)>(?<params>[^<]*)")]
    private static partial System.Text.RegularExpressions.Regex LinkPattern();
}

/// <summary>Who a request is sent as: a bearer token for each request (the App's JWT, an installation token, a person's token), or none.</summary>
internal sealed class GitHubCredential(Func<CancellationToken, ValueTask<string?>> token)
{
    public static readonly GitHubCredential Anonymous = new(_ => ValueTask.FromResult<string?>(null));

    public ValueTask<string?> TokenAsync(CancellationToken cancellationToken) => token(cancellationToken);
}
