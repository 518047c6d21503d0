using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Simulation;

/// <summary>Turns a simulation into text for people, or into the one JSON object of design section 7.</summary>
public static class SimulationPrinter
{
    public static string Text(Scenario scenario, SimulationResult result)
    {
        var sb = new StringBuilder();
        sb.Append($"Simulating “{scenario.IssueTitle}” by {scenario.IssueAuthor}, starting {TimeText.Utc(Simulator.Epoch)}").Append('\n').Append('\n');
        foreach (var e in result.Events)
        {
            sb.Append($"{Offset(e.Offset),-12} {e.What}").Append('\n');
            foreach (var change in e.BotChanges) sb.Append($"{"",-12}   bot: {change}").Append('\n');
            if (e.BotChanges.Count == 0) sb.Append($"{"",-12}   bot: no change").Append('\n');
        }

        sb.Append('\n');
        sb.Append($"Outcome: {result.Outcome ?? "no process"}").Append('\n');
        sb.Append($"Labels:  {(result.Labels.Count == 0 ? "(none)" : string.Join(", ", result.Labels))}").Append('\n');
        if (result.Tally is { } t)
        {
            sb.Append($"Tally:   {t.Plus} × +1, {t.Zero} × 0, {t.Minus} × -1; {Texts.QuorumSentence(t)}").Append('\n');
        }

        sb.Append('\n').Append("── Comments on the issue ──").Append('\n');
        foreach (var c in result.Comments.Where(c => !c.Body.Contains(Markers.Status, StringComparison.Ordinal)))
        {
            sb.Append($"[{Offset(c.CreatedAt - Simulator.Epoch)}] {c.Author}:").Append('\n');
            foreach (var line in c.Body.TrimEnd().Split('\n').Where(l => !l.StartsWith(Markers.Prefix, StringComparison.Ordinal)))
            {
                sb.Append("    ").Append(line).Append('\n');
            }
        }

        if (result.StatusComment is { } status)
        {
            sb.Append('\n').Append("── Status comment at the end ──").Append('\n');
            sb.Append(status.TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }

    public static string Json(SimulationResult result)
    {
        var t = result.Tally;
        var electorate = t?.Electorate ?? result.TscSize;
        var quorum = t?.QuorumNeeded ?? (electorate > 0 ? result.Quorum.VotesNeeded(electorate) : 0);
        var json = new
        {
            outcome = result.Outcome ?? "none",
            labels = result.Labels,
            tally = new
            {
                electorate,
                plus = t?.Plus ?? 0,
                zero = t?.Zero ?? 0,
                minus = t?.Minus ?? 0,
                quorum,
                quorumMet = t?.QuorumMet ?? false,
                approved = t?.Approved ?? false,
            },
            comments = result.Comments.Select(c => new { author = c.Author, body = c.Body }),
        };
        return JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>"+14d 02:00": the time since the scenario's start, as scenario files write it.</summary>
    public static string Offset(TimeSpan offset) => $"+{(int)offset.TotalDays}d {offset.Hours:00}:{offset.Minutes:00}";
}
