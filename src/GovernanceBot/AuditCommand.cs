using System.Net;
using System.Text.RegularExpressions;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using Microsoft.Extensions.Logging.Abstractions;
using Octokit;

namespace GovernanceBot;

/// <summary>
/// <c>audit OWNER/REPO#N [--token TOKEN] [--api-url URL] [--bot LOGIN]</c>: reads the issue with any read-only token (or none),
/// recomputes every round from GitHub's facts and compares it with the state the bot recorded in its status comment.
/// Exit 0 when they agree, 1 when they differ, 2 for bad usage or an issue that cannot be read.
/// </summary>
public static partial class AuditCommand
{
    public const string Verb = "audit";

    /// <summary>Where the token comes from when <c>--token</c> is absent.</summary>
    public const string TokenVariable = "GITHUB_TOKEN";

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, Environment.GetEnvironmentVariable, TimeProvider.System, network: null, CancellationToken.None);

    /// <param name="environment">reads <see cref="TokenVariable"/>.</param>
    /// <param name="network">the handler that talks to GitHub; tests put a checking one here.</param>
    internal static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, TimeProvider time, HttpMessageHandler? network, CancellationToken cancellationToken)
    {
        if (!TryParseArgs(args, out var target, out var token, out var apiUrl, out var bot))
        {
            await stderr.WriteAsync(Texts.AuditUsage);
            return 2;
        }

        if (Target().Match(target) is not { Success: true } m || !int.TryParse(m.Groups[3].Value, out var number) || number < 1)
        {
            await stderr.WriteAsync(Texts.AuditBadTarget(target));
            await stderr.WriteAsync(Texts.AuditUsage);
            return 2;
        }

        if (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            await stderr.WriteAsync(Texts.AuditBadApiUrl(apiUrl));
            return 2;
        }

        token ??= environment(TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        var issue = new IssueRef(new RepoRef(0, m.Groups[1].Value, m.Groups[2].Value), number);
        var options = new GitHubOptions { ApiUrl = api.ToString() };
        using var connections = GitHubConnections.ForPlainToken(options, token, time, NullLoggerFactory.Instance, network);
        var github = new OctokitGitHub(connections, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<OctokitGitHub>.Instance);
        var reader = new Reconciler(github, time, NullLogger<Reconciler>.Instance);

        (IssueFacts Facts, bool BotFound)? read;
        try
        {
            read = await reader.ReadFactsAsync(issue, comments => FindBot(comments, bot), cancellationToken);
        }
        catch (AuthorizationException)
        {
            await stderr.WriteAsync(token is null ? Texts.AuditNeedsToken(issue.ToString()) : Texts.AuditUnauthorized(issue.ToString()));
            return 2;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or InvalidOperationException or TimeoutException)
        {
            await stderr.WriteAsync(e is ApiException { StatusCode: HttpStatusCode.NotFound } ? Texts.AuditNotFound(issue.ToString()) : Texts.AuditUnreadable(issue.ToString(), e.Message));
            return 2;
        }

        if (read is not var (facts, botFound))
        {
            await stderr.WriteAsync(Texts.AuditNotFound(issue.ToString()));
            return 2;
        }

        if (!botFound)
        {
            await stderr.WriteAsync(Texts.AuditNoBot(issue.ToString(), bot));
            return 1;
        }

        var report = Audit.Check(WithRecordedTsc(facts), issue.ToString());
        await stdout.WriteAsync(Texts.AuditReport(report));
        return report.Agrees ? 0 : 1;
    }

    /// <summary>
    /// The bot is the account (GitHub says "Bot") that wrote the oldest status comment, or the one <c>--bot</c> names: the
    /// audit runs without the App's credentials, so it cannot ask <c>/app</c>. A status marker from any other account is
    /// then a forged copy.
    /// </summary>
    private static string? FindBot(IReadOnlyList<CommentFact> comments, string? named) => comments
        .Where(c => c.AuthorIsBot && c.Body.Contains(Markers.Status, StringComparison.Ordinal))
        .Where(c => named is null || string.Equals(c.Author, named, StringComparison.OrdinalIgnoreCase))
        .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
        .Select(c => c.Author)
        .FirstOrDefault();

    /// <summary>
    /// A TSC read from a team the token cannot see is taken as the electorates the bot recorded: the audit checks the
    /// votes of the electorate frozen when voting opened, not today's team.
    /// </summary>
    private static IssueFacts WithRecordedTsc(IssueFacts facts)
    {
        if (facts.Tsc is not TscResult.Unavailable) return facts;
        var status = Governance.StatusComments(facts.Comments, facts.BotLogin).FirstOrDefault();
        var recorded = status is null ? [] : StateBlock.Read(status.Body).Values.Where(r => r.Electorate is not null).SelectMany(r => r.Electorate!).ToList();
        return recorded.Count == 0 ? facts : facts with { Tsc = new TscResult.Resolved([.. recorded.Distinct(StringComparer.OrdinalIgnoreCase)]) };
    }

    private static bool TryParseArgs(IReadOnlyList<string> args, out string target, out string? token, out string apiUrl, out string? bot)
    {
        target = "";
        token = null;
        bot = null;
        apiUrl = GitHubOptions.DefaultApiUrl;
        string? given = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--token" when i + 1 < args.Count && token is null:
                    token = args[++i];
                    break;
                case "--bot" when i + 1 < args.Count && bot is null:
                    bot = args[++i];
                    break;
                case "--api-url" when i + 1 < args.Count:
                    apiUrl = args[++i];
                    break;
                case var a when a.StartsWith('-') || given is not null:
                    return false;
                default:
                    given = args[i];
                    break;
            }
        }

        target = given ?? "";
        return given is not null;
    }

    [GeneratedRegex(@"^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})?)/([A-Za-z0-9._-]{1,100})#([0-9]{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Target();
}
