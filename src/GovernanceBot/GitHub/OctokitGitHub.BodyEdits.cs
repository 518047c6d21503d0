using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GovernanceBot.GitHub;

/// <summary>
/// When the issue's (or pull request's) body was last edited: GraphQL's <c>lastEditedAt</c>, which the REST API does not
/// give. Asked only when the body read over REST differs from the one it was last asked for (so a new vote, a label or a
/// title edit costs nothing), and then inside the comments' edit query when that one runs in the same reconcile.
/// </summary>
internal sealed partial class OctokitGitHub
{
    /// <summary>The issue's node id and a digest of its body, as the last <see cref="GetIssueAsync"/> read them.</summary>
    private readonly ConcurrentDictionary<IssueRef, IssueBody> _bodies = new();

    /// <summary>The body's last edit, by issue, valid while the body's digest is the one it was asked for.</summary>
    private readonly ConcurrentDictionary<IssueRef, (string Digest, DateTimeOffset? EditedAt)> _bodyEdits = new();

    public async Task<DateTimeOffset?> GetBodyEditedAtAsync(IssueRef issue, CancellationToken cancellationToken)
    {
        if (BodyToAsk(issue) is { } body)
        {
            var variables = new Dictionary<string, string[]> { ["comments"] = [], ["own"] = [], ["issue"] = [body.NodeId] };
            RememberBodyEdit(issue, body, await QueryAsync(issue, variables, cancellationToken));
        }

        return _bodyEdits.TryGetValue(issue, out var known) ? known.EditedAt : null;
    }

    /// <summary>The issue whose body changed since its last edit was asked, or null when nothing needs asking.</summary>
    private IssueBody? BodyToAsk(IssueRef issue) =>
        _bodies.TryGetValue(issue, out var body) && !(_bodyEdits.TryGetValue(issue, out var known) && known.Digest == body.Digest) ? body : null;

    private void RememberBody(IssueRef issue, string? nodeId, string? text)
    {
        if (nodeId is null) return;
        if (_bodies.Count > CacheLimit) _bodies.Clear();
        _bodies[issue] = new IssueBody(nodeId, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? ""))));
    }

    private void RememberBodyEdit(IssueRef issue, IssueBody body, EditsData data)
    {
        if (_bodyEdits.Count > CacheLimit) _bodyEdits.Clear();
        var node = (data.Issue ?? []).FirstOrDefault(n => n?.Id == body.NodeId);
        _bodyEdits[issue] = (body.Digest, node?.LastEditedAt);
    }

    private sealed record IssueBody(string NodeId, string Digest);
}
