using System.Text;
using FsCheck.Xunit;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Tests.Support;

namespace GovernanceBot.Domain.Tests.Hostile;

/// <summary>Random comment bodies never make the bot throw nor write a body GitHub would refuse (issue 8, defect 1).</summary>
[Trait("Category", "Hostile")]
public sealed class BodyLimitProperties
{
    private static readonly string[] Fragments =
    [
        "/vote -1 ", "/vote +1", "/vote 0", "/vote maybe", "/vote", "/governance help", "/governance extend 1d", "/governance extend soon",
        "/governance cancel", "/governance close", "\n", "\n\n", "-->", "<!--", "</details>", "<details>", "@x", "@org/team", "#1",
        "GH-12", "o/r#3", "Ünïcödé ", "Это ", "这会 ", "😀", "\ud83d", "`", "```\n", "> ", "- ", "| a |", "&amp;", "\\", "*", "_", " ",
        "<!-- governance-bot:state {\"v\":2,\"rounds\":[]} -->",
    ];

    private static readonly string[] People = ["alice", "bob", "carol", "zoe", "yuri"];

    /// <summary>
    /// A comment body from <paramref name="raw"/>: each byte picks a fragment, except that a byte above 235 repeats the
    /// previous fragment for up to 100,000 characters more (bodies past GitHub's own limit included, as a forged fake could hold).
    /// </summary>
    private static string Body(byte[] raw)
    {
        var sb = new StringBuilder();
        var last = Fragments[0];
        foreach (var b in raw)
        {
            if (b > 235)
            {
                var target = sb.Length + ((b - 235) * 5_000);
                while (sb.Length < target) sb.Append(last);
                continue;
            }

            last = Fragments[b % Fragments.Length];
            sb.Append(last);
        }

        return sb.ToString();
    }

    private static bool Fits(Decision d) =>
        (d.StatusComment is null || GitHubLimits.Size(d.StatusComment) <= GitHubLimits.StatusBudget)
        && d.Comments.All(c => GitHubLimits.Size(c.Body) <= GitHubLimits.CommentBody);

    [Property(MaxTest = 60, Replay = "(20260302,1009)")]
    public bool Random_comment_bodies_never_throw_nor_produce_a_body_over_the_limit(byte[][] bodies, byte seed)
    {
        var story = new IssueStory("alice", "bob", "carol").Label(0);
        for (var i = 0; i < bodies.Length && i < 12; i++)
        {
            var day = (i % 3) switch { 0 => 1.0, 1 => 14.1, _ => 14.2 } + (i * 0.01);
            story.Comment(day, People[(seed + i) % People.Length], Body(bodies[i] ?? []));
        }

        return new[] { 2.0, 14.5, 22, 23 }.All(day => Fits(story.BotRunsAt(day)));
    }
}
