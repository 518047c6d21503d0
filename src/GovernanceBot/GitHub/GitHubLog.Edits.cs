using Microsoft.Extensions.Logging;

namespace GovernanceBot.GitHub;

internal static partial class GitHubLog
{
    [LoggerMessage(EventId = 4160, Level = LogLevel.Debug, Message = "Read who edited {Asked} comment(s) of {Issue} from GitHub's GraphQL API ({Found} found)")]
    public static partial void EditsRead(ILogger logger, string issue, int asked, int found);
}
