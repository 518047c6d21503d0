using GovernanceBot.Simulation.Model;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// A stateful GitHub on the wire (WireMock.Net on 127.0.0.1), for driving the real adapter and, later, the whole host.
/// Arrange with the <c>GivenXxx</c> verbs, read the outcome with <see cref="Comments"/>, <see cref="Labels"/>,
/// <see cref="PostedComments"/> and <see cref="Requests"/>. Writes change the state as GitHub would: a posted comment
/// gets an id and timestamps from the clock, adding or removing a label records a labeled/unlabeled event. Response
/// bodies follow GitHub's REST description (checked by Prism, see <see cref="PrismProxy"/>).
/// The state and its rules live in <see cref="GitHubState"/>, the one GitHub model <c>simulate</c>'s
/// <see cref="GovernanceBot.Simulation.InMemoryGitHub"/> uses too; the partial files of this class (Wire, Installations,
/// Contents, Teams, Issues, Comments, Labels, GraphQl, Hostile) are thin HTTP handlers over it, one per resource.
/// </summary>
public sealed partial class FakeGitHub : IDisposable
{
    public const string DefaultAppSlug = "governance-bot";

    /// <summary>The longest comment body GitHub accepts, in characters.</summary>
    public const int MaxCommentBody = 65_536;

    private readonly WireMockServer server;
    private readonly Lock gate = new();
    private readonly List<FakeRequest> requests = [];
    private readonly List<(FakeRequest Request, int Status)> exchanges = [];
    private readonly List<Interference> interferences = [];
    private GitHubState state;
    private int generation;
    private int staleRequests;

    public FakeGitHub(TimeProvider? time = null)
    {
        state = new GitHubState(time ?? TimeProvider.System);
        server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(request => HandleAsync(request)));
        PublicUrl = Url;
        WaitUntilAnswering();
    }

    /// <summary>Where the fake listens, with a final slash (use as <c>GitHub:ApiUrl</c> when there is no proxy in front).</summary>
    public string Url => server.Url!.TrimEnd('/') + "/";

    /// <summary>The API root clients use, for the absolute URLs in bodies and <c>Link</c> headers: set it to a proxy's address.</summary>
    public string PublicUrl { get; set; }

    public string AppSlug => state.AppSlug;

    /// <summary>The login GitHub shows for the App's own comments.</summary>
    public string BotLogin => state.BotLogin;

    /// <summary>Forgets everything (state, requests, interferences) so a shared instance can serve the next test.</summary>
    public void Reset(TimeProvider? clock = null)
    {
        lock (gate)
        {
            state = new GitHubState(clock ?? TimeProvider.System);
            generation++;
            requests.Clear();
            exchanges.Clear();
            RateLimitRemaining = 4999;
            interferences.Clear();
        }
    }

    /// <summary>
    /// Disturbs the next <paramref name="times"/> requests matching <paramref name="method"/> and a path ending with
    /// <paramref name="pathSuffix"/> (e.g. <c>"/comments"</c>), and when <paramref name="bodyContains"/> is given, whose
    /// request body contains it (e.g. one reply among several comments): see <see cref="FakeFault"/>.
    /// </summary>
    public FakeGitHub Interfere(HttpMethod method, string pathSuffix, FakeFault fault, int times = 1, string? bodyContains = null)
    {
        lock (gate)
        {
            interferences.Add(new Interference(method.Method, pathSuffix, fault, times, bodyContains));
        }

        return this;
    }

    /// <summary>The next matching request fails with <paramref name="status"/> and the given headers, without touching the state.</summary>
    public FakeGitHub FailNext(HttpMethod method, string pathSuffix, int status, params (string Name, string Value)[] headers) =>
        Interfere(method, pathSuffix, new FakeFault(status, Headers: headers));

    /// <summary>
    /// A request header naming the <see cref="Generation"/> its sender was made for: a request that names an earlier one
    /// (a bot of a test that has ended) is answered 503 and is neither recorded nor allowed to change the state.
    /// </summary>
    public const string GenerationHeader = "X-Fake-GitHub-Generation";

    /// <summary>How many times this instance has been <see cref="Reset"/>: one per test that shares it.</summary>
    public int Generation
    {
        get
        {
            lock (gate)
            {
                return generation;
            }
        }
    }

    /// <summary>Requests that named an earlier <see cref="Generation"/>, over the instance's life.</summary>
    public int StaleRequests
    {
        get
        {
            lock (gate)
            {
                return staleRequests;
            }
        }
    }

    /// <summary>What <c>X-RateLimit-Remaining</c> says on every answer.</summary>
    public int RateLimitRemaining { get; set; } = 4999;

    /// <summary>Every request with the status it was answered with (304 for a conditional request that still matched).</summary>
    public IReadOnlyList<(FakeRequest Request, int Status)> Exchanges()
    {
        lock (gate)
        {
            return [.. exchanges];
        }
    }

    public IReadOnlyList<FakeRequest> Requests()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    public void Dispose() => server.Dispose();

    private DateTimeOffset Now() => state.Now();

    private sealed class Interference(string method, string pathSuffix, FakeFault fault, int times, string? bodyContains)
    {
        public string? BodyContains { get; } = bodyContains;

        public string Method { get; } = method;

        public string PathSuffix { get; } = pathSuffix;

        public FakeFault Fault { get; } = fault;

        public int Times { get; set; } = times;
    }
}
