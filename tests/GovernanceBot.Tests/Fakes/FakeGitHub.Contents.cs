using System.Text;
using System.Text.Json.Nodes;
using GovernanceBot.Tests.Fakes.Model;

namespace GovernanceBot.Tests.Fakes;

/// <summary>Files on the default branch: <see cref="GivenFile"/> and <c>GET /repos/{owner}/{repo}/contents/{path}</c>.</summary>
public sealed partial class FakeGitHub
{
    public FakeGitHub GivenFile(string repo, string path, string text)
    {
        lock (gate)
        {
            state.SetFile(RepoKey.Parse(repo), path, text);
        }

        return this;
    }

    private Answer GetContent(RepoKey repo, string path)
    {
        if (state.File(repo, path) is not { } text)
        {
            return NotFound("https://docs.github.com/rest/repos/contents#get-repository-content");
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(bytes));
        var url = $"{PublicUrl}repos/{repo}/contents/{path}?ref=main";
        var html = $"https://github.com/{repo}/blob/main/{path}";
        var git = $"{PublicUrl}repos/{repo}/git/blobs/{sha}";

        // GitHub wraps the base64 at 60 characters.
        var base64 = Convert.ToBase64String(bytes);
        var wrapped = string.Join('\n', Enumerable.Range(0, (base64.Length + 59) / 60).Select(i => base64.Substring(i * 60, Math.Min(60, base64.Length - (i * 60))))) + "\n";
        return Answer.Of(200, new JsonObject
        {
            ["type"] = "file",
            ["encoding"] = "base64",
            ["size"] = bytes.Length,
            ["name"] = path.Split('/')[^1],
            ["path"] = path,
            ["content"] = wrapped,
            ["sha"] = sha,
            ["url"] = url,
            ["git_url"] = git,
            ["html_url"] = html,
            ["download_url"] = $"https://raw.githubusercontent.com/{repo}/main/{path}",
            ["_links"] = new JsonObject { ["self"] = url, ["git"] = git, ["html"] = html },
        });
    }
}
