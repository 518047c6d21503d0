using System.Text;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Domain.Rendering;

/// <summary>The words about comments someone other than their author edited (<see cref="Authorship"/>).</summary>
public static partial class Texts
{
    private static void AppendEditedByOthers(StringBuilder sb, Round r)
    {
        foreach (var e in r.EditedByOthers)
        {
            sb.Append(e.Counted
                ? $"⚠️ The [comment]({e.Url}) of {e.Author} was edited by {e.Editor}, not by {e.Author}; counted as {e.Author} last wrote it."
                : $"⚠️ The [comment]({e.Url}) of {e.Author} was edited by {e.Editor}, not by {e.Author}, and its edit history does not give {e.Author}'s own text; not counted. {e.Author} can vote again in a new comment.");
            sb.Append(Nl).Append(Nl);
        }
    }

    private static void AppendRecomputed(StringBuilder sb, StatusEditedByOther? edit)
    {
        if (edit is null) return;
        sb.Append($"⚠️ {edit.Editor} edited this comment on {TimeText.Utc(edit.At)}. Only the bot's own words are trusted here, so its record was set aside and everything in it was recomputed from the issue's labels, comments and their edit history.").Append(Nl);
        sb.Append(Authorship.RecomputedMarker(edit)).Append(Nl).Append(Nl);
    }
}
