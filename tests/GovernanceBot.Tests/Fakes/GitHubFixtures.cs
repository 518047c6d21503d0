namespace GovernanceBot.Tests.Fakes;

/// <summary>
/// GitHub's own material the tests read, vendored in <c>tests/GovernanceBot.Tests/GitHubFixtures</c> (origins and
/// licences in its README.md) and copied beside the test assembly by the project file: nothing outside the
/// repository is read.
/// </summary>
public static class GitHubFixtures
{
    /// <summary>The copy beside the test assembly.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "GitHubFixtures");

    /// <summary>Webhook deliveries, <c>payloads/&lt;event&gt;/&lt;action&gt;[.&lt;variant&gt;].payload.json</c>.</summary>
    public static string PayloadsDirectory => Existing(Path.Combine(Root, "payloads"));

    /// <summary>GitHub's REST description (OpenAPI), e.g. <see cref="PrismProxy.DefaultSpec"/>.</summary>
    public static string OpenApi(string spec)
    {
        var path = Path.Combine(Existing(Path.Combine(Root, "openapi")), spec);
        return File.Exists(path) ? path : throw new FileNotFoundException($"GitHub's REST description {spec} is not among the vendored fixtures in {Path.GetDirectoryName(path)}.", path);
    }

    private static string Existing(string directory) =>
        Directory.Exists(directory)
            ? directory
            : throw new DirectoryNotFoundException($"{directory} is missing: the test project copies GitHubFixtures/ beside the test assembly when it builds.");
}
