using System.Net.Http.Headers;
using System.Text;
using GovernanceBot.Tests.Host;
using GovernanceBot.Webhooks;

namespace GovernanceBot.Benchmarks.Load;

/// <summary>
/// Real deliveries (GitHub's own payloads from the tests' fixtures, aimed at <c>octo-org/rfcs#12</c> of installation 42,
/// or pull request 21), each signed once; every request gets a fresh <c>X-GitHub-Delivery</c> id. By default every request
/// is the same <c>issue_comment.created</c>; with <c>--mix</c> the requests go round a mix of the events a governance
/// repository sends: half comments, the rest issue and pull-request events (labels, edits, a push, a check re-run).
/// </summary>
internal sealed class SignedDelivery
{
    public const string Secret = "a load-test secret, not a real one";

    private readonly (string Event, byte[] Body, string Signature)[] _deliveries;
    private long _next = -1;

    public SignedDelivery(bool mix = false)
    {
        var comment = Payloads.For("issue_comment", "created.payload.json", Given.Installation, Given.Repo, Given.Issue);
        IEnumerable<(string Event, System.Text.Json.Nodes.JsonObject Payload)> payloads = mix
            ?
            [
                ("issue_comment", comment),
                ("issues", Payloads.For("issues", "labeled.payload.json", Given.Installation, Given.Repo, Given.Issue)),
                ("issue_comment", comment),
                ("pull_request", Payloads.ForPullRequest("synchronize.payload.json", Given.Installation, Given.Repo, Given.PullRequest)),
                ("issue_comment", Payloads.For("issue_comment", "edited.payload.json", Given.Installation, Given.Repo, Given.Issue)),
                ("issues", Payloads.For("issues", "edited.payload.json", Given.Installation, Given.Repo, Given.Issue)),
                ("issue_comment", comment),
                ("pull_request", Payloads.ForPullRequest("labeled.payload.json", Given.Installation, Given.Repo, Given.PullRequest)),
                ("issue_comment", comment),
                ("check_run", Payloads.ForCheckRun("rerequested.payload.json", Given.Installation, Given.Repo, Given.PullRequest, "governance", new string('a', 40))),
            ]
            : [("issue_comment", comment)];
        _deliveries = [.. payloads.Select(p =>
        {
            var body = Encoding.UTF8.GetBytes(p.Payload.ToJsonString());
            return (p.Event, body, WebhookSignature.Sign(body, Secret));
        })];
    }

    /// <summary>The size of the (first) delivery's body.</summary>
    public int Bytes => _deliveries[0].Body.Length;

    public string Describe() => string.Join(", ", _deliveries.GroupBy(d => d.Event).Select(g => $"{g.Count()} × {g.Key}"));

    public HttpRequestMessage Request(Uri target)
    {
        var (eventName, body, signature) = _deliveries[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)_deliveries.Length)];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, WebhookEndpoint.Path.TrimStart('/'))) { Content = content };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", signature);
        return request;
    }
}
