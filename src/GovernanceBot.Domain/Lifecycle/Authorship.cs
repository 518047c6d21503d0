using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>A comment edited by someone other than its author, as the status comment flags it.</summary>
/// <param name="Counted">false when the history did not give the author's own text, so nothing in it counted.</param>
public sealed record EditedByOther(string Author, string Editor, long CommentId, string Url, bool Counted);

/// <summary>Someone other than the bot edited the bot's status comment at <see cref="At"/>: its record was not trusted and was recomputed.</summary>
public sealed record StatusEditedByOther(string Editor, DateTimeOffset At);

/// <summary>
/// A comment counts only as its author last wrote it. Anyone with write access can edit anyone's comment on
/// GitHub; the edit history (<see cref="CommentEdits"/>) says who wrote each revision, so an edit by someone
/// else is set aside and the author's own last revision is read instead. The same history gives the text as it
/// stood at a moment (the close of a vote), whatever happened to it later.
/// </summary>
public static class Authorship
{
    /// <summary>The text of <paramref name="comment"/> as its author last wrote it, and who else edited it after.</summary>
    public static (string? Text, string? OtherEditor) Current(CommentFact comment)
    {
        if (comment.Edits is not { Editor: { } editor } edits || Governance.SameLogin(editor, comment.Author)) return (comment.Body, null);
        return (edits.Complete ? AuthorsLast(comment.Author, edits.Revisions) : null, editor);
    }

    /// <summary>
    /// The text as its author had last written it at <paramref name="moment"/> (revisions at or before it, or strictly
    /// before when <paramref name="inclusive"/> is false). Text null: the history cannot tell.
    /// </summary>
    public static (string? Text, string? OtherEditor) AsOf(CommentFact comment, DateTimeOffset moment, bool inclusive)
    {
        if (inclusive ? comment.UpdatedAt <= moment : comment.UpdatedAt < moment) return Current(comment);
        if (comment.Edits is not { Complete: true } edits) return (null, null);
        var before = edits.Revisions.Where(r => inclusive ? r.At <= moment : r.At < moment).OrderBy(r => r.At).ToList();
        if (before.Count == 0) return (null, null);
        var last = before[^1].Editor;
        if (last is not null && Governance.SameLogin(last, comment.Author)) return (before[^1].Text, null);
        return (AuthorsLast(comment.Author, before), last ?? "ghost");
    }

    /// <summary>Who, other than the bot, last edited the bot's status comment; null when it is the bot's own text.</summary>
    public static string? StatusEditor(CommentFact? status, string botLogin) =>
        status?.Edits is { Editor: { } editor } && !Governance.SameLogin(editor, botLogin) ? editor : null;

    /// <summary>The text of the newest revision the author wrote (the original counts), or null when there is none or it was deleted.</summary>
    private static string? AuthorsLast(string author, IEnumerable<CommentRevision> revisions) =>
        revisions.OrderBy(r => r.At).LastOrDefault(r => r.Editor is not null && Governance.SameLogin(r.Editor, author))?.Text;

    internal static ParsedComment Parse(CommentFact comment) => Parse(comment, Current(comment));

    internal static ParsedComment ParseAsOf(CommentFact comment, DateTimeOffset moment, bool inclusive) =>
        Parse(comment, AsOf(comment, moment, inclusive));

    private static ParsedComment Parse(CommentFact comment, (string? Text, string? OtherEditor) authored)
    {
        var commands = authored.Text is { } text ? CommandParser.Parse(text) : [];
        if (authored.OtherEditor is null && authored.Text is not null) return new ParsedComment(comment, commands);
        return new ParsedComment(comment, commands)
        {
            OtherEditor = authored.OtherEditor,
            Unreadable = authored.Text is null,
            OtherTextHasVote = CommandParser.Parse(comment.Body).OfType<Command.Vote>().Any(),
        };
    }

    /// <summary>The comments as they stood at the close: those edited later are read back from their history.</summary>
    internal static List<ParsedComment> AsOfClose(IEnumerable<ParsedComment> comments, DateTimeOffset closeAt, bool inclusive) =>
        [.. comments.Select(c => c.Comment.WasEdited && (inclusive ? c.Comment.UpdatedAt > closeAt : c.Comment.UpdatedAt >= closeAt)
            ? ParseAsOf(c.Comment, closeAt, inclusive)
            : c)];

    /// <summary>The flags of the comments of a vote, in the order they were posted.</summary>
    internal static List<EditedByOther> Flags(IEnumerable<ParsedComment> comments) =>
        [.. comments.Where(c => c.Flagged).Select(c => new EditedByOther(c.Author, c.OtherEditor!, c.Comment.Id, c.Comment.Url, !c.Unreadable))];

    // ---- The bot's own status comment ----------------------------------------------------------------

    /// <summary>
    /// The status comment with its record only when the bot wrote it as it stands: one last edited by anyone else keeps
    /// its place, but its body is reduced to the marker, so everything is recomputed, and the notice says so from then on.
    /// </summary>
    internal static (CommentFact? Status, StatusEditedByOther? Recomputed) TrustedStatusComment(IssueFacts facts)
    {
        var status = Governance.FindStatusComment(facts);
        if (status is null) return (null, null);
        if (StatusEditor(status, facts.BotLogin) is { } editor)
        {
            return (status with { Body = Markers.Status }, new StatusEditedByOther(editor, status.Edits!.EditedAt ?? status.UpdatedAt));
        }

        return (status, Markers.RecomputedIn(status.Body));
    }
}
