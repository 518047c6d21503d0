using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;

namespace GovernanceBot.Simulation;

/// <summary>
/// GitHub in memory: repositories with files, teams, issues, comments, labels and the issue event log.
/// <c>simulate</c> and the fast scenario tests run the real reconciler against it. People act through the
/// <c>As...</c> methods; the bot acts through <see cref="IGitHub"/>, as it would on GitHub.
/// </summary>
public sealed class InMemoryGitHub(TimeProvider time, string botLogin = "governance-bot[bot]") : IGitHub
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _teams = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Issue> _issues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _repoLabels = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, CommentEdits> _edits = [];
    private long _nextId = 1000;

    /// <summary>Every write the bot made, in order: what <c>simulate</c> prints.</summary>
    public List<BotAction> BotActions { get; } = [];

    public sealed record BotAction(DateTimeOffset At, IssueRef? Issue, string Kind, string Detail);

    public sealed class Issue
    {
        public required int Number { get; init; }
        public required string Title { get; init; }
        public required string Author { get; init; }
        public bool IsOpen { get; set; } = true;
        public List<string> Labels { get; } = [];
        public List<IssueEvent> Events { get; } = [];
        public List<CommentFact> Comments { get; } = [];
    }

    // ---- Setup and people's actions --------------------------------------------------------------

    public void SetFile(string owner, string repo, string path, string? text)
    {
        lock (_gate)
        {
            var key = $"{owner}/{repo}:{path}";
            if (text is null) _files.Remove(key);
            else _files[key] = text;
        }
    }

    public void SetTeam(string org, string slug, IEnumerable<string> members)
    {
        lock (_gate) _teams[$"{org}/{slug}"] = [.. members];
    }

    public Issue CreateIssue(RepoRef repo, int number, string title, string author)
    {
        lock (_gate)
        {
            var issue = new Issue { Number = number, Title = title, Author = author };
            _issues[Key(repo, number)] = issue;
            return issue;
        }
    }

    public Issue GetIssue(IssueRef issue)
    {
        lock (_gate) return _issues[Key(issue.Repo, issue.Number)];
    }

    public void AsUserAddLabel(IssueRef issue, string label, string by)
    {
        lock (_gate) AddLabel(GetIssue(issue), label, by);
    }

    public void AsUserRemoveLabel(IssueRef issue, string label, string by)
    {
        lock (_gate) RemoveLabel(GetIssue(issue), label, by);
    }

    public long AsUserComment(IssueRef issue, string body, string by, bool isBot = false)
    {
        lock (_gate) return AddComment(GetIssue(issue), body, by, isBot);
    }

    /// <summary>Edits a comment, as its author unless <paramref name="by"/> names someone else (an admin can); GitHub keeps the history.</summary>
    public void AsUserEditComment(IssueRef issue, long commentId, string body, string? by = null)
    {
        lock (_gate)
        {
            var comments = GetIssue(issue).Comments;
            var i = comments.FindIndex(c => c.Id == commentId);
            comments[i] = Edited(comments[i], body, by ?? comments[i].Author);
        }
    }

    public void AsUserDeleteComment(IssueRef issue, long commentId)
    {
        lock (_gate) GetIssue(issue).Comments.RemoveAll(c => c.Id == commentId);
    }

    public void AsUserClose(IssueRef issue, string by)
    {
        lock (_gate)
        {
            var i = GetIssue(issue);
            if (!i.IsOpen) return;
            i.IsOpen = false;
            i.Events.Add(new IssueEvent(NextId(), IssueEventKind.Closed, null, by, time.GetUtcNow()));
        }
    }

    public void AsUserReopen(IssueRef issue, string by)
    {
        lock (_gate)
        {
            var i = GetIssue(issue);
            if (i.IsOpen) return;
            i.IsOpen = true;
            i.Events.Add(new IssueEvent(NextId(), IssueEventKind.Reopened, null, by, time.GetUtcNow()));
        }
    }

    /// <summary>The comments of one person on the issue, oldest first (for the scenario's <c>edit: N</c>).</summary>
    public IReadOnlyList<CommentFact> CommentsBy(IssueRef issue, string author)
    {
        lock (_gate) return [.. GetIssue(issue).Comments.Where(c => string.Equals(c.Author, author, StringComparison.OrdinalIgnoreCase))];
    }

    // ---- IGitHub ----------------------------------------------------------------------------------

    public Task<string> GetBotLoginAsync(CancellationToken cancellationToken) => Read(() => botLogin);

    public Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken) =>
        Read(() => _files.GetValueOrDefault($"{repo.Owner}/{repo.Name}:{path}"));

    public Task<IReadOnlyList<string>?> GetTeamMembersAsync(RepoRef repo, string org, string teamSlug, CancellationToken cancellationToken) =>
        Read(() => _teams.TryGetValue($"{org}/{teamSlug}", out var m) ? (IReadOnlyList<string>?)[.. m] : null);

    public Task<IssueSnapshot?> GetIssueAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Read(() => _issues.TryGetValue(Key(issue.Repo, issue.Number), out var i)
            ? new IssueSnapshot(i.Number, i.Title, i.Author, i.IsOpen, [.. i.Labels])
            : null);

    public Task<IReadOnlyList<IssueEvent>> GetIssueEventsAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<IssueEvent>)[.. GetIssue(issue).Events]);

    public Task<IReadOnlyList<CommentFact>> GetCommentsAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<CommentFact>)[.. GetIssue(issue).Comments]);

    public Task<long> PostCommentAsync(IssueRef issue, string body, CancellationToken cancellationToken) =>
        Write("PostComment", issue, () =>
        {
            var id = AddComment(GetIssue(issue), body, botLogin, isBot: true);
            return (id, $"posted comment {id}");
        });

    public Task EditCommentAsync(RepoRef repo, long commentId, string body, CancellationToken cancellationToken) =>
        Write("EditComment", null, () =>
        {
            foreach (var issue in IssuesOf(repo))
            {
                var i = issue.Comments.FindIndex(c => c.Id == commentId);
                if (i < 0) continue;
                issue.Comments[i] = Edited(issue.Comments[i], body, botLogin);
                return (0, $"edited comment {commentId}");
            }

            throw new InvalidOperationException($"comment {commentId} does not exist in {repo}");
        });

    public Task DeleteCommentAsync(RepoRef repo, long commentId, CancellationToken cancellationToken) =>
        Write("DeleteComment", null, () =>
        {
            foreach (var issue in IssuesOf(repo))
            {
                issue.Comments.RemoveAll(c => c.Id == commentId);
            }

            return (0, $"deleted comment {commentId}");
        });

    public Task AddLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken) =>
        Write("AddLabel", issue, () =>
        {
            AddLabel(GetIssue(issue), label, botLogin);
            return (0, $"added label {label}");
        });

    public Task RemoveLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken) =>
        Write("RemoveLabel", issue, () =>
        {
            RemoveLabel(GetIssue(issue), label, botLogin);
            return (0, $"removed label {label}");
        });

    public Task EnsureLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var labels = _repoLabels.TryGetValue(repo.ToString(), out var l) ? l : _repoLabels[repo.ToString()] = new(StringComparer.OrdinalIgnoreCase);
            if (labels.Add(label.Name)) BotActions.Add(new BotAction(time.GetUtcNow(), null, "CreateLabel", $"created label {label.Name}"));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<int>> ListOpenIssuesWithLabelAsync(RepoRef repo, string label, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<int>)[.. IssuesOf(repo)
            .Where(i => i.IsOpen && i.Labels.Contains(label, StringComparer.OrdinalIgnoreCase))
            .Select(i => i.Number)
            .Order()]);

    // ---- internals --------------------------------------------------------------------------------

    private static string Key(RepoRef repo, int number) => $"{repo.Owner}/{repo.Name}#{number}";

    private IEnumerable<Issue> IssuesOf(RepoRef repo) => _issues
        .Where(kv => kv.Key.StartsWith($"{repo.Owner}/{repo.Name}#", StringComparison.OrdinalIgnoreCase))
        .Select(kv => kv.Value);

    private long NextId() => ++_nextId;

    private void AddLabel(Issue issue, string label, string by)
    {
        if (issue.Labels.Contains(label, StringComparer.OrdinalIgnoreCase)) return;
        issue.Labels.Add(label);
        issue.Events.Add(new IssueEvent(NextId(), IssueEventKind.Labeled, label, by, time.GetUtcNow()));
    }

    private void RemoveLabel(Issue issue, string label, string by)
    {
        if (issue.Labels.RemoveAll(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase)) == 0) return;
        issue.Events.Add(new IssueEvent(NextId(), IssueEventKind.Unlabeled, label, by, time.GetUtcNow()));
    }

    public Task<IReadOnlyList<CommentFact>> WithEditsAsync(IssueRef issue, IReadOnlyList<CommentFact> comments, string botLogin, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<CommentFact>)[.. comments.Select(c => c.WasEdited && _edits.TryGetValue(c.Id, out var e) ? c with { Edits = e } : c)]);

    /// <summary>The comment after an edit by <paramref name="editor"/>, its history (the original first) kept aside as GitHub keeps it.</summary>
    private CommentFact Edited(CommentFact c, string body, string editor)
    {
        var now = time.GetUtcNow();
        var history = _edits.TryGetValue(c.Id, out var e) ? e.Revisions : [new CommentRevision(c.CreatedAt, c.Author, c.Body)];
        _edits[c.Id] = new CommentEdits(editor, now, [.. history, new CommentRevision(now, editor, body)], Complete: true);
        return c with { Body = body, UpdatedAt = now };
    }

    private long AddComment(Issue issue, string body, string by, bool isBot)
    {
        var id = NextId();
        var now = time.GetUtcNow();
        issue.Comments.Add(new CommentFact(id, by, isBot, body, now, now, $"https://github.example/issues/{issue.Number}#issuecomment-{id}"));
        return id;
    }

    private Task<T> Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return Task.FromResult(read());
        }
    }

    private Task<long> Write(string call, IssueRef? issue, Func<(long Result, string Detail)> write)
    {
        lock (_gate)
        {
            var (result, detail) = write();
            BotActions.Add(new BotAction(time.GetUtcNow(), issue, call, detail));
            return Task.FromResult(result);
        }
    }
}
