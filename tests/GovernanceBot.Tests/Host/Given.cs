using System.Text.Json.Nodes;
using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>The repository most host tests start from, and the deliveries they send.</summary>
public static class Given
{
    public const string Repo = "octo-org/rfcs";
    public const long Installation = 42;
    public const int Issue = 12;

    /// <summary>The pull request of <see cref="WithPullRequest"/>.</summary>
    public const int PullRequest = 21;
    public const string ThreeMemberTsc = "tsc:\n  members: [alice, bob, carol]\n";

    /// <summary>The App installed on <see cref="Repo"/> with <paramref name="config"/>, and issue #12 by dana.</summary>
    public static FakeGitHub RfcRepository(this FakeGitHub github, string config = ThreeMemberTsc) => github
        .GivenApp("governance-bot")
        .GivenInstallation(Installation, Repo)
        .GivenFile(Repo, ".github/governance.yml", config)
        .GivenIssue(Repo, Issue, "RFC: adopt a release train", "dana");

    /// <summary><see cref="RfcRepository"/> and pull request #21 by dana, whose one commit changes <paramref name="files"/>.</summary>
    public static FakeGitHub WithPullRequest(this FakeGitHub github, string config = ThreeMemberTsc, params string[] files) => github
        .RfcRepository(config)
        .GivenPullRequestChanging(Repo, PullRequest, "RFC: adopt a release train", "dana", files.Length == 0 ? ["docs/release-train.md"] : files);

    /// <summary>The <c>issues.labeled</c> delivery for issue <paramref name="issue"/> (#12 unless told).</summary>
    public static JsonObject Labeled(int issue = Issue) => Payloads.For("issues", "labeled.payload.json", Installation, Repo, issue);

    /// <summary>The <c>issue_comment.created</c> delivery for a comment the fake already holds (on a pull request, with <paramref name="pullRequest"/>).</summary>
    public static JsonObject CommentCreated(long commentId, string author, string body, int issue = Issue, bool pullRequest = false)
    {
        var payload = Payloads.For("issue_comment", "created.payload.json", Installation, Repo, issue, pullRequest);
        payload["comment"]!["id"] = commentId;
        payload["comment"]!["body"] = body;
        payload["comment"]!["user"]!["login"] = author;
        return payload;
    }

    /// <summary>
    /// The body of every comment the bot sent (created or edited), whether GitHub took it or not: the fake, like GitHub,
    /// stores no body over its limit, so only what was sent can show a body that did not fit.
    /// </summary>
    public static IReadOnlyList<string> CommentBodiesSent(this FakeGitHub github) =>
    [
        .. github.Requests()
            .Where(r => r.Method is "POST" or "PATCH" && r.Path.Contains("/comments", StringComparison.Ordinal) && r.Body is not null)
            .Select(r => JsonNode.Parse(r.Body!)?["body"]?.GetValue<string>() ?? ""),
    ];
}
