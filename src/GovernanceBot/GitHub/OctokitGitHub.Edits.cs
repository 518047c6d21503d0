using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovernanceBot.Domain.Lifecycle;
using Octokit;

namespace GovernanceBot.GitHub;

/// <summary>
/// Who edited each comment, from GitHub's GraphQL API (the REST API does not say): one query per issue for the comments
/// edited since they were last read, over the same connection, token and resilience handler as every REST call.
/// </summary>
internal sealed partial class OctokitGitHub
{
    /// <summary>GitHub's limit on the ids of one <c>nodes</c> field, and the revisions read per comment.</summary>
    internal const int GraphQlPage = 100;

    /// <summary>
    /// Human comments get their last editor and their history (each revision's <c>diff</c> is the whole text then); the
    /// bot's status comment only its last editor, since the bot never reads its own history back.
    /// The issue's (or pull request's) own <c>lastEditedAt</c> rides along when its body changed since it was last asked
    /// (<see cref="GetBodyEditedAtAsync"/>): GitHub's <c>lastEditedAt</c> is about the body only, a title edit leaves it as it was.
    /// </summary>
    internal const string EditsQuery =
        "query($comments: [ID!]!, $own: [ID!]!, $issue: [ID!]!) { " +
        "comments: nodes(ids: $comments) { ... on IssueComment { id lastEditedAt editor { __typename login } " +
        "userContentEdits(first: 100) { totalCount nodes { editedAt deletedAt diff editor { __typename login } } } } } " +
        "own: nodes(ids: $own) { ... on IssueComment { id lastEditedAt editor { __typename login } } } " +
        "issue: nodes(ids: $issue) { ... on Issue { id lastEditedAt } ... on PullRequest { id lastEditedAt } } }";

    private const int CacheLimit = 10_000;

    private static readonly JsonSerializerOptions GraphQlJson = new(JsonSerializerDefaults.Web);

    /// <summary>Node ids of the comments read over REST, by database id.</summary>
    private readonly ConcurrentDictionary<long, string> _nodeIds = new();

    /// <summary>Edit facts by comment id, valid while the comment's <c>updated_at</c> is the one they were read at.</summary>
    private readonly ConcurrentDictionary<long, (DateTimeOffset UpdatedAt, CommentEdits Edits)> _edits = new();

    private readonly Uri _graphQlUri;

