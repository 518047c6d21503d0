namespace GovernanceBot.Tests.Fakes.Model;

/// <summary>Issue comments and their edit history (what GitHub's GraphQL <c>userContentEdits</c> answers).</summary>
internal sealed partial class GitHubState
{
    /// <summary>Comments created through the API (by the App), oldest first, across all issues.</summary>
    public List<FakeComment> Posted { get; } = [];

    /// <summary>Each edited comment's history as GitHub keeps it (the original text first).</summary>
    public Dictionary<long, List<FakeRevision>> Revisions { get; } = [];

    /// <summary>A comment by anyone, at <paramref name="at"/> (now when null); <paramref name="repo"/> as the caller spelled it.</summary>
    public FakeComment AddComment(FakeIssue issue, string repo, string author, string body, bool isBot, DateTimeOffset? at = null)
    {
        var when = at ?? Now();
        var comment = new FakeComment(NextId(), repo, issue.Number, author, isBot, body, when, when);
        issue.Comments.Add(comment);
        return comment;
    }

    /// <summary>A comment the App posts through the API: also listed in <see cref="Posted"/>.</summary>
    public FakeComment PostComment(FakeIssue issue, string body)
    {
        var comment = AddComment(issue, issue.Repo.ToString(), BotLogin, body, isBot: true);
        Posted.Add(comment);
        return comment;
    }

    /// <summary>
    /// Replaces the comment's text, recording the revision. An edit <paramref name="throughApi"/> (the App's) also
    /// updates its copy in <see cref="Posted"/>; an edit made on the site leaves that copy as the App wrote it.
    /// </summary>
    public FakeComment EditComment(FakeIssue issue, int index, string body, string editor, bool byBot, bool throughApi)
    {
        var edited = Edited(issue.Comments[index], body, editor, byBot);
        issue.Comments[index] = edited;
        var posted = throughApi ? Posted.FindIndex(c => c.Id == edited.Id) : -1;
        if (posted >= 0)
        {
            Posted[posted] = edited;
        }

        return edited;
    }

    /// <summary>Removes the comment from its issue (not from <see cref="Posted"/>); false when there is none.</summary>
    public bool DeleteComment(long id)
    {
        if (FindComment(id) is not var (issue, index))
        {
            return false;
        }

        issue.Comments.RemoveAt(index);
        return true;
    }

    public (FakeIssue Issue, int Index)? FindComment(long id)
    {
        foreach (var issue in Issues.Values)
        {
            var index = issue.Comments.FindIndex(c => c.Id == id);
            if (index >= 0)
            {
                return (issue, index);
            }
        }

        return null;
    }

    public IEnumerable<FakeComment> AllComments() => Issues.Values.SelectMany(i => i.Comments);

    public IReadOnlyList<FakeRevision> History(long commentId) => Revisions.TryGetValue(commentId, out var list) ? [.. list] : [];

    /// <summary>GraphQL names a bot by its slug, without the "[bot]" REST adds.</summary>
    public static string GraphQlLogin(string login) => login.EndsWith("[bot]", StringComparison.Ordinal) ? login[..^"[bot]".Length] : login;

    /// <summary>The comment after an edit, its revision recorded (with the original text first, as GitHub keeps it).</summary>
    private FakeComment Edited(FakeComment comment, string body, string editor, bool byBot)
    {
        var now = Now();
        if (!Revisions.TryGetValue(comment.Id, out var revisions))
        {
            revisions = [new FakeRevision(comment.CreatedAt, GraphQlLogin(comment.Author), comment.IsBot, comment.Body)];
            Revisions[comment.Id] = revisions;
        }

        revisions.Add(new FakeRevision(now, GraphQlLogin(editor), byBot, body));
        return comment with { Body = body, UpdatedAt = now };
    }
}
