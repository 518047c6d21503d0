using GovernanceBot.Domain.Config;

namespace GovernanceBot.Domain.Tests.Config;

/// <summary>The path patterns of <c>pull_requests.require</c>: <c>*</c>, <c>**</c> and <c>?</c> as in GitHub Actions' <c>paths</c>, anything else exact.</summary>
public sealed class PathPatternTests
{
    private static PathPattern Pattern(string text) =>
        PathPattern.TryParse(text, out var pattern, out var problem) ? pattern! : throw new Xunit.Sdk.XunitException(problem);

    [Theory]
    [InlineData("GOVERNANCE.md", "GOVERNANCE.md", true)]
    [InlineData("GOVERNANCE.md", "docs/GOVERNANCE.md", false)]
    [InlineData("GOVERNANCE.md", "governance.md", false)]
    [InlineData("GOVERNANCE.md", "GOVERNANCExmd", false)]
    [InlineData("docs/governance/**", "docs/governance/charter.md", true)]
    [InlineData("docs/governance/**", "docs/governance/a/b/c.md", true)]
    [InlineData("docs/governance/**", "docs/governance-old/charter.md", false)]
    [InlineData("docs/governance/**", "docs/charter.md", false)]
    [InlineData("docs/*.md", "docs/charter.md", true)]
    [InlineData("docs/*.md", "docs/sub/charter.md", false)]
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/README.md", false)]
    [InlineData("**/GOVERNANCE.md", "GOVERNANCE.md", true)]
    [InlineData("**/GOVERNANCE.md", "a/b/GOVERNANCE.md", true)]
    [InlineData("**/GOVERNANCE.md", "a/b/NOT-GOVERNANCE.md", false)]
    [InlineData("docs/**/policy.md", "docs/policy.md", true)]
    [InlineData("docs/**/policy.md", "docs/x/y/policy.md", true)]
    [InlineData("docs/**/policy.md", "docsx/policy.md", false)]
    [InlineData("rfcs/00??-*.md", "rfcs/0042-release-train.md", true)]
    [InlineData("rfcs/00??-*.md", "rfcs/042-release-train.md", false)]
    [InlineData("rfcs/?", "rfcs/a/", false)]
    [InlineData("**", "anything/at/all.txt", true)]
    [InlineData("a+b(c).md", "a+b(c).md", true)]
    [InlineData("a+b(c).md", "aab(c).md", false)]
    public void A_pattern_matches_paths_from_the_repository_root(string pattern, string path, bool matches) =>
        Assert.Equal(matches, Pattern(pattern).Matches(path));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("/GOVERNANCE.md", "write GOVERNANCE.md")]
    [InlineData("docs\\governance", "separate folders with /")]
    [InlineData("docs/[ab].md", "do not support")]
    [InlineData("docs/{a,b}.md", "do not support")]
    [InlineData("!docs/**", "do not support")]
    [InlineData("docs//x.md", "empty folder name")]
    [InlineData("docs/", "empty folder name")]
    [InlineData("../secret", "without . or ..")]
    [InlineData("docs/**.md", "whole folder level")]
    [InlineData("a***", "whole folder level")]
    public void A_bad_pattern_is_refused_with_a_reason(string pattern, string reason)
    {
        Assert.False(PathPattern.TryParse(pattern, out var parsed, out var problem));
        Assert.Null(parsed);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public void A_pattern_written_to_backtrack_matches_in_time()
    {
        var pattern = Pattern(string.Concat(Enumerable.Repeat("*a", 20)) + "/**/b");
        var path = new string('a', 200) + "/" + string.Join('/', Enumerable.Repeat("aaaa", 50)) + "/c";

        Assert.False(pattern.Matches(path));
    }

    [Fact]
    public void A_requirement_names_the_first_changed_path_it_covers()
    {
        var requirement = new PathRequirement("governance-amendment", [Pattern("GOVERNANCE.md"), Pattern("docs/governance/**")]);

        Assert.Equal("docs/governance/x.md", requirement.FirstMatch(["src/a.cs", "docs/governance/x.md", "GOVERNANCE.md"]));
        Assert.Null(requirement.FirstMatch(["src/a.cs"]));
    }
}
