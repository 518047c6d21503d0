using System.Text.Json;
using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// The vendored GitHub material is really there: a theory over <see cref="Payloads.All"/> would otherwise pass with
/// no cases at all, and Prism would have nothing to check against.
/// </summary>
public sealed class GitHubFixturesTests
{
    [Theory]
    [InlineData("issues", 29)]
    [InlineData("issue_comment", 8)]
    [InlineData("label", 5)]
    [InlineData("installation", 6)]
    [InlineData("installation_repositories", 2)]
    [InlineData("ping", 3)]
    [InlineData("pull_request", 19)]
    [InlineData("check_run", 9)]
    public void Every_vendored_payload_of_an_event_is_found(string @event, int vendored)
    {
        var files = Payloads.All().Where(p => p.Event == @event).Select(p => p.File).ToList();

        Assert.True(files.Count >= vendored, $"{@event}: {files.Count} payloads found in {Payloads.Directory}, {vendored} are vendored");
        Assert.All(files, f => Assert.EndsWith(".json", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_payload_is_a_json_object_with_a_sender()
    {
        var all = Payloads.All().ToList();

        Assert.True(all.Count >= 81, $"{all.Count} payloads found in {Payloads.Directory}, 81 are vendored");
        Assert.All(all, p => Assert.NotNull(Payloads.Load(p.Event, p.File)["sender"]));
    }

    [Theory]
    [InlineData("github-issues-api.json")]
    [InlineData(PrismProxy.DefaultSpec)]
    [InlineData("github-issues-api.prism-strict.json")]
    public void GitHubs_REST_description_is_vendored_with_its_operations(string spec)
    {
        using var description = JsonDocument.Parse(File.ReadAllText(GitHubFixtures.OpenApi(spec)));
        var root = description.RootElement;

        Assert.Equal("3.0.3", root.GetProperty("openapi").GetString());
        Assert.Equal("MIT", root.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
        Assert.Contains(root.GetProperty("paths").EnumerateObject(), p => p.Name == "/repos/{owner}/{repo}/issues/{issue_number}/comments");
        Assert.Contains(root.GetProperty("paths").EnumerateObject(), p => p.Name == "/repos/{owner}/{repo}/check-runs");
    }
}
