using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Tests.Support;

/// <summary>
/// Builds the facts of one issue as a story told in time order (label at day 0, votes at day 15...), and plays the
/// bot's part the way the reconciler does: its status comment (with the state block) is written back as a comment.
/// </summary>
public sealed class IssueStory
{
    public const string Bot = "governance-bot[bot]";
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly List<IssueEvent> _events = [];
    private readonly List<CommentFact> _comments = [];
    private readonly List<string> _labels = [];
    private readonly List<PullRequestCommit> _commits = [];
    private long _id = 100;
    private bool _open = true;
    private IReadOnlyList<string>? _changedFiles;
    private (DateTimeOffset At, string By)? _merged;
    private DateTimeOffset? _bodyEditedAt;

    public IssueStory(params string[] tsc)
    {
        Tsc = tsc.Length == 0 ? ["alice", "bob", "carol", "dave", "erin"] : tsc;
        Policy = new GovernancePolicy(new TscSource.Members(Tsc), GovernancePolicy.Default.Processes);
    }

    public IReadOnlyList<string> Tsc { get; set; }

    public GovernancePolicy Policy { get; set; }

    public ConfigResult? ConfigOverride { get; set; }

    public string Author { get; init; } = "dana";

    public static DateTimeOffset Day(double days) => T0 + TimeSpan.FromDays(days);

    public IssueStory Label(double day, string label = "rfc", string by = "dana") => Event(day, IssueEventKind.Labeled, label, by);

    public IssueStory Unlabel(double day, string label = "rfc", string by = "dana") => Event(day, IssueEventKind.Unlabeled, label, by);

    public IssueStory Close(double day, string by = "dana") => Event(day, IssueEventKind.Closed, null, by);

    public IssueStory Reopen(double day, string by = "dana") => Event(day, IssueEventKind.Reopened, null, by);

    public IssueStory Comment(double day, string by, string body) => CommentAt(Day(day), by, body, out _);

    public IssueStory CommentAt(DateTimeOffset at, string by, string body, out long id)
    {
        id = ++_id;
        _comments.Add(new CommentFact(id, by, false, body, at, at, $"https://github.com/o/r/issues/1#issuecomment-{id}"));
        return this;
    }

    /// <summary>
    /// Edits a comment, by its author unless <paramref name="by"/> says who, and keeps the edit history GitHub keeps
    /// (the original text first); <paramref name="history"/> false leaves the edit facts unread, as before they were.
    /// </summary>
    public IssueStory Edit(long id, double day, string body, string? by = null, bool history = true)
    {
        var i = _comments.FindIndex(c => c.Id == id);
        var c = _comments[i];
        var editor = by ?? c.Author;
        var revisions = c.Edits is { Revisions.Count: > 0 } e ? e.Revisions : [new CommentRevision(c.CreatedAt, c.Author, c.Body)];
        var edits = new CommentEdits(editor, Day(day), [.. revisions, new CommentRevision(Day(day), editor, body)], Complete: true);
        _comments[i] = c with { Body = body, UpdatedAt = Day(day), Edits = history ? edits : null };
        return this;
    }

    /// <summary>Someone edits the bot's status comment (an admin can).</summary>
    public IssueStory EditStatus(double day, string by, Func<string, string> edit)
    {
        var status = Governance.StatusComments(_comments, Bot).First();
        var i = _comments.FindIndex(c => c.Id == status.Id);
        _comments[i] = _comments[i] with { Body = edit(_comments[i].Body), UpdatedAt = Day(day), Edits = new CommentEdits(by, Day(day), [], Complete: false) };
        return this;
    }

    /// <summary>Drops the revisions of a comment's history, as when GitHub cannot give them.</summary>
    public IssueStory ForgetHistory(long id)
    {
        var i = _comments.FindIndex(c => c.Id == id);
        _comments[i] = _comments[i] with { Edits = _comments[i].Edits! with { Revisions = [], Complete = false } };
        return this;
    }

    /// <summary>Makes the issue a pull request changing <paramref name="files"/>, with one commit from before the story starts.</summary>
    public IssueStory AsPullRequest(params string[] files)
    {
        _changedFiles = files.Length == 0 ? ["docs/rfcs/0042-release-train.md"] : files;
        return Push(-1, "Propose a release train");
    }

