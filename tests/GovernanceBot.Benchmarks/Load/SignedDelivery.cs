using System.Net.Http.Headers;
using System.Text;
using GovernanceBot.Tests.Host;
using GovernanceBot.Webhooks;

namespace GovernanceBot.Benchmarks.Load;

/// <summary>
/// A real <c>issue_comment.created</c> delivery (GitHub's own payload from the tests' fixtures, aimed at
/// <c>octo-org/rfcs#12</c> of installation 42), signed once; every request gets a fresh <c>X-GitHub-Delivery</c> id.
/// </summary>
internal sealed class SignedDelivery
{
    public const string Secret = "a load-test secret, not a real one";
    private const string Event = "issue_comment";

    private readonly byte[] _body;
    private readonly string _signature;

    public SignedDelivery()
    {
        _body = Encoding.UTF8.GetBytes(Payloads.For(Event, "created.payload.json", Given.Installation, Given.Repo, Given.Issue).ToJsonString());
        _signature = WebhookSignature.Sign(_body, Secret);
    }

    public int Bytes => _body.Length;

    public HttpRequestMessage Request(Uri target)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, WebhookEndpoint.Path.TrimStart('/'))) { Content = content };
        request.Headers.Add("X-GitHub-Event", Event);
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", _signature);
        return request;
    }
}
