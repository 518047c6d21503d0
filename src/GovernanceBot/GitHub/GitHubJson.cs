using System.Text.Json.Serialization;

namespace GovernanceBot.GitHub;

// What the bot reads of GitHub's answers and writes in its requests, field names as GitHub spells them (snake_case).
// Only the fields the bot uses: GitHub's answers carry many more, which the reader skips.

internal sealed record GitHubAccount(string? Login, string? Type);

internal sealed record GitHubApp(string? Slug);

internal sealed record GitHubAccessToken(string Token, DateTimeOffset ExpiresAt);

internal sealed record GitHubInstallation(long Id, GitHubAccount? Account);

internal sealed record GitHubRepository(string Name, GitHubAccount? Owner);

internal sealed record GitHubRepositoryPage(List<GitHubRepository>? Repositories);

internal sealed record GitHubContent(string? Type, string? Content, string? Encoding);

internal sealed record GitHubLabel(string? Name);

internal sealed record GitHubIssue(
    int Number,
    string? Title,
    string? Body,
    GitHubAccount? User,
    string? State,
    List<GitHubLabel>? Labels,
    JsonElementOrNull? PullRequest,
    bool Locked,
    string? NodeId,
    string? HtmlUrl,
    string? Url,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt);

/// <summary>Present or absent: the bot only asks whether an issue has a <c>pull_request</c> field.</summary>
internal sealed record JsonElementOrNull(string? Url);

internal sealed record GitHubIssueEvent(long Id, string? Event, GitHubLabel? Label, GitHubAccount? Actor, DateTimeOffset CreatedAt);

internal sealed record GitHubComment(long Id, string? NodeId, GitHubAccount? User, string? Body, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, string? HtmlUrl);

internal sealed record GitHubCommitRef(string? Sha);

internal sealed record GitHubPullRequest(int Number, GitHubCommitRef? Head, string? State, bool Merged, DateTimeOffset? MergedAt, GitHubAccount? MergedBy);

internal sealed record GitHubGitActor(DateTimeOffset? Date);

internal sealed record GitHubCommitDetail(string? Message, GitHubGitActor? Author, GitHubGitActor? Committer);

internal sealed record GitHubPullRequestCommit(string Sha, string? HtmlUrl, GitHubCommitDetail? Commit);

internal sealed record GitHubPullRequestFile(string Filename, string? PreviousFilename);

internal sealed record GitHubCheckOutput(string? Title, string? Summary);

internal sealed record GitHubCheckRun(long Id, string? HeadSha, string? Status, string? Conclusion, GitHubCheckOutput? Output, string? DetailsUrl, GitHubApp? App);

internal sealed record GitHubCheckRuns(List<GitHubCheckRun>? CheckRuns);

internal sealed record GitHubSearchResult(int TotalCount, List<GitHubIssue>? Items);

internal sealed record GitHubCreated(long Id, int Number);

// Request bodies.

internal sealed record CommentBody(string Body);

internal sealed record LabelsBody(string[] Labels);

internal sealed record LockBody(string LockReason);

internal sealed record StateBody(string State, string StateReason);

internal sealed record NewLabelBody(string Name, string Color, string? Description);

internal sealed record NewIssueBody(string Title, string Body, IReadOnlyList<string> Labels);

internal sealed record CheckRunBody(
    string? Name,
    string? HeadSha,
    string Status,
    GitHubCheckOutput Output,
    string? DetailsUrl,
    string? Conclusion,
    string? CompletedAt);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitHubApp))]
[JsonSerializable(typeof(GitHubAccessToken))]
[JsonSerializable(typeof(List<GitHubInstallation>))]
[JsonSerializable(typeof(GitHubRepositoryPage))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(GitHubIssue))]
[JsonSerializable(typeof(List<GitHubIssue>))]
[JsonSerializable(typeof(List<GitHubIssueEvent>))]
[JsonSerializable(typeof(List<GitHubComment>))]
[JsonSerializable(typeof(GitHubComment))]
[JsonSerializable(typeof(List<GitHubAccount>))]
[JsonSerializable(typeof(GitHubPullRequest))]
[JsonSerializable(typeof(List<GitHubPullRequestCommit>))]
[JsonSerializable(typeof(List<GitHubPullRequestFile>))]
[JsonSerializable(typeof(GitHubCheckRuns))]
[JsonSerializable(typeof(GitHubSearchResult))]
[JsonSerializable(typeof(GitHubCreated))]
[JsonSerializable(typeof(CommentBody))]
[JsonSerializable(typeof(LabelsBody))]
[JsonSerializable(typeof(LockBody))]
[JsonSerializable(typeof(StateBody))]
[JsonSerializable(typeof(NewLabelBody))]
[JsonSerializable(typeof(NewIssueBody))]
[JsonSerializable(typeof(CheckRunBody))]
internal sealed partial class GitHubJson : JsonSerializerContext;
