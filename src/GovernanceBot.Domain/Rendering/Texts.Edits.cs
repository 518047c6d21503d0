using System.Text;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The words about comments someone other than their author edited (<see cref="Authorship"/>).</summary>
public static partial class Texts
{
    /// <summary>Flags shown one by one (TSC members' first); the rest are counted, so the comment stays within GitHub's size limit.</summary>
    public const int EditFlagsShown = 10;

    private static void AppendEditedByOthers(StringBuilder sb, Round r)
    {
        bool Binding(EditedByOther e) => r.Electorate?.Contains(e.Author, StringComparer.OrdinalIgnoreCase) ?? false;
        var flags = r.EditedByOthers.OrderBy(e => Binding(e) ? 0 : 1).ToList();
        foreach (var e in flags.Take(EditFlagsShown))
        {
            sb.Append(e.Counted
                ? $"⚠️ The [comment]({e.Url}) of {e.Author} was edited by {e.Editor}, not by {e.Author}; counted as {e.Author} last wrote it."
                : $"⚠️ The [comment]({e.Url}) of {e.Author} was edited by {e.Editor}, not by {e.Author}, and its edit history does not give {e.Author}'s own text; not counted. {e.Author} can vote again in a new comment.");
            sb.Append(Nl).Append(Nl);
        }

        if (flags.Count > EditFlagsShown)
        {
            sb.Append($"⚠️ {Plural(flags.Count - EditFlagsShown, "more comment")} with a vote {(flags.Count - EditFlagsShown == 1 ? "was" : "were")} edited by someone other than their author; each counted as its author last wrote it, or not at all when the history does not tell.").Append(Nl).Append(Nl);
        }
    }

    private static void AppendRecomputed(StringBuilder sb, StatusEditedByOther? edit)
    {
        if (edit is null) return;
        sb.Append($"⚠️ {edit.Editor} edited this comment on {TimeText.Utc(edit.At)}. Only the bot's own words are trusted here, so its record was set aside and everything in it was recomputed from the issue's labels, comments and their edit history.").Append(Nl);
        sb.Append(Markers.Recomputed(edit)).Append(Nl).Append(Nl);
    }
}
