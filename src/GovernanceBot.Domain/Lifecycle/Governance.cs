using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>
/// The functional core: from facts read on GitHub to what should be true on the issue. Pure and total:
/// the same facts always give the same decision, whatever order webhooks arrived in.
/// </summary>
public static partial class Governance
{
    public static Decision Decide(IssueFacts facts) => Decide(facts, recompute: false);

    /// <param name="recompute">
    /// for the audit: every round is computed again from the facts; of the records only the rules frozen when voting
    /// opened are kept (the outcome, the electorate and the votes recorded are what is checked).
    /// </param>
    private static Decision Decide(IssueFacts facts, bool recompute)
    {
        var (status, recomputed) = Authorship.TrustedStatusComment(facts);
        var records = status is null ? new Dictionary<string, RoundRecord>() : StateBlock.Read(status.Body);
        if (recompute) records = records.ToDictionary(r => r.Key, r => r.Value.FrozenRulesOnly(), StringComparer.Ordinal);
        var parsed = facts.Comments
            .Where(c => !c.AuthorIsBot && !IsBotLogin(c.Author) && !SameLogin(c.Author, facts.BotLogin))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(Authorship.Parse)
            .ToList();

        if (facts.Config is ConfigResult.Invalid invalid)
        {
            return Paused(facts, status, Texts.ConfigProblem(invalid));
        }

        var policy = ((ConfigResult.Valid)facts.Config).Policy;
        if (facts.Tsc is TscResult.Unavailable unavailable)
        {
            return Paused(facts, status, Texts.TscProblem(unavailable.Reason));
        }

        // One member per login: GitHub logins are case-insensitive, and a listing read from GitHub is taken as read.
        IReadOnlyList<string> tsc = [.. ((TscResult.Resolved)facts.Tsc).Members.Distinct(StringComparer.OrdinalIgnoreCase)];
        var context = new Context(facts, policy, tsc, parsed, records) { ReadsHistory = recompute };
        var (rounds, refused) = BuildRounds(context);
        var comments = new List<OutgoingComment>();
        comments.AddRange(Replies(context, rounds));
        comments.AddRange(StartsRefused(rounds, refused));

        if (rounds.Count == 0)
        {
            // No process on this issue: leave it alone, but still answer /governance help and remove stray phase labels.
            return new Decision([], null, comments, null, null, null, null);
        }

        var latest = rounds[^1];
        comments.AddRange(RestartComment(rounds));
        comments.AddRange(NominationComments(latest));
        comments.AddRange(Transitions(context, latest));
        comments.AddRange(Reminders(latest, facts.Now));
        var body = Texts.StatusComment(new StatusView(policy, facts.Issue, rounds, facts.Now) { Recomputed = recomputed });
        DateTimeOffset? deadline = latest.Phase switch
        {
            Phase.AwaitingNominee => latest.Nomination!.ConfirmBy,
            Phase.Discussion => latest.DiscussionEnds,
            Phase.Voting => latest.VotingEnds,
            _ => null,
        };
        DateTimeOffset? refresh = deadline is { } d ? TimeText.NextChange(d, facts.Now) : null;

        // A reminder due before the next change of text is a moment the bot must wake at too.
        var reminder = NextReminderAt(latest, facts.Now);
        if (reminder is { } r && (refresh is null || r < refresh)) refresh = r;
        return new Decision(
            [latest.Phase.Label()],
            body,
            comments,
            latest.Phase == Phase.Voting && EarlyCloseFrom(latest) is { } from && from > facts.Now && from < latest.VotingEnds ? from : deadline,
            refresh,
            latest.Phase.Slug(),
            latest.Tally)
        {
            Rounds = rounds,
            ReminderAt = reminder,
            OnDecided = OnDecidedActions(facts, latest),
        };
    }

    /// <summary>The bot's status comment: the oldest comment by the bot's own user that carries the marker.</summary>
    internal static CommentFact? FindStatusComment(IssueFacts facts) => StatusComments(facts.Comments, facts.BotLogin).FirstOrDefault();

