using System.Text.Json.Nodes;
using GovernanceBot.Simulation.Model;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>Labels: a repository's labels and their application to issues (arrange verbs, reads, handlers).</summary>
public sealed partial class FakeGitHub
{
    /// <summary>A labeled (or unlabeled) event in the issue's history; the issue's current labels are not changed.</summary>
    public FakeGitHub GivenLabelEvent(string repo, int number, string label, string actor, DateTimeOffset at, bool labeled = true)
    {
        lock (gate)
        {
            state.AddLabelEvent(state.Issue(RepoKey.Parse(repo), number), label, actor, at, labeled);
        }

        return this;
    }

    /// <summary>The repository already defines the label (a repository that has run processes before has the phase labels).</summary>
    public FakeGitHub GivenLabel(string repo, string name, string? color = null, string? description = null)
    {
        lock (gate)
        {
            state.EnsureRepoLabel(RepoKey.Parse(repo), name, color, description);
        }

        return this;
    }

    /// <summary>A human (or another App) labels the issue now: the label is applied and the event recorded.</summary>
    public FakeGitHub AddLabel(string repo, int number, string label, string actor)
    {
        lock (gate)
        {
            state.ApplyLabel(state.Issue(RepoKey.Parse(repo), number), label, actor);
        }

        return this;
    }

    public FakeGitHub RemoveLabel(string repo, int number, string label, string actor)
    {
        lock (gate)
        {
            state.UnapplyLabel(state.Issue(RepoKey.Parse(repo), number), label, actor);
        }

        return this;
    }

    public IReadOnlyList<string> Labels(string repo, int number)
    {
        lock (gate)
        {
            return [.. state.Issue(RepoKey.Parse(repo), number).Labels];
        }
    }

    /// <summary>The labels defined in the repository (name, color, description).</summary>
    public IReadOnlyList<FakeLabel> RepoLabels(string repo)
    {
        lock (gate)
        {
            return state.RepoLabels.TryGetValue(RepoKey.Parse(repo), out var labels) ? [.. labels.Values.Select(l => new FakeLabel(l.Id, l.Name, l.Color, l.Description))] : [];
        }
    }

    private Answer AddLabels(StoredIssue issue, IRequestMessage request)
    {
        var json = JsonNode.Parse(request.Body ?? "null");
        var names = (json switch
        {
            JsonObject o when o["labels"] is JsonArray a => a,
            JsonArray a => a,
            _ => [],
        }).Select(n => n is JsonObject lo ? lo["name"]!.GetValue<string>() : n!.GetValue<string>()).ToList();
        foreach (var name in names)
        {
            state.ApplyLabel(issue, name, BotLogin);
        }

        return Answer.Of(200, new JsonArray([.. state.LabelsOf(issue).Select(l => LabelJson(issue.Repo, l))]));
    }

    private Answer DeleteLabel(StoredIssue issue, string name)
    {
        if (!issue.Labels.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return Answer.Of(404, Error("Label does not exist", "https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue"));
        }

        state.UnapplyLabel(issue, name, BotLogin);
        return Answer.Of(200, new JsonArray([.. state.LabelsOf(issue).Select(l => LabelJson(issue.Repo, l))]));
    }

    private Answer CreateLabel(RepoKey repo, IRequestMessage request)
    {
        var name = BodyField(request, "name");
        if (name is null)
        {
            return Answer.Of(422, Error("Validation Failed", "https://docs.github.com/rest/issues/labels#create-a-label"));
        }

        if (state.RepoLabel(repo, name) is not null)
        {
            var error = Error("Validation Failed", "https://docs.github.com/rest/issues/labels#create-a-label");
            error["errors"] = new JsonArray(new JsonObject { ["resource"] = "Label", ["code"] = "already_exists", ["field"] = "name" });
            return Answer.Of(422, error);
        }

        var label = state.EnsureRepoLabel(repo, name, BodyField(request, "color"), BodyField(request, "description"));
        return Answer.Of(201, LabelJson(repo, label), [("Location", $"{PublicUrl}repos/{repo}/labels/{Uri.EscapeDataString(name)}")]);
    }

    private Answer GetLabel(RepoKey repo, string name) =>
        state.RepoLabel(repo, name) is { } label
            ? Answer.Of(200, LabelJson(repo, label))
            : NotFound("https://docs.github.com/rest/issues/labels#get-a-label");

    private JsonObject LabelJson(RepoKey repo, StoredLabel label) => new()
    {
        ["id"] = label.Id,
        ["node_id"] = NodeId("LA_", label.Id),
        ["url"] = $"{PublicUrl}repos/{repo}/labels/{Uri.EscapeDataString(label.Name)}",
        ["name"] = label.Name,
        ["description"] = label.Description,
        ["color"] = label.Color,
        ["default"] = false,
    };
}
