using System.Net;
using System.Text;

namespace GovernanceBot.Domain.Rendering;

/// <summary>
/// The dashboard as one server-rendered HTML page: no script, real tables with captions and header scopes, light and
/// dark colours from <c>prefers-color-scheme</c>, and a layout that fits 375 px (tables become stacked rows there).
/// Every piece of other people's text (titles, logins) is HTML-encoded.
/// </summary>
public static class DashboardPage
{
    private const string Style = """
        :root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--link:#0550ae;--head:#f6f8fa}
        @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;--link:#79c0ff;--head:#161b22}}
        *{box-sizing:border-box}
        body{margin:0;padding:1rem;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin-inline:auto}
        a{color:var(--link)}
        h1{font-size:1.5rem;margin:0 0 .5rem}
        p{margin:.25rem 0;color:var(--muted)}
        table{border-collapse:collapse;width:100%;margin:1.5rem 0}
        caption{text-align:left;font-weight:700;font-size:1.15rem;padding:.25rem 0}
        th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        thead th{background:var(--head)}
        form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.75rem 0}
        label{display:flex;flex-direction:column;font-size:.9rem;max-width:100%}
        input,button{font:inherit;padding:.3rem .5rem;max-width:100%;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:4px}
        @media (max-width:40rem){
          thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
          table,tbody,tr,th,td{display:block;width:100%}
          tr{border:1px solid var(--line);border-radius:6px;margin:.5rem 0;padding:.25rem}
          td,tbody th{border:0}
          td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
        }
        """;

    public static string Render(DashboardView view)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(E(view.Login is null ? Texts.DashboardTitle : $"{Texts.DashboardWaitingFor(view.Login)} · {Texts.DashboardTitle}")).Append("</title>\n");
        sb.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        sb.Append("<h1>").Append(E(view.Login is null ? Texts.DashboardTitle : Texts.DashboardWaitingFor(view.Login))).Append("</h1>\n");
        sb.Append("<p>").Append(E(Texts.DashboardMemoryNote(view.Now))).Append("</p>\n");
        sb.Append("<p>").Append(E(Texts.DashboardPrivateNote(view.ShowsPrivate))).Append("</p>\n");
        AppendForms(sb, view);
        AppendOpen(sb, view);
        AppendDecided(sb, view);
        AppendParticipation(sb, view);
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendForms(StringBuilder sb, DashboardView view)
    {
        sb.Append("<form method=\"get\" action=\"/\"><label>").Append(E(Texts.DashboardLoginLabel))
          .Append(" <input name=\"login\" autocomplete=\"off\" value=\"").Append(E(view.Login ?? "")).Append("\"></label>")
          .Append("<button type=\"submit\">").Append(E(Texts.DashboardLoginButton)).Append("</button></form>\n");
        if (view.TokenConfigured && !view.ShowsPrivate)
        {
            sb.Append("<form method=\"post\" action=\"/dashboard/token\"><label>").Append(E(Texts.DashboardTokenLabel))
              .Append(" <input type=\"password\" name=\"token\" autocomplete=\"off\"></label>")
              .Append("<button type=\"submit\">").Append(E(Texts.DashboardTokenButton)).Append("</button></form>\n");
        }
    }

    private static void AppendOpen(StringBuilder sb, DashboardView view)
    {
        var caption = view.Login is null ? Texts.DashboardOpenCaption : Texts.DashboardWaitingFor(view.Login);
        if (view.Open.Count == 0)
        {
            sb.Append("<h2>").Append(E(caption)).Append("</h2>\n<p>").Append(E(Texts.DashboardNoOpen)).Append("</p>\n");
            return;
        }

        Head(sb, "open", caption, Texts.DashboardColumnProcess, Texts.DashboardColumnRepository, Texts.DashboardColumnPhase, Texts.DashboardColumnDeadline, Texts.DashboardColumnArithmetic, Texts.DashboardColumnNotVoted);
        foreach (var p in view.Open)
        {
            var notVoted = p.NotVoted;
            sb.Append("<tr>");
            ProcessCell(sb, p);
            Cell(sb, Texts.DashboardColumnRepository, p.Repository);
            Cell(sb, Texts.DashboardColumnPhase, Texts.DashboardPhase(p.Round.Phase));
            Cell(sb, Texts.DashboardColumnDeadline, Texts.DashboardDeadline(p.Deadline!.Value, view.Now));
            Cell(sb, Texts.DashboardColumnArithmetic, Texts.DashboardArithmetic(p.Round));
            Cell(sb, Texts.DashboardColumnNotVoted, p.Round.Tally is null ? "" : notVoted.Count == 0 ? Texts.DashboardNobody : string.Join(", ", notVoted));
            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    private static void AppendDecided(StringBuilder sb, DashboardView view)
    {
        if (view.Decided.Count == 0)
        {
            sb.Append("<h2>").Append(E(Texts.DashboardDecidedCaption)).Append("</h2>\n<p>").Append(E(Texts.DashboardNoDecided)).Append("</p>\n");
            return;
        }

        Head(sb, "decided", Texts.DashboardDecidedCaption, Texts.DashboardColumnProcess, Texts.DashboardColumnRepository, Texts.DashboardColumnOutcome, Texts.DashboardColumnDecidedAt, Texts.DashboardColumnArithmetic);
        foreach (var p in view.Decided)
        {
            sb.Append("<tr>");
            ProcessCell(sb, p);
            Cell(sb, Texts.DashboardColumnRepository, p.Repository);
            Cell(sb, Texts.DashboardColumnOutcome, Texts.DashboardPhase(p.Round.Phase));
            Cell(sb, Texts.DashboardColumnDecidedAt, TimeText.Utc(p.Round.EndedAt!.Value));
            Cell(sb, Texts.DashboardColumnArithmetic, p.Round.Tally is null ? "" : Texts.DashboardArithmetic(p.Round));
            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    private static void AppendParticipation(StringBuilder sb, DashboardView view)
    {
        if (view.Participation.Count == 0)
        {
            sb.Append("<h2>").Append(E(Texts.DashboardParticipationCaption)).Append("</h2>\n<p>").Append(E(Texts.DashboardNoParticipation)).Append("</p>\n");
            return;
        }

        Head(sb, "participation", Texts.DashboardParticipationCaption, Texts.DashboardColumnMember, Texts.DashboardColumnRepository, Texts.DashboardColumnParticipation);
        foreach (var p in view.Participation)
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(p.Member)).Append("</th>");
            Cell(sb, Texts.DashboardColumnRepository, p.Repository);
            Cell(sb, Texts.DashboardColumnParticipation, Texts.DashboardParticipation(p));
            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    private static void Head(StringBuilder sb, string id, string caption, params string[] columns)
    {
        sb.Append("<table id=\"").Append(id).Append("\">\n<caption>").Append(E(caption)).Append("</caption>\n<thead><tr>");
        foreach (var c in columns) sb.Append("<th scope=\"col\">").Append(E(c)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
    }

    private static void ProcessCell(StringBuilder sb, DashboardProcess p) =>
        sb.Append("<th scope=\"row\"><a href=\"").Append(E(p.Url)).Append("\">").Append(E(p.Title)).Append(" #").Append(p.Number).Append("</a></th>");

    private static void Cell(StringBuilder sb, string label, string text) =>
        sb.Append("<td data-label=\"").Append(E(label)).Append("\">").Append(E(text)).Append("</td>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
