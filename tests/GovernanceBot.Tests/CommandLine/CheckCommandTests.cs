using System.Text.Json;
using System.Text.RegularExpressions;

namespace GovernanceBot.Tests.CommandLine;

/// <summary><c>check [PATH] [--tsc-size N] [--json]</c>: exit 0 valid, 1 invalid, 2 unreadable.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Check(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await GovernanceBot.CommandLine.RunVerbAsync(["check", .. args], stdout, stderr);
        return (code!.Value, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The first YAML example under the README's "Configuration" heading, as a reader copies it.</summary>
    private static string ReadmeExample()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "GovernanceBot.sln"))) dir = dir.Parent;
        var readme = System.IO.File.ReadAllText(Path.Combine(dir!.FullName, "README.md"));
        var section = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        return Regex.Match(section, "```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
    }

    [Fact]
    public async Task The_readme_example_has_quorum_3_and_needs_2_3_4_approvals_for_3_4_5_votes_cast()
    {
        var path = File("governance.yml", ReadmeExample());

        var (code, text, _) = await Check(path);
        var (_, json, _) = await Check(path, "--json");

        Assert.Equal(0, code);
        Assert.Contains("3 of 5 TSC members must vote", text, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+3\s+2\n\s+4\s+3\n\s+5\s+4\n", text);
        using var doc = JsonDocument.Parse(json);
        var rfc = doc.RootElement.GetProperty("processes").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "rfc");
        Assert.Equal(3, rfc.GetProperty("quorumVotes").GetInt32());
        Assert.Equal(
            [(3, 2), (4, 3), (5, 4)],
            rfc.GetProperty("table").EnumerateArray().Select(r => (r.GetProperty("cast").GetInt32(), r.GetProperty("plusNeeded").GetInt32())));
    }

    [Fact]
    public async Task An_invalid_file_lists_every_problem_by_line_and_exits_1()
    {
        var path = File("bad.yml", "voting:\n  approval: most\nprocesses:\n  rfc: { discussion: 14 }\ntsc: { members: [] }\n");

        var (code, text, _) = await Check(path);
        var (_, json, _) = await Check(path, "--json");

        Assert.Equal(1, code);
        var lines = Regex.Matches(text, @"line (\d+), ").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([2, 4, 5], lines);
        Assert.Contains("voting.approval", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal([2, 4, 5], doc.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task A_file_that_is_not_yaml_is_invalid_with_its_line()
    {
        var (code, text, _) = await Check(File("broken.yml", "tsc:\n  members: [alice, bob\n"));

        Assert.Equal(1, code);
        Assert.Contains("line ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_a_directory_cannot_be_read_and_exits_2()
    {
        var missing = await Check(Path.Combine(_dir, "nope.yml"));
        var directory = await Check(_dir);

        Assert.Equal(2, missing.Code);
        Assert.Contains("no such file", missing.Err, StringComparison.Ordinal);
        Assert.Equal(2, directory.Code);
        Assert.Contains("is a directory", directory.Err, StringComparison.Ordinal);
        Assert.Empty(missing.Out + directory.Out);
    }

    [Fact]
    public async Task A_team_without_tsc_size_is_valid_and_says_the_table_needs_it()
    {
        var path = File("team.yml", "tsc: { team: maintainers }\n");

        var (code, text, _) = await Check(path);
        var (sizedCode, sized, _) = await Check(path, "--tsc-size", "7");

        Assert.Equal(0, code);
        Assert.Contains("--tsc-size N", text, StringComparison.Ordinal);
        Assert.Equal(0, sizedCode);
        Assert.Contains("4 of 7 TSC members must vote", sized, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tsc-size")]
    [InlineData("--tsc-size", "0")]
    [InlineData("--tsc-size", "many")]
    [InlineData("--tsc-size", "1001")]
    [InlineData("a.yml", "b.yml")]
    [InlineData("--verbose")]
    public async Task Bad_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        var (code, _, err) = await Check(args);

        Assert.Equal(2, code);
        Assert.Contains("usage: check", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_request_requirements_are_printed_under_their_label()
    {
        var path = File("pr.yml", "tsc: { members: [alice, bob, carol] }\npull_requests:\n  require:\n    governance-amendment: [GOVERNANCE.md, \"docs/governance/**\"]\n");

        var (code, text, _) = await Check(path);
        var (_, json, _) = await Check(path, "--json");

        Assert.Equal(0, code);
        Assert.Matches(@"Label governance-amendment:\n(  .*\n)*  required on pull requests changing: GOVERNANCE\.md, docs/governance/\*\*\n", text);
        using var doc = JsonDocument.Parse(json);
        var amendment = doc.RootElement.GetProperty("processes").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "governance-amendment");
        Assert.Equal(["GOVERNANCE.md", "docs/governance/**"], amendment.GetProperty("requiredPaths").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("charter: [GOVERNANCE.md]", "pull_requests.require.charter", "not a trigger label")]
    [InlineData("rfc: [/GOVERNANCE.md]", "pull_requests.require.rfc", "relative to the repository root")]
    [InlineData("rfc: [\"docs/{a,b}/**\"]", "pull_requests.require.rfc", "do not support")]
    [InlineData("rfc: [\"docs/**.md\"]", "pull_requests.require.rfc", "** must be a whole folder level")]
    public async Task A_bad_pull_request_requirement_is_a_clear_error_and_exits_1(string entry, string key, string message)
    {
        var (code, text, _) = await Check(File("bad-pr.yml", $"tsc: {{ members: [alice] }}\npull_requests:\n  require:\n    {entry}\n"));

        Assert.Equal(1, code);
        Assert.Contains($"line 4, {key}: ", text, StringComparison.Ordinal);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }
}