    /// <summary>Comments by the bot's own user that carry the status marker, oldest first (replicas may race to create one).</summary>
    public static IEnumerable<CommentFact> StatusComments(IEnumerable<CommentFact> comments, string botLogin) => comments
        .Where(c => SameLogin(c.Author, botLogin) && c.Body.Contains(Markers.Status, StringComparison.Ordinal))
        .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);

    internal static bool SameLogin(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>An App's bot user ("name[bot]"): never a voter, even if its account type were reported as a user.</summary>
    private static bool IsBotLogin(string login) => login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration or the TSC cannot be read: start and decide nothing, say why, keep everything else.</summary>
    private static Decision Paused(IssueFacts facts, CommentFact? status, string problem)
    {
        var labels = facts.Issue.Labels;
        var hasProcess = status is not null
            || labels.Any(PhaseLabels.IsPhaseLabel)
            || labels.Any(l => GovernancePolicy.DefaultTriggerLabels.Contains(l, StringComparer.OrdinalIgnoreCase));
        if (!hasProcess) return Decision.Nothing;

        // Keep the recorded state verbatim: a broken config must not make the bot forget a final outcome.
        var keptState = status is null ? null : Markers.ExtractStateBlock(status.Body);
        var body = Texts.PausedStatusComment(problem, keptState);
        return new Decision([.. labels.Where(PhaseLabels.IsPhaseLabel)], body, [], null, null, Decision.PausedOutcome, null);
    }

    private sealed record Context(
        IssueFacts Facts,
        GovernancePolicy Policy,
        IReadOnlyList<string> Tsc,
        IReadOnlyList<ParsedComment> Comments,
        IReadOnlyDictionary<string, RoundRecord> Records)
    {
        /// <summary>
        /// The audit: a vote comment edited later is read back from its edit history when deciding whether the vote could
        /// close early, as the bot read it then; otherwise it counts as not known until its last edit.
        /// </summary>
        public bool ReadsHistory { get; init; }

        public bool IsTsc(string login) => Tsc.Any(m => SameLogin(m, login));

        public bool MayCancel(string login) => IsTsc(login) || SameLogin(login, Facts.Issue.Author);
    }

    private static (List<Round> Rounds, List<(ProcessProfile Profile, IssueEvent Labeled)> Refused) BuildRounds(Context context)
    {
        var rounds = new List<Round>();
        var refused = new List<(ProcessProfile, IssueEvent)>();
        var events = context.Facts.Events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var closed = false;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            switch (e.Kind)
            {
                case IssueEventKind.Closed:
                    closed = true;
                    break;
                case IssueEventKind.Reopened:
                    closed = false;
                    break;
                case IssueEventKind.Labeled when e.Label is not null && context.Policy.ProfileFor(e.Label) is { } profile:
                    // Labelling a closed issue starts nothing; a second trigger label while a round runs is ignored.
                    if (closed || context.Facts.PullRequest?.MergedAt <= e.At) break;
                    if (rounds.Count > 0 && rounds[^1] is { } last && (last.EndedAt is null || last.EndedAt > e.At)) break;
                    if (!MayStart(context, profile, e))
                    {
                        refused.Add((profile, e));
                        break;
                    }

                    rounds.Add(ResolveRound(context, profile, e, events.Skip(i + 1), rounds.Count + 1));
                    AddRestarts(context, rounds, profile, events.Skip(i + 1));
                    break;
            }
        }

        return ([.. rounds.Select(r => r with { Changes = ChangesOf(context.Facts, r) })], refused);
    }

    private sealed record Ending(DateTimeOffset At, EndReason Reason, string? By);

    private static Round ResolveRound(Context context, ProcessProfile profile, IssueEvent started, IEnumerable<IssueEvent> later, int number)
    {
        var start = started.At;
        var key = Round.KeyFor(profile.Label, start);
        var record = context.Records.GetValueOrDefault(key);
        if (record is { Outcome: { } recorded, ClosedAt: { } closedAt })
        {
            return FromRecord(context, profile, started, number, record, recorded, closedAt);
        }

        // A running vote keeps the rules and periods frozen when it opened; a changed configuration applies from the next round.
        var configured = profile;
        profile = Frozen(profile, record);
        var rulesChangedAt = record?.Rules is not null && !SameRules(profile, configured) ? record.RulesChangedAt ?? context.Facts.Now : (DateTimeOffset?)null;
        var now = context.Facts.Now;
        var cancel = FirstCancellation(context, profile, start, later);

        // A nomination's discussion starts when the nominee accepts; until then the round awaits them (or ends cancelled).
        Nomination? nomination = null;
        var opens = start;
        if (profile.Confirm == ConfirmMode.Nominee)
        {
            var (nominated, ending) = Nominated(context, profile, start, cancel?.At, record);
            nomination = nominated;
            if (nominated.AcceptedAt is not { } accepted)
            {
                var waiting = new Round
                {
                    Key = key, Number = number, Profile = profile, Start = start, StartedBy = started.Actor,
                    DiscussionEnds = start, VotingEnds = start, Phase = Phase.AwaitingNominee, RulesChangedAt = rulesChangedAt,
                };
                return Unconfirmed(waiting, nominated, ending ?? cancel);
            }

            opens = accepted;
        }

        Schedule ExtendedUntil(DateTimeOffset? until) =>
            Scheduled(context, opens, opens + profile.Discussion, opens + profile.Discussion + profile.Voting, until, settled: false);
        var (discussionEnds, votingEnds, extensions) = ExtendedUntil(cancel?.At);
        var votingOpened = discussionEnds <= now && (cancel is null || cancel.At >= discussionEnds);
        var electorate = votingOpened ? record?.Electorate ?? ElectorateOpenedWith(context.Facts, key) ?? context.Tsc : null;

        var closeAt = votingEnds;
        var closeReason = EndReason.Deadline;
        if (electorate is not null && EarlyCloseAt(context, profile.Rules, electorate, discussionEnds, votingEnds) is { } early && early.At < closeAt)
        {
            (closeAt, closeReason) = early;

            // Once the vote is settled nothing runs: an extension posted from then on lengthens nothing (its reply says
            // so), as when the round is read back from its record. The vote still closes at the same moment without it.
            if (cancel is null || cancel.At > closeAt) (discussionEnds, votingEnds, extensions) = ExtendedUntil(closeAt);
        }

        // proposal_changes: restart ends the vote at the first change after it opened (a new round follows, AddRestarts).
        if (electorate is not null && profile.ProposalChanges == ProposalChangesMode.Restart
            && ProposalChanges.Since(context.Facts, discussionEnds).First is { } changed
            && changed < closeAt && changed <= now && (cancel is null || changed < cancel.At))
        {
            cancel = new Ending(changed, EndReason.ProposalChanged, null);
            (discussionEnds, votingEnds, extensions) = ExtendedUntil(changed);
        }

        var round = new Round
        {
            Key = key,
            Number = number,
            Profile = profile,
            Start = start,
            StartedBy = started.Actor,
            DiscussionEnds = discussionEnds,
            VotingEnds = votingEnds,
            Extensions = extensions,
            Electorate = electorate,
            Phase = Phase.Discussion,
            RulesChangedAt = rulesChangedAt,
            Nomination = nomination,
        };

        if (cancel is not null && cancel.At < closeAt)
        {
            // GitHub's times are to the second: a vote cast in the same second as the merge, the close, the label's
            // removal or the cancel command cannot be put after it, so it is recorded with the others (the round decides
            // nothing either way) rather than answered as "not counted". A restart's new round takes that second instead.
            var sameSecondCounts = cancel.Reason != EndReason.ProposalChanged;
            var ballotsAtCancel = electorate is null ? [] : Ballots(context, electorate, discussionEnds, c => c.At < cancel.At || (sameSecondCounts && c.At == cancel.At));
            return round with
            {
                Phase = Phase.Cancelled,
                EndedAt = cancel.At,
                EndReason = cancel.Reason,
                EndedBy = cancel.By,
                Ballots = ballotsAtCancel,
                Tally = electorate is null ? null : Count(ballotsAtCancel, electorate, profile.Rules),
            };
        }

        if (electorate is null) return round;

        if (closeAt <= now)
        {
            // Decided. A comment counts if it was posted inside the window, as its author had written it at the close
            // (read from its edit history when it was edited later); one whose text then is unknown is left out.
            var inclusive = closeReason is EndReason.AllVoted or EndReason.Decided;
            bool InWindow(ParsedComment c) => inclusive ? c.At <= closeAt : c.At < closeAt;
            var atClose = context with { Comments = Authorship.AsOfClose(context.Comments, closeAt, inclusive) };
            var ballots = Ballots(atClose, electorate, discussionEnds, InWindow);
            var editedLate = context.Comments.Zip(atClose.Comments)
                .Where(p => p.First.At >= discussionEnds && InWindow(p.First) && p.Second is { Unreadable: true, OtherEditor: null } && p.First.Votes.Count > 0)
                .Select(p => p.First.Author).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var tally = Count(ballots, electorate, profile.Rules);
            return round with
            {
                Phase = tally.Verdict.ToPhase(),
                EndedAt = closeAt,
                EndReason = closeReason,
                Ballots = ballots,
                Tally = tally,
                EditedAfterClose = editedLate,
                EditedByOthers = Authorship.Flags(atClose.Comments.Where(c => c.At >= discussionEnds && InWindow(c))),
            };
        }

        var open = Ballots(context, electorate, discussionEnds, _ => true);
        return round with
        {
            Phase = Phase.Voting,
            Ballots = open,
            Tally = Count(open, electorate, profile.Rules),
            EditedByOthers = Authorship.Flags(context.Comments.Where(c => c.At >= discussionEnds)),
        };
    }

    private static Round FromRecord(Context context, ProcessProfile profile, IssueEvent started, int number, RoundRecord record, Phase outcome, DateTimeOffset closedAt)
    {
        profile = Frozen(profile, record);
        var schedule = Scheduled(
            context,
            started.At,
            record.DiscussionEnds ?? started.At + profile.Discussion,
            record.VotingEnds ?? started.At + profile.Discussion + profile.Voting,
            closedAt,
            settled: true);
        return new Round
        {
            Key = record.Key,
            Number = number,
            Profile = profile,
            Start = started.At,
            StartedBy = started.Actor,
            DiscussionEnds = schedule.DiscussionEnds,
            VotingEnds = schedule.VotingEnds,
            Phase = outcome,
            EndedAt = closedAt,
            EndReason = record.Reason,
            EndedBy = record.By,
            Electorate = record.Electorate,
            Ballots = WithConcernsAsWritten(context, record),
            RecordedNonBinding = record.NonBinding,
            RulesChangedAt = record.RulesChangedAt,
            Tally = record.TallyUnder(profile.Rules),
            Extensions = schedule.Extensions,
            Nomination = record.Nominee is not null || record.Accepted is not null || profile.Confirm == ConfirmMode.Nominee
                ? new Nomination(record.Nominee, record.NominatedBy, record.NominatedAt, record.Accepted ?? closedAt, record.Accepted)
                : null,
        };
    }

    private static Ending? FirstCancellation(Context context, ProcessProfile profile, DateTimeOffset start, IEnumerable<IssueEvent> later)
    {
        var pr = context.Facts.PullRequest;
        var fromEvents = later
            .Select(e => e switch
            {
                { Kind: IssueEventKind.Unlabeled } when string.Equals(e.Label, profile.Label, StringComparison.OrdinalIgnoreCase)
                    => new Ending(e.At, EndReason.LabelRemoved, e.Actor),
                { Kind: IssueEventKind.Closed } when pr is null => new Ending(e.At, EndReason.IssueClosed, e.Actor),
                { Kind: IssueEventKind.Closed } when IsMerge(pr, e) => new Ending(pr.MergedAt!.Value, EndReason.Merged, pr.MergedBy ?? e.Actor),
                { Kind: IssueEventKind.Closed } => new Ending(e.At, EndReason.PullRequestClosed, e.Actor),
                _ => null,
            })
            .FirstOrDefault(e => e is not null);

        // A merge cancels even when its closed event was not read; after the decision it changes nothing (final is final).
        if (pr is { MergedAt: { } mergedAt } && mergedAt >= start && (fromEvents is null || mergedAt < fromEvents.At))
        {
            fromEvents = new Ending(mergedAt, EndReason.Merged, pr.MergedBy);
        }

        var fromCommand = context.Comments
            .Where(c => c.At >= start && c.Commands.OfType<Command.Cancel>().Any() && context.MayCancel(c.Author))
            .Select(c => new Ending(c.At, EndReason.CancelCommand, c.Author))
            .FirstOrDefault();
        if (fromEvents is null) return fromCommand;
        if (fromCommand is null) return fromEvents;
        return fromCommand.At < fromEvents.At ? fromCommand : fromEvents;
    }

    /// <summary>Each voter's latest counted vote (by comment creation time) among the comments that <paramref name="counts"/>.</summary>
    private static List<Ballot> Ballots(Context context, IReadOnlyList<string> electorate, DateTimeOffset opens, Func<ParsedComment, bool> counts) =>
        [.. context.Comments
            .Where(c => c.At >= opens && c.CountableVote is not null && counts(c))
            .GroupBy(c => c.Author, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(c => c.At).ThenBy(c => c.Comment.Id).Last())
            .Select(c => new Ballot(
                c.Author,
                c.CountableVote!.Choice,
                c.CountableVote.Choice == VoteChoice.Reject ? c.CountableVote.Concerns : "",
                c.At,
                c.Comment.Id,
                c.Comment.Url,
                electorate.Any(m => SameLogin(m, c.Author))))
            .OrderBy(b => b.At).ThenBy(b => b.CommentId)];

    private static TallySummary Count(IEnumerable<Ballot> ballots, IReadOnlyList<string> electorate, VotingRules rules) =>
        Tally.Count(ballots.Where(b => b.Binding).Select(b => b.Choice), electorate.Count, rules);

    private static IEnumerable<OutgoingComment> Transitions(Context context, Round latest)
    {
        var author = context.Facts.Issue.Author;
        switch (latest.Phase)
        {
            case Phase.Voting:
                yield return new OutgoingComment(Markers.VotingOpenedKey(latest.Key), Texts.VotingOpened(latest, context.Facts.Now), "voting opened") { Transition = "voting_opened" };
                break;
            case Phase.Approved or Phase.Rejected or Phase.NoQuorum:
                yield return new OutgoingComment(Markers.DecisionKey(latest.Key), Texts.Decided(latest, author), $"the vote closed: {latest.Phase.Slug()}") { Transition = latest.Phase.Slug().Replace('-', '_') };
                break;
            case Phase.Cancelled:
                yield return new OutgoingComment(Markers.CancelledKey(latest.Key), Texts.Cancelled(latest), "the process was cancelled") { Transition = "cancelled" };
                break;
        }
    }
}
