using System.Text.Json.Nodes;
using GovernanceBot.Tests.Fakes.Model;
using WireMock;

namespace GovernanceBot.Tests.Fakes;

/// <summary>Issue comments: arrange verbs (a person comments, edits, deletes), reads, and the REST handlers.</summary>
public sealed partial class FakeGitHub
{
    /// <returns>the new comment's id.</returns>
    public long GivenComment(string repo, int number, string author, string body, DateTimeOffset? createdAt = null, bool isBot = false)
    {
        lock (gate)
        {
            var key = RepoKey.Parse(repo);
            return state.AddComment(state.Issue(key, number), key.ToString(), author, body, isBot || author.EndsWith("[bot]", StringComparison.Ordinal), createdAt).Id;
        }
    }

    /// <summary>Someone edits a comment now: its author, unless <paramref name="by"/> names someone else (an admin can).</summary>
    public void EditComment(long commentId, string body, string? by = null)
    {
        lock (gate)
        {
            var (issue, index) = state.FindComment(commentId) ?? throw new InvalidOperationException($"no comment {commentId}");
            var comment = issue.Comments[index];
            state.EditComment(issue, index, body, by ?? comment.Author, byBot: by is null && comment.IsBot, throughApi: false);
        }
    }

    public void DeleteComment(long commentId)
    {
        lock (gate)
        {
            if (!state.DeleteComment(commentId))
            {
                throw new InvalidOperationException($"no comment {commentId}");
            }
        }
    }

    public IReadOnlyList<FakeComment> Comments(string repo, int number)
    {
        lock (gate)
        {
            return [.. state.Issue(RepoKey.Parse(repo), number).Comments];
        }
    }

    /// <summary>Comments created through the API (by the App), oldest first, across all issues.</summary>
    public IReadOnlyList<FakeComment> PostedComments()
    {
        lock (gate)
        {
            return [.. state.Posted];
        }
    }

    private Answer PostComment(FakeIssue issue, IRequestMessage request)
    {
        if (BodyField(request, "body") is not { } body)
        {
            return Answer.Of(422, Error("Invalid request.\n\n\"body\" wasn't supplied.", "https://docs.github.com/rest/issues/comments#create-an-issue-comment"));
        }

        if (TooLong(body) is { } tooLong)
        {
            return tooLong;
        }

        var comment = state.PostComment(issue, body);
        return Answer.Of(201, CommentJson(comment), [("Location", CommentUrl(comment))]);
    }

    private Answer DeleteCommentAnswer(long id)
    {
        return state.DeleteComment(id) ? Answer.Of(204, null) : NotFound("https://docs.github.com/rest/issues/comments#delete-an-issue-comment");
    }

    private Answer PatchComment(long id, IRequestMessage request)
    {
        if (state.FindComment(id) is not var (issue, index))
        {
            return NotFound();
        }

        if (BodyField(request, "body") is not { } body)
        {
            return Answer.Of(422, Error("Invalid request.", "https://docs.github.com/rest/issues/comments#update-an-issue-comment"));
        }

        if (TooLong(body) is { } tooLong)
        {
            return tooLong;
        }

        var edited = state.EditComment(issue, index, body, state.AppSlug, byBot: true, throughApi: true);
        return Answer.Of(200, CommentJson(edited));
    }

    /// <summary>Like GitHub: a comment body over 65,536 characters is refused with 422 and nothing is stored.</summary>
    private static Answer? TooLong(string body) =>
        body.Length <= MaxCommentBody
            ? null
            : Answer.Of(422, new JsonObject
            {
                ["message"] = "Validation Failed",
                ["errors"] = new JsonArray(new JsonObject { ["resource"] = "IssueComment", ["code"] = "custom", ["field"] = "body", ["message"] = "body is too long (maximum is 65536 characters)" }),
                ["documentation_url"] = "https://docs.github.com/rest/issues/comments",
            });

    private JsonObject CommentUser(FakeComment comment) => UserJson(comment.Author, comment.IsBot ? "Bot" : "User");

    private string CommentUrl(FakeComment comment) => $"{PublicUrl}repos/{comment.Repo}/issues/comments/{comment.Id}";

    private JsonObject CommentJson(FakeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = NodeId("IC_", comment.Id),
        ["url"] = CommentUrl(comment),
        ["html_url"] = $"https://github.com/{comment.Repo}/issues/{comment.Number}#issuecomment-{comment.Id}",
        ["body"] = comment.Body,
        ["user"] = CommentUser(comment),
        ["created_at"] = Iso(comment.CreatedAt),
        ["updated_at"] = Iso(comment.UpdatedAt),
        ["issue_url"] = $"{PublicUrl}repos/{comment.Repo}/issues/{comment.Number}",
        ["author_association"] = comment.IsBot ? "NONE" : "CONTRIBUTOR",
        ["performed_via_github_app"] = null,
    };
}
