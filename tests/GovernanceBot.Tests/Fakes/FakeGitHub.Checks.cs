using System.Globalization;
using System.Text.Json.Nodes;
using GovernanceBot.Simulation.Model;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>Check runs: what a reader sees on a commit, and the handlers of <c>check-runs</c> and <c>commits/{ref}/check-runs</c>.</summary>
public sealed partial class FakeGitHub
{
    /// <summary>A check run on a commit as GitHub shows it.</summary>
    public sealed record FakeCheckRun(long Id, string HeadSha, string Name, string App, string Status, string? Conclusion, string? Title, string? Summary, string? DetailsUrl);

    /// <summary>Every check run named <paramref name="name"/> on <paramref name="sha"/>, newest first (all of them, not only the latest).</summary>
    public IReadOnlyList<FakeCheckRun> CheckRuns(string repo, string sha, string name = "governance")
    {
        lock (gate)
        {
            return [.. state.CheckRunsOn(RepoKey.Parse(repo), sha, name, latestOnly: false).Select(Fake)];
        }
    }

    /// <summary>The check a reader sees on the pull request's head: the newest run named <paramref name="name"/>, or null.</summary>
    public FakeCheckRun? HeadCheck(string repo, int number, string name = "governance") => CheckRuns(repo, HeadSha(repo, number), name).FirstOrDefault();

    /// <summary>Another App's (or a person's workflow's) check run of the same name on a commit.</summary>
    public FakeGitHub GivenForeignCheckRun(string repo, string sha, string name, string app, string status, string? conclusion)
    {
        lock (gate)
        {
            var run = state.CreateCheckRun(RepoKey.Parse(repo), sha, name, app);
            state.ShowOnCheckRun(run, status, conclusion, "theirs", "theirs", null);
        }

        return this;
    }

    private Answer ListCheckRuns(IRequestMessage request, RepoKey repo, string sha)
    {
        var latestOnly = (Query(request, "filter") ?? "latest") == "latest";
        var runs = state.CheckRunsOn(repo, sha, Query(request, "check_name"), latestOnly)
            .Where(r => Query(request, "status") is not { } status || r.Status == status)
            .ToList();
        var (page, links) = Paginate(request, runs.Count);
        var body = new JsonObject
        {
            ["total_count"] = runs.Count,
            ["check_runs"] = new JsonArray([.. runs.Skip(page.Skip).Take(page.Take).Select(CheckRunJson)]),
        };
        return Answer.Of(200, body, links);
    }

    private Answer CreateCheckRun(RepoKey repo, IRequestMessage request)
    {
        if (BodyField(request, "name") is not { } name || BodyField(request, "head_sha") is not { } sha)
        {
            return Answer.Of(422, Error("Invalid request.\n\n\"name\" and \"head_sha\" are required.", "https://docs.github.com/rest/checks/runs#create-a-check-run"));
        }

        if (!state.Issues.Values.Any(i => i.Repo == repo && i.Pull is { } p && p.Commits.Any(c => c.Sha == sha)))
        {
            return Answer.Of(422, Error("No commit found for SHA: " + sha, "https://docs.github.com/rest/checks/runs#create-a-check-run"));
        }

        var run = state.CreateCheckRun(repo, sha, name, state.AppSlug);
        if (Show(run, request) is { } invalid) return invalid;
        return Answer.Of(201, CheckRunJson(run));
    }

    private Answer UpdateCheckRun(RepoKey repo, string id, IRequestMessage request)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var runId) || state.CheckRun(repo, runId) is not { } run)
        {
            return NotFound("https://docs.github.com/rest/checks/runs#update-a-check-run");
        }

        if (run.AppSlug != state.AppSlug)
        {
            return Answer.Of(403, Error("Invalid app_id `1` - check run can only be modified by the GitHub App that created it.", "https://docs.github.com/rest/checks/runs#update-a-check-run"));
        }

        return Show(run, request) ?? Answer.Of(200, CheckRunJson(run));
    }

    /// <summary>Applies a create or update body as GitHub does: a conclusion completes the run; completed needs a conclusion.</summary>
    private Answer? Show(StoredCheckRun run, IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject ?? [];
        var conclusion = body["conclusion"]?.GetValue<string>() ?? (body.ContainsKey("status") ? null : run.Conclusion);
        var status = conclusion is not null ? "completed" : body["status"]?.GetValue<string>() ?? run.Status;
        if (status == "completed" && conclusion is null)
        {
            return Answer.Of(422, Error("Invalid request.\n\nNo conclusion given for a completed check run.", "https://docs.github.com/rest/checks/runs"));
        }

        var output = body["output"] as JsonObject;
        state.ShowOnCheckRun(
            run,
            status,
            conclusion,
            output?["title"]?.GetValue<string>() ?? run.Title,
            output?["summary"]?.GetValue<string>() ?? run.Summary,
            body["details_url"]?.GetValue<string>() ?? run.DetailsUrl);
        return null;
    }

    private JsonObject CheckRunJson(StoredCheckRun run)
    {
        var api = $"{PublicUrl}repos/{run.Repo}";
        var app = AppJson();
        app["slug"] = run.AppSlug;
        app["name"] = run.AppSlug;
        var pullRequests = state.Issues.Values
            .Where(i => i.Repo == run.Repo && i.IsOpen && i.Pull?.HeadSha == run.HeadSha)
            .Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id,
                ["number"] = i.Number,
                ["url"] = $"{api}/pulls/{i.Number}",
                ["head"] = new JsonObject { ["ref"] = $"pr-{i.Number}", ["sha"] = run.HeadSha, ["repo"] = new JsonObject { ["id"] = StableId(run.Repo.ToString()), ["url"] = api, ["name"] = run.Repo.Name } },
                ["base"] = new JsonObject { ["ref"] = "main", ["sha"] = new string('0', 40), ["repo"] = new JsonObject { ["id"] = StableId(run.Repo.ToString()), ["url"] = api, ["name"] = run.Repo.Name } },
            });
        return new JsonObject
        {
            ["id"] = run.Id,
            ["node_id"] = NodeId("CR_", run.Id),
            ["head_sha"] = run.HeadSha,
            ["external_id"] = null,
            ["name"] = run.Name,
            ["url"] = $"{api}/check-runs/{run.Id}",
            ["html_url"] = $"https://github.com/{run.Repo}/runs/{run.Id}",
            ["details_url"] = run.DetailsUrl,
            ["status"] = run.Status,
            ["conclusion"] = run.Conclusion,
            ["started_at"] = Iso(run.StartedAt),
            ["completed_at"] = run.CompletedAt is { } completed ? Iso(completed) : null,
            ["output"] = new JsonObject
            {
                ["title"] = run.Title,
                ["summary"] = run.Summary,
                ["text"] = null,
                ["annotations_count"] = 0,
                ["annotations_url"] = $"{api}/check-runs/{run.Id}/annotations",
            },
            ["check_suite"] = new JsonObject { ["id"] = StableId("suite:" + run.HeadSha) },
            ["app"] = app,
            ["pull_requests"] = new JsonArray([.. pullRequests]),
        };
    }

    private static FakeCheckRun Fake(StoredCheckRun r) => new(r.Id, r.HeadSha, r.Name, r.AppSlug, r.Status, r.Conclusion, r.Title, r.Summary, r.DetailsUrl);
}
