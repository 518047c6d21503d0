using Microsoft.Extensions.Logging;

namespace GovernanceBot.GitHub;

/// <summary>Everything the GitHub adapter logs. Event ids 4100-4199 belong to the adapter and never change meaning.</summary>
internal static partial class GitHubLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "GitHub {Method} {Path} failed ({Failure}); attempt {Attempt} follows in {Delay}")]
    public static partial void Retrying(ILogger logger, HttpMethod method, string path, string failure, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "GitHub {Method} {Path} failed ({Reason}) and asks for a wait beyond {MaxDelay}; giving up until the next sweep")]
    public static partial void RetryDeclined(ILogger logger, HttpMethod method, string path, RetryReason reason, TimeSpan maxDelay);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Installation token for {InstallationId} obtained, expires at {ExpiresAt}")]
    public static partial void InstallationTokenIssued(ILogger logger, long installationId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Installation token for {InstallationId} dropped: the installation changed")]
    public static partial void InstallationTokenDropped(ILogger logger, long installationId);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "GitHub rejected the installation token for {InstallationId} (401); it is dropped and a new one is asked for on the next call")]
    public static partial void InstallationTokenRejected(ILogger logger, long installationId);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Posting a comment on {Issue} failed ({Failure}); checking whether GitHub stored it before attempt {Attempt}")]
    public static partial void CommentPostUncertain(ILogger logger, string issue, string failure, int attempt);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Information, Message = "The comment {Marker} on {Issue} was stored despite the failure (id {CommentId}); not posting it again")]
    public static partial void CommentFoundAfterFailure(ILogger logger, string issue, string marker, long commentId);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Error, Message = "Posting a comment on {Issue} failed ({Failure}) and it has no governance-bot marker to check it by; not retrying")]
    public static partial void CommentPostUnmarked(ILogger logger, string issue, string failure);

    [LoggerMessage(EventId = 4130, Level = LogLevel.Debug, Message = "Label {Label} was created meanwhile in {Repo}")]
    public static partial void LabelExists(ILogger logger, string repo, string label);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Information, Message = "Label {Label} is missing in {Repo}; creating it")]
    public static partial void LabelMissing(ILogger logger, string repo, string label);
}
