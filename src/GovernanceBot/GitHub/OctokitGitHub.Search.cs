using Octokit;

namespace GovernanceBot.GitHub;

/// <summary>Discovery: one issue search per installation, whatever the number of its repositories.</summary>
internal sealed partial class OctokitGitHub
{
    private const int SearchPageSize = 100;

    /// <remarks>
    /// <c>GET /search/issues?q=is:open org:OWNER label:"a","b"</c>: issues and pull requests (both carry processes; an
    /// installation token may search both at once, only a user token needs <c>is:issue</c> or <c>is:pull-request</c>);
    /// the labels of one <c>label:</c> qualifier, separated by commas, are OR'd. A user account is named with <c>user:</c>. Search has its own limit (30 requests a
    /// minute), so this runs on the slow discovery schedule only. Search sees only what the installation can see.
    /// </remarks>
    public async Task<IReadOnlyList<IssueRef>> SearchOpenProcessesAsync(InstallationRef installation, IReadOnlyCollection<string> labels, CancellationToken cancellationToken)
    {
        if (labels.Count == 0) return [];
        var api = new ApiConnection(_connections.ForInstallation(installation.Id).Connection);
        var query = SearchQuery(installation, labels);
        var found = new List<IssueRef>();
        for (var page = 1; ; page++)
        {
            var parameters = new Dictionary<string, string>
            {
                ["q"] = query,
                ["per_page"] = SearchPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var result = await GitHubCallContext.RunAsync(cancellationToken, () => api.Get<SearchIssuesResult>(Relative("search/issues"), parameters));
            foreach (var item in result.Items)
            {
                if (RepositoryOf(item.Url) is var (owner, name)) found.Add(new IssueRef(new RepoRef(installation.Id, owner, name), item.Number));
            }

            // GitHub serves at most 1,000 results of a search (10 pages of 100).
            if (result.Items.Count < SearchPageSize || page * SearchPageSize >= Math.Min(result.TotalCount, 1000)) break;
        }

        return [.. found.Distinct()];
    }

    /// <summary>The search's <c>q</c>: open issues and pull requests of the account carrying any of the labels.</summary>
    public static string SearchQuery(InstallationRef installation, IEnumerable<string> labels) =>
        $"is:open {(installation.IsUser ? "user" : "org")}:{installation.Account} label:{string.Join(',', labels.Select(l => $"\"{l}\""))}";

    /// <summary>Owner and name from an issue's API URL (<c>…/repos/OWNER/NAME/issues/N</c>).</summary>
    private static (string Owner, string Name)? RepositoryOf(string? url)
    {
        if (url is null) return null;
        var segments = new Uri(url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.LastIndexOf(segments, "repos");
        return at >= 0 && at + 2 < segments.Length ? (Uri.UnescapeDataString(segments[at + 1]), Uri.UnescapeDataString(segments[at + 2])) : null;
    }
}