    /// <summary>A commit pushed to the pull request at <paramref name="day"/>; its SHA is made from its number.</summary>
    public IssueStory Push(double day, string headline = "Address review comments")
    {
        var sha = $"{_commits.Count + 1:x2}{_commits.Count + 1:x2}c0ffee{new string('0', 30)}";
        _commits.Add(new PullRequestCommit(sha, Day(day), Day(day) - TimeSpan.FromMinutes(5), headline, $"https://github.com/o/r/commit/{sha}"));
        return this;
    }

    public IssueStory Merge(double day, string by = "erin")
    {
        _merged = (Day(day), by);
        return Close(day, by);
    }

    /// <summary>The issue's (or pull request's) description is edited at <paramref name="day"/> (GitHub keeps only the last time).</summary>
    public IssueStory EditBody(double day)
    {
        _bodyEditedAt = Day(day);
        return this;
    }

    public IssueStory Delete(long id)
    {
        _comments.RemoveAll(c => c.Id == id);
        return this;
    }

    public long LastCommentId => _comments[^1].Id;

    public IReadOnlyList<CommentFact> Comments => _comments;

    public IssueFacts FactsAt(double day) => FactsAt(Day(day));

    public IssueFacts FactsAt(DateTimeOffset now) => new(
        new IssueSnapshot(1, "RFC: adopt a release train", Author, _open, [.. _labels]),
        [.. _events.Where(e => e.At <= now)],
        [.. _comments.Where(c => c.CreatedAt <= now)],
        Bot,
        ConfigOverride ?? new ConfigResult.Valid(Policy, ".github/governance.yml"),
        new TscResult.Resolved(Tsc),
        now)
    {
        PullRequest = PullRequestAt(now),
        BodyEditedAt = _bodyEditedAt <= now ? _bodyEditedAt : null,
    };

    private PullRequestFacts? PullRequestAt(DateTimeOffset now)
    {
        if (_changedFiles is null) return null;
        var commits = _commits.Where(c => c.At <= now).ToList();
        var merged = _merged is { At: var at } m && at <= now ? m : default((DateTimeOffset At, string By)?);
        return new PullRequestFacts(commits[^1].Sha, merged?.At, merged?.By, commits, _changedFiles);
    }

    /// <summary>Decides at <paramref name="day"/> and applies the decision as the reconciler would (status comment, labels, comments).</summary>
    public Decision BotRunsAt(double day) => BotRunsAt(Day(day));

    public Decision BotRunsAt(DateTimeOffset now)
    {
        var facts = FactsAt(now);
        var decision = Governance.Decide(facts);
        var plan = WritePlan.For(facts, decision);
        switch (plan.Status)
        {
            case { Change: StatusChange.Create, Body: { } body }:
                _comments.Add(new CommentFact(++_id, Bot, true, body, now, now, "https://github.com/o/r/issues/1#status"));
                break;
            case { Change: StatusChange.Edit, Body: { } body, ExistingId: { } id }:
                var i = _comments.FindIndex(c => c.Id == id);
                _comments[i] = _comments[i] with { Body = body, UpdatedAt = now, Edits = new CommentEdits(Bot, now, [], Complete: false) };
                break;
        }

        foreach (var c in plan.Comments)
        {
            _comments.Add(new CommentFact(++_id, Bot, true, c.Body, now, now, $"https://github.com/o/r/issues/1#issuecomment-{_id}"));
        }

        foreach (var label in plan.LabelsToRemove) _labels.Remove(label);
        _labels.AddRange(plan.LabelsToAdd);
        return decision;
    }

    public IEnumerable<CommentFact> BotComments => _comments.Where(c => c.Author == Bot);

    private IssueStory Event(double day, IssueEventKind kind, string? label, string by)
    {
        _events.Add(new IssueEvent(++_id, kind, label, by, Day(day)));
        switch (kind)
        {
            case IssueEventKind.Labeled: _labels.Add(label!); break;
            case IssueEventKind.Unlabeled: _labels.Remove(label!); break;
            case IssueEventKind.Closed: _open = false; break;
            case IssueEventKind.Reopened: _open = true; break;
        }

        return this;
    }
}
