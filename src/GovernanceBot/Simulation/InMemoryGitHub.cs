using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.GitHub;
using GovernanceBot.Simulation.Model;

namespace GovernanceBot.Simulation;

/// <summary>
/// GitHub in memory, over the one <see cref="GitHubState"/> model the tests' wire fake also uses: repositories with
/// files, teams, issues, comments, labels and the issue event log. <c>simulate</c> and the fast scenario tests run the
/// real reconciler against it. People act through the <c>As...</c> methods; the bot acts through <see cref="IGitHub"/>,
/// as it would on GitHub.
/// </summary>
public sealed partial class InMemoryGitHub(TimeProvider time, string botLogin = "governance-bot[bot]") : IGitHub
{
    private readonly Lock _gate = new();
    private readonly GitHubState _state = new(time);

    /// <summary>Every write the bot made, in order: what <c>simulate</c> prints.</summary>
    public List<BotAction> BotActions { get; } = [];

    public sealed record BotAction(DateTimeOffset At, IssueRef? Issue, string Kind, string Detail);

    /// <summary>An issue as it stands: its labels, event log and comments.</summary>
    public sealed record Issue(int Number, string Title, string Author, bool IsOpen, IReadOnlyList<string> Labels, IReadOnlyList<IssueEvent> Events, IReadOnlyList<CommentFact> Comments);

    // ---- Setup and people's actions --------------------------------------------------------------

    public void SetFile(string owner, string repo, string path, string? text)
    {
        lock (_gate)
        {
            if (text is null) _state.RemoveFile(new RepoKey(owner, repo), path);
            else _state.SetFile(new RepoKey(owner, repo), path, text);
        }
    }

    public void SetTeam(string org, string slug, IEnumerable<string> members)
    {
        lock (_gate) _state.SetTeam(org, slug, members);
    }

    public Issue CreateIssue(RepoRef repo, int number, string title, string author)
    {
        lock (_gate) return View(_state.AddIssue(Key(repo), number, title, author, []));
    }

    public bool IsLocked(IssueRef issue)
    {
        lock (_gate) return _state.Issues.TryGetValue((Key(issue.Repo), issue.Number), out var i) && i.IsLocked;
    }

    public bool HasIssue(IssueRef issue)
    {
        lock (_gate) return _state.Issues.ContainsKey((Key(issue.Repo), issue.Number));
    }

    public Issue GetIssue(IssueRef issue)
    {
        lock (_gate) return View(Stored(issue));
    }

    public void AsUserAddLabel(IssueRef issue, string label, string by)
    {
        lock (_gate) _state.ApplyLabel(Stored(issue), label, by);
    }

    public void AsUserRemoveLabel(IssueRef issue, string label, string by)
    {
        lock (_gate) _state.UnapplyLabel(Stored(issue), label, by);
    }

    public long AsUserComment(IssueRef issue, string body, string by, bool isBot = false)
    {
        lock (_gate) return _state.AddComment(Stored(issue), issue.Repo.ToString(), by, body, isBot).Id;
    }

    /// <summary>Edits a comment, as its author unless <paramref name="by"/> names someone else (an admin can); GitHub keeps the history.</summary>
    public void AsUserEditComment(IssueRef issue, long commentId, string body, string? by = null)
    {
        lock (_gate)
        {
            var stored = Stored(issue);
            var i = stored.Comments.FindIndex(c => c.Id == commentId);
            var editor = by ?? stored.Comments[i].Author;
            _state.EditComment(stored, i, body, editor, byBot: editor.EndsWith("[bot]", StringComparison.Ordinal), throughApi: false);
        }
    }

    /// <summary>Rewrites the issue's (or pull request's) description now; GitHub records when (<c>lastEditedAt</c>).</summary>
    public void AsUserEditBody(IssueRef issue, string body)
    {
        lock (_gate)
        {
            GitHubState.EditBody(Stored(issue), body, _state.Now());
        }
    }

    public void AsUserDeleteComment(IssueRef issue, long commentId)
    {
        lock (_gate) Stored(issue).Comments.RemoveAll(c => c.Id == commentId);
    }

    public void AsUserClose(IssueRef issue, string by)
    {
        lock (_gate) _state.SetOpen(Stored(issue), open: false, by);
    }

    public void AsUserReopen(IssueRef issue, string by)
    {
        lock (_gate) _state.SetOpen(Stored(issue), open: true, by);
    }

    /// <summary>The comments of one person on the issue, oldest first (for the scenario's <c>edit: N</c>).</summary>
    public IReadOnlyList<CommentFact> CommentsBy(IssueRef issue, string author)
    {
        lock (_gate) return [.. Stored(issue).Comments.Where(c => string.Equals(c.Author, author, StringComparison.OrdinalIgnoreCase)).Select(Fact)];
    }

    // ---- IGitHub ----------------------------------------------------------------------------------

    public Task<string> GetBotLoginAsync(CancellationToken cancellationToken) => Read(() => botLogin);

