using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>
/// The hidden machine-readable block in the status comment: the frozen electorate of a round, and, once
/// a round is final, its outcome and binding votes, so that "final is final" holds even when comments are later
/// edited or deleted. Trusted only in a comment written by the App's own bot user.
/// </summary>
/// <remarks>
/// Bounded whatever people write: a binding vote keeps at most <see cref="ConcernsKept"/> characters of its concerns
/// and a digest of the whole, and the non-binding votes are kept as counts. Version 1 blocks (every ballot in full)
/// are still read.
/// </remarks>
public static partial class StateBlock
{
    public const string Prefix = "<!-- governance-bot:state ";
    public const string Suffix = " -->";
    private const int Version = 2;

    /// <summary>Characters of a -1's concerns kept in the block; longer concerns keep this many and a digest of the whole text.</summary>
    public const int ConcernsKept = 80;

    private const string IssueCommentAnchor = "#issuecomment-";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(BlockCharacters()),
    };

    /// <summary>
    /// Any script as written (a \uXXXX per character would triple the block), except what could close the HTML comment
    /// (&lt; and &gt;), start an entity (&amp;) or mention someone (@). The encoder escapes the other HTML-sensitive
    /// characters of its own accord.
    /// </summary>
    private static TextEncoderSettings BlockCharacters()
    {
        var settings = new TextEncoderSettings(UnicodeRanges.All);
        settings.ForbidCharacters('<', '>', '&', '@');
        return settings;
    }

    public static string Write(IEnumerable<Round> rounds)
    {
        var state = new StateDto(Version, [.. rounds.Where(r => r.Electorate is not null || r.Phase.IsFinal()).Select(ToDto)]);
        return Prefix + JsonSerializer.Serialize(state, Json) + Suffix;
    }

    /// <summary>The recorded rounds by key; empty when the body has no readable block.</summary>
    public static IReadOnlyDictionary<string, RoundRecord> Read(string body)
    {
        if (Markers.Find(body, Prefix) is not { Text: var json }) return new Dictionary<string, RoundRecord>();
        try
        {
            var state = JsonSerializer.Deserialize<StateDto>(json, Json);
            if (state is null || state.V is not (1 or 2) || state.Rounds is null) return new Dictionary<string, RoundRecord>();
            var records = new Dictionary<string, RoundRecord>(StringComparer.Ordinal);
            foreach (var dto in state.Rounds)
            {
                if (FromDto(dto) is { } record) records[record.Key] = record;
            }

            return records;
        }
        catch (JsonException)
        {
            // A damaged block is as good as none: everything is recomputed from GitHub's facts.
            return new Dictionary<string, RoundRecord>();
        }
    }

    /// <summary>A short, stable fingerprint of a text too long to keep: the first 16 hex digits of its SHA-256.</summary>
    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static RoundDto ToDto(Round r)
    {
        var final = r.Phase.IsFinal();
        var binding = final ? r.BindingBallots.ToList() : [];
        var anchor = binding.Select(AnchorOf).FirstOrDefault(a => a is not null);
        var others = final ? r.NonBindingCounts : default;
        return new RoundDto(
            r.Key,
            r.Electorate,
            r.Electorate is not null || final ? RulesOf(r.Profile) : null,
            r.RulesChangedAt,
            final ? r.Phase.Slug() : null,
            final ? r.EndedAt : null,
            final ? r.EndReason?.ToString() : null,
            final ? r.EndedBy : null,
            final ? r.DiscussionEnds : null,
            final ? r.VotingEnds : null,
            Tally: null,
            anchor,
            final ? [.. binding.Select(b => BallotOf(b, anchor))] : null,
            others.Total > 0 ? [others.Plus, others.Zero, others.Minus] : null,
            r.Nomination?.Nominee,
            r.Nomination?.NominatedBy,
            r.Nomination?.AcceptedAt,
            r.Nomination?.NominatedAt);
    }

    // The settings added later (decided, min_voting, min_approvals, a quorum of members) are written only when they
    // differ from their defaults, so a block without them reads as the defaults, as older blocks do.
    private static RulesDto RulesOf(ProcessProfile p) => new(
        p.Rules.Quorum.Members is { } members ? members.ToString(System.Globalization.CultureInfo.InvariantCulture) : p.Rules.Quorum.Share.ToString(),
        p.Rules.Approval.ToString(),
        p.Rules.Abstentions == AbstentionMode.Count ? "count" : "ignore",
        p.Rules.CloseEarly != EarlyClose.Never,
        (long)p.Discussion.TotalSeconds,
        (long)p.Voting.TotalSeconds,
        p.Rules.CloseEarly == EarlyClose.Decided ? "decided" : null,
        p.Rules.MinVoting > TimeSpan.Zero ? (long)p.Rules.MinVoting.TotalSeconds : null,
        p.Rules.MinApprovals > 0 ? p.Rules.MinApprovals : null,
        p.ProposalChanges == ProposalChangesMode.Restart ? "restart" : null);

    private static BallotDto BallotOf(Ballot b, string? anchor)
    {
        var url = anchor is not null && b.Url == anchor + b.CommentId ? null : b.Url;
        var (concerns, digest) = b.Concerns.Length <= ConcernsKept
            ? (b.Concerns.Length > 0 ? b.Concerns : null, (string?)null)
            : (Cut(b.Concerns, ConcernsKept), Digest(b.Concerns));
        return new BallotDto(b.Voter, Choice(b.Choice), b.At, b.CommentId, url, Binding: null, concerns, digest);
    }

    /// <summary>The part of a vote's URL before its comment id ("https://github.com/o/r/issues/1#issuecomment-"), kept once per round.</summary>
    private static string? AnchorOf(Ballot b)
    {
        var id = b.CommentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return b.Url.EndsWith(IssueCommentAnchor + id, StringComparison.Ordinal) ? b.Url[..^id.Length] : null;
    }

    private static string Cut(string text, int length) =>
        text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    private static RoundRecord? FromDto(RoundDto dto)
    {
        if (string.IsNullOrEmpty(dto.Key)) return null;
        var phase = PhaseExtensions.FromSlug(dto.Outcome);
        if (dto.Outcome is not null && phase is null) return null;
        var ballots = new List<Ballot>();
        var digests = new Dictionary<long, string>();
        foreach (var b in dto.Votes ?? [])
        {
            var url = b.Url ?? (dto.Anchor is { } anchor ? anchor + b.Comment : null);
            if (b.Login is null || Choice(b.Vote) is not { } choice || url is null) return null;
            var concerns = b.Concerns ?? "";
            if (b.Sha is { } sha)
            {
                digests[b.Comment] = sha;
                concerns += "…";
            }

            ballots.Add(new Ballot(b.Login, choice, concerns, b.At, b.Comment, url, b.Binding ?? true));
        }

        return new RoundRecord(
            dto.Key,
            dto.Electorate,
            phase,
            dto.ClosedAt,
            Enum.TryParse<EndReason>(dto.Reason, out var reason) ? reason : null,
            dto.By,
            dto.DiscussionEnds,
            dto.VotingEnds,
            ballots,
            Rules(dto.Rules))
        {
            Discussion = Seconds(dto.Rules?.Discussion),
            Voting = Seconds(dto.Rules?.Voting),
            RulesChangedAt = dto.Changed,
            ProposalChanges = dto.Rules?.Changes == "restart" ? ProposalChangesMode.Restart : ProposalChangesMode.Flag,
            NonBinding = dto.Others is [var p, var z, var m] ? new VoteCounts(p, z, m) : null,
            ConcernDigests = digests,
            Nominee = dto.Nominee is { } nominee && ConfigParser.IsValidLogin(nominee) ? nominee : null,
            NominatedBy = dto.Nominator is { } nominator && ConfigParser.IsValidLogin(nominator) ? nominator : null,
            Accepted = dto.Accepted,
            NominatedAt = dto.Nominated,
        };
    }

    private static TimeSpan? Seconds(long? seconds) => seconds is > 0 and < 100L * 366 * 86_400 ? TimeSpan.FromSeconds(seconds.Value) : null;

    private static VotingRules? Rules(RulesDto? dto)
    {
        if (dto is null) return null;
        if (!Fraction.TryParse(dto.Approval, out var approval)) return null;
        QuorumRule quorum;
        if (Fraction.TryParse(dto.Quorum, out var share)) quorum = new QuorumRule(share);
        else if (int.TryParse(dto.Quorum, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var members) && members is >= 1 and <= ConfigParser.MaxMembers) quorum = QuorumRule.AtLeast(members);
        else return null;
        var abstentions = dto.Abstentions == "ignore" ? AbstentionMode.Ignore : AbstentionMode.Count;
        var close = dto.Close == "decided" ? EarlyClose.Decided : dto.CloseEarly ?? true ? EarlyClose.AllVoted : EarlyClose.Never;
        return new VotingRules(quorum, approval, abstentions, close)
        {
            MinVoting = Seconds(dto.MinVoting) ?? TimeSpan.Zero,
            MinApprovals = dto.MinApprovals is >= 0 and <= ConfigParser.MaxMembers ? dto.MinApprovals.Value : 0,
        };
    }

    private static string Choice(Commands.VoteChoice choice) => choice switch
    {
        Commands.VoteChoice.Approve => "+1",
        Commands.VoteChoice.Abstain => "0",
        _ => "-1",
    };

    private static Commands.VoteChoice? Choice(string? text) => text switch
    {
        "+1" => Commands.VoteChoice.Approve,
        "0" => Commands.VoteChoice.Abstain,
        "-1" => Commands.VoteChoice.Reject,
        _ => null,
    };
}