    /// <summary>
    /// <c>https://api.github.com/graphql</c> beside <c>https://api.github.com/</c>; on GitHub Enterprise Server,
    /// <c>https://HOST/api/graphql</c> beside <c>https://HOST/api/v3/</c>.
    /// </summary>
    internal static Uri GraphQlEndpoint(Uri apiBase) =>
        new(apiBase, apiBase.AbsolutePath.TrimEnd('/').EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase) ? "../graphql" : "graphql");

    /// <summary>
    /// Reads who edited the edited comments whose author matters: people's (votes and commands) and the bot's status
    /// comment (its record), found by the Domain's one status-comment lookup.
    /// </summary>
    public async Task<IReadOnlyList<CommentFact>> WithEditsAsync(IssueRef issue, IReadOnlyList<CommentFact> comments, string botLogin, CancellationToken cancellationToken)
    {
        var statusComments = Governance.StatusComments(comments, botLogin).Select(c => c.Id).ToHashSet();
        bool NeedsEdits(CommentFact c) => c.WasEdited && (statusComments.Contains(c.Id) || (!IsBot(c.Author, botLogin) && !c.AuthorIsBot));

        var wanted = comments.Where(c => NeedsEdits(c) && !(_edits.TryGetValue(c.Id, out var known) && known.UpdatedAt == c.UpdatedAt)).ToList();
        foreach (var page in wanted.Chunk(GraphQlPage))
        {
            await ReadEditsAsync(issue, page, botLogin, BodyToAsk(issue), cancellationToken);
        }

        return [.. comments.Select(c => NeedsEdits(c) && _edits.TryGetValue(c.Id, out var known) && known.UpdatedAt == c.UpdatedAt ? c with { Edits = known.Edits } : c)];
    }

    private static bool IsBot(string login, string botLogin) => string.Equals(login, botLogin, StringComparison.OrdinalIgnoreCase);

    private async Task ReadEditsAsync(IssueRef issue, IReadOnlyList<CommentFact> page, string botLogin, IssueBody? body, CancellationToken cancellationToken)
    {
        var own = page.Where(c => IsBot(c.Author, botLogin)).ToList();
        var people = page.Except(own).ToList();
        var variables = new Dictionary<string, string[]>
        {
            ["comments"] = [.. people.Select(c => _nodeIds.GetValueOrDefault(c.Id)).OfType<string>()],
            ["own"] = [.. own.Select(c => _nodeIds.GetValueOrDefault(c.Id)).OfType<string>()],
            ["issue"] = body is null ? [] : [body.NodeId],
        };
        if (variables.Values.All(ids => ids.Length == 0))
        {
            // None of them was read over REST by this adapter: nothing to ask, and nothing to vouch for.
            foreach (var c in page) _edits[c.Id] = (c.UpdatedAt, new CommentEdits("ghost", c.UpdatedAt, [], Complete: false));
            return;
        }

        var data = await QueryAsync(issue, variables, cancellationToken);
        if (body is not null) RememberBodyEdit(issue, body, data);
        if (_edits.Count > CacheLimit) _edits.Clear();
        var found = (data.Comments ?? []).Concat(data.Own ?? []).OfType<CommentNode>().Where(n => n.Id is not null).ToDictionary(n => n.Id!, StringComparer.Ordinal);
        foreach (var c in page)
        {
            // A comment GitHub did not return (deleted meanwhile, or not visible) has edits nobody can vouch for.
            var facts = _nodeIds.TryGetValue(c.Id, out var nodeId) && found.TryGetValue(nodeId, out var node)
                ? ToEdits(node)
                : new CommentEdits("ghost", c.UpdatedAt, [], Complete: false);
            _edits[c.Id] = (c.UpdatedAt, facts);
        }

        GitHubLog.EditsRead(_logger, issue.ToString(), page.Count, found.Count);
    }

    private async Task<EditsData> QueryAsync(IssueRef issue, Dictionary<string, string[]> variables, CancellationToken cancellationToken)
    {
        var request = new StringContent(JsonSerializer.Serialize(new { query = EditsQuery, variables }, GraphQlJson), Encoding.UTF8, JsonMediaType);
        var api = Api(issue.Repo);
        var response = await GitHubCallContext.RunAsync(
            cancellationToken,
            () => api.Connection.Post<object>(_graphQlUri, request, Accept, JsonMediaType, (IDictionary<string, string>?)null, cancellationToken));
        var answer = JsonSerializer.Deserialize<GraphQlAnswer>(response.HttpResponse.Body as string ?? "", GraphQlJson);

        // No data at all (a malformed query, an outage): fail this reconcile, which is retried, rather than guess.
        return answer?.Data ?? throw new InvalidOperationException("GitHub's GraphQL API answered without data: " + string.Join("; ", answer?.Errors?.Select(e => e.Message) ?? []));
    }

    private static CommentEdits ToEdits(CommentNode node)
    {
        var editor = node.LastEditedAt is null ? null : Login(node.Editor) ?? "ghost";
        var history = node.UserContentEdits;
        var revisions = (history?.Nodes ?? [])
            .OfType<EditNode>()
            .Select(e => new CommentRevision(e.EditedAt, Login(e.Editor) ?? "ghost", e.DeletedAt is null ? e.Diff : null))
            .OrderBy(r => r.At)
            .ToList();
        var complete = history is not null && history.TotalCount <= revisions.Count;
        return new CommentEdits(editor, node.LastEditedAt, revisions, complete);
    }

    /// <summary>GraphQL names a bot by its slug; REST, and so the rest of the bot, as "slug[bot]".</summary>
    private static string? Login(ActorNode? actor) => actor?.Login is not { } login
        ? null
        : actor.Typename == "Bot" && !login.EndsWith("[bot]", StringComparison.Ordinal) ? login + "[bot]" : login;

    /// <summary>The bot's own edit needs no query: GitHub's answer to it says when it was made, and by whom (the bot's user).</summary>
    private void RememberOwnEdit(long commentId, DateTimeOffset? updatedAt, string? me)
    {
        if (updatedAt is { } at && me is not null) _edits[commentId] = (at, new CommentEdits(me, at, [], Complete: false));
    }

    private void RememberNodeIds(IEnumerable<IssueComment> comments)
    {
        foreach (var c in comments)
        {
            if (c.NodeId is { } id) _nodeIds[c.Id] = id;
        }
    }

    private sealed record GraphQlAnswer(EditsData? Data, List<GraphQlError>? Errors);

    private sealed record GraphQlError(string? Message);

    private sealed record EditsData(List<CommentNode?>? Comments, List<CommentNode?>? Own, List<CommentNode?>? Issue);

    private sealed record CommentNode(string? Id, DateTimeOffset? LastEditedAt, ActorNode? Editor, EditConnection? UserContentEdits);

    private sealed record ActorNode([property: JsonPropertyName("__typename")] string? Typename, string? Login);

    private sealed record EditConnection(int TotalCount, List<EditNode?>? Nodes);

    private sealed record EditNode(DateTimeOffset EditedAt, DateTimeOffset? DeletedAt, string? Diff, ActorNode? Editor);
}