    public Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken) =>
        Read(() => _state.File(Key(repo), path));

    public Task<IReadOnlyList<string>?> GetTeamMembersAsync(RepoRef repo, string org, string teamSlug, CancellationToken cancellationToken) =>
        Read(() => _state.TeamMembers(org, teamSlug) is { } m ? (IReadOnlyList<string>?)[.. m] : null);

    public Task<IssueSnapshot?> GetIssueAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Read(() => _state.Issues.TryGetValue((Key(issue.Repo), issue.Number), out var i)
            ? new IssueSnapshot(i.Number, i.Title, i.Author, i.IsOpen, [.. i.Labels], i.IsPullRequest, i.IsLocked)
            : null);

    public Task<IReadOnlyList<IssueEvent>> GetIssueEventsAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<IssueEvent>)[.. Stored(issue).Events.Select(Event).OfType<IssueEvent>()]);

    public Task<IReadOnlyList<CommentFact>> GetCommentsAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<CommentFact>)[.. Stored(issue).Comments.Select(Fact)]);

    public Task<long> PostCommentAsync(IssueRef issue, string body, CancellationToken cancellationToken) =>
        Write("PostComment", issue, () =>
        {
            var id = _state.AddComment(Stored(issue), issue.Repo.ToString(), botLogin, body, isBot: true).Id;
            return (id, $"posted comment {id}");
        });

    public Task EditCommentAsync(RepoRef repo, long commentId, string body, CancellationToken cancellationToken) =>
        Write("EditComment", null, () =>
        {
            if (_state.FindComment(commentId) is not var (issue, index) || issue.Repo != Key(repo))
            {
                throw new InvalidOperationException($"comment {commentId} does not exist in {repo}");
            }

            _state.EditComment(issue, index, body, botLogin, byBot: true, throughApi: true);
            return (0, $"edited comment {commentId}");
        });

    public Task DeleteCommentAsync(RepoRef repo, long commentId, CancellationToken cancellationToken) =>
        Write("DeleteComment", null, () =>
        {
            if (_state.FindComment(commentId) is var (issue, index) && issue.Repo == Key(repo))
            {
                issue.Comments.RemoveAt(index);
            }

            return (0, $"deleted comment {commentId}");
        });

    public Task AddLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken) =>
        Write("AddLabel", issue, () =>
        {
            _state.ApplyLabel(Stored(issue), label, botLogin);
            return (0, $"added label {label}");
        });

    public Task LockIssueAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Write("LockIssue", issue, () =>
        {
            Stored(issue).IsLocked = true;
            return (0, "locked the issue");
        });

    public Task CloseIssueAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Write("CloseIssue", issue, () =>
        {
            _state.SetOpen(Stored(issue), open: false, botLogin);
            return (0, "closed the issue");
        });

    public Task RemoveLabelAsync(IssueRef issue, string label, CancellationToken cancellationToken) =>
        Write("RemoveLabel", issue, () =>
        {
            _state.UnapplyLabel(Stored(issue), label, botLogin);
            return (0, $"removed label {label}");
        });

    public Task EnsureLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_state.RepoLabel(Key(repo), label.Name) is null)
            {
                _state.EnsureRepoLabel(Key(repo), label.Name, label.Color, label.Description);
                BotActions.Add(new BotAction(time.GetUtcNow(), null, "CreateLabel", $"created label {label.Name}"));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<int>> ListOpenIssuesWithLabelAsync(RepoRef repo, string label, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<int>)[.. _state.ListIssues(Key(repo), "open", [label]).Select(i => i.Number).Order()]);

    public Task<IReadOnlyList<IssueRef>> SearchOpenProcessesAsync(InstallationRef installation, IReadOnlyCollection<string> labels, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<IssueRef>)[.. _state.SearchOpenIssues(installation.Id, installation.Account, labels, pullRequests: true)
            .Select(i => new IssueRef(new RepoRef(installation.Id, i.Repo.Owner, i.Repo.Name), i.Number))]);

    public Task<IReadOnlyList<CommentFact>> WithEditsAsync(IssueRef issue, IReadOnlyList<CommentFact> comments, string botLogin, CancellationToken cancellationToken) =>
        Read(() => (IReadOnlyList<CommentFact>)[.. comments.Select(c => c.WasEdited && _state.Revisions.TryGetValue(c.Id, out var r) ? c with { Edits = Edits(r) } : c)]);

    public Task<DateTimeOffset?> GetBodyEditedAtAsync(IssueRef issue, CancellationToken cancellationToken) =>
        Read(() => _state.Issues.TryGetValue((Key(issue.Repo), issue.Number), out var i) ? i.BodyEditedAt : null);

    // ---- from the model to the bot's facts ----------------------------------------------------------

    private static RepoKey Key(RepoRef repo) => new(repo.Owner, repo.Name);

    private StoredIssue Stored(IssueRef issue) => _state.Issue(Key(issue.Repo), issue.Number);

    private static Issue View(StoredIssue i) =>
        new(i.Number, i.Title, i.Author, i.IsOpen, [.. i.Labels], [.. i.Events.Select(Event).OfType<IssueEvent>()], [.. i.Comments.Select(Fact)]);

    private static CommentFact Fact(StoredComment c) =>
        new(c.Id, c.Author, c.IsBot, c.Body, c.CreatedAt, c.UpdatedAt, $"https://github.example/issues/{c.Number}#issuecomment-{c.Id}");

    /// <summary>The event as the bot reads it, or null for a kind it does not read (a pull request's <c>merged</c>).</summary>
    private static IssueEvent? Event(StoredEvent e) => e.Kind switch
    {
        "labeled" => new(e.Id, IssueEventKind.Labeled, e.Label, e.Actor, e.At),
        "unlabeled" => new(e.Id, IssueEventKind.Unlabeled, e.Label, e.Actor, e.At),
        "closed" => new(e.Id, IssueEventKind.Closed, e.Label, e.Actor, e.At),
        "reopened" => new(e.Id, IssueEventKind.Reopened, e.Label, e.Actor, e.At),
        _ => null,
    };

    /// <summary>An edited comment's facts: its last editor and history, the original first, as GitHub keeps it.</summary>
    private static CommentEdits Edits(List<StoredRevision> revisions) =>
        new(revisions[^1].Editor, revisions[^1].At, [.. revisions.Select(r => new CommentRevision(r.At, r.Editor, r.Body))], Complete: true);

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
