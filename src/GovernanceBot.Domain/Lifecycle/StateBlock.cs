using System.Text.Json;
using System.Text.Json.Serialization;
using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>
/// The hidden machine-readable block in the status comment: the frozen electorate of a round, and, once
/// a round is final, its outcome and tally, so that "final is final" holds even when comments are later
/// edited or deleted. Trusted only in a comment written by the App's own bot user.
/// </summary>
public static class StateBlock
{
    public const string Prefix = "<!-- governance-bot:state ";
    public const string Suffix = " -->";
    private const int Version = 1;

    // The default encoder escapes <, > and & as \u003C..., so the JSON can never close the HTML comment early.
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(IEnumerable<Round> rounds)
    {
        var state = new StateDto(Version, [.. rounds.Where(r => r.Electorate is not null || r.Phase.IsFinal()).Select(ToDto)]);
        // '@' only occurs inside JSON strings, where \u0040 reads back the same: no login in the block can ever be a mention.
        var json = JsonSerializer.Serialize(state, Json).Replace("@", "\\u0040", StringComparison.Ordinal);
        return Prefix + json + Suffix;
    }

    /// <summary>The recorded rounds by key; empty when the body has no readable block.</summary>
    public static IReadOnlyDictionary<string, RoundRecord> Read(string body)
    {
        var start = body.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0) return new Dictionary<string, RoundRecord>();
        start += Prefix.Length;
        var end = body.IndexOf(Suffix, start, StringComparison.Ordinal);
        if (end < 0) return new Dictionary<string, RoundRecord>();
        try
        {
            var state = JsonSerializer.Deserialize<StateDto>(body.AsSpan(start, end - start), Json);
            if (state is null || state.V != Version || state.Rounds is null) return new Dictionary<string, RoundRecord>();
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

    private static RoundDto ToDto(Round r) => new(
        r.Key,
        r.Electorate,
        r.Phase.IsFinal() ? r.Phase.Slug() : null,
        r.Phase.IsFinal() ? r.EndedAt : null,
        r.Phase.IsFinal() ? r.EndReason?.ToString() : null,
        r.Phase.IsFinal() ? r.EndedBy : null,
        r.Phase.IsFinal() ? r.DiscussionEnds : null,
        r.Phase.IsFinal() ? r.VotingEnds : null,
        r.Phase.IsFinal() && r.Tally is { } t ? [t.Plus, t.Zero, t.Minus] : null,
        r.Phase.IsFinal() ? [.. r.Ballots.Select(b => new BallotDto(b.Voter, Choice(b.Choice), b.At, b.CommentId, b.Url, b.Binding, b.Concerns.Length > 0 ? b.Concerns : null))] : null,
        r.Phase.IsFinal() ? new RulesDto(r.Profile.Rules.Quorum.Share.ToString(), r.Profile.Rules.Approval.ToString(), r.Profile.Rules.Abstentions == AbstentionMode.Count ? "count" : "ignore") : null);

    private static RoundRecord? FromDto(RoundDto dto)
    {
        if (string.IsNullOrEmpty(dto.Key)) return null;
        var phase = PhaseExtensions.FromSlug(dto.Outcome);
        if (dto.Outcome is not null && phase is null) return null;
        var ballots = new List<Ballot>();
        foreach (var b in dto.Votes ?? [])
        {
            if (b.Login is null || Choice(b.Vote) is not { } choice || b.Url is null) return null;
            ballots.Add(new Ballot(b.Login, choice, b.Concerns ?? "", b.At, b.Comment, b.Url, b.Binding));
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
            Rules(dto.Rules));
    }

    private static VotingRules? Rules(RulesDto? dto)
    {
        if (dto is null) return null;
        if (!Fraction.TryParse(dto.Quorum, out var quorum) || !Fraction.TryParse(dto.Approval, out var approval)) return null;
        var abstentions = dto.Abstentions == "ignore" ? AbstentionMode.Ignore : AbstentionMode.Count;
        return new VotingRules(new QuorumRule(quorum), approval, abstentions, CloseEarly: true);
    }

    private static string Choice(VoteChoice choice) => choice switch
    {
        VoteChoice.Approve => "+1",
        VoteChoice.Abstain => "0",
        _ => "-1",
    };

    private static VoteChoice? Choice(string? text) => text switch
    {
        "+1" => VoteChoice.Approve,
        "0" => VoteChoice.Abstain,
        "-1" => VoteChoice.Reject,
        _ => null,
    };

    private sealed record StateDto(int V, List<RoundDto>? Rounds);

    private sealed record RoundDto(
        string? Key,
        IReadOnlyList<string>? Electorate,
        string? Outcome,
        DateTimeOffset? ClosedAt,
        string? Reason,
        string? By,
        DateTimeOffset? DiscussionEnds,
        DateTimeOffset? VotingEnds,
        int[]? Tally,
        List<BallotDto>? Votes,
        RulesDto? Rules);

    private sealed record RulesDto(string? Quorum, string? Approval, string? Abstentions);

    private sealed record BallotDto(string? Login, string? Vote, DateTimeOffset At, long Comment, string? Url, bool Binding, string? Concerns);
}

/// <summary>What the bot recorded about one round. <see cref="Outcome"/> is set once the round is final.</summary>
public sealed record RoundRecord(
    string Key,
    IReadOnlyList<string>? Electorate,
    Phase? Outcome,
    DateTimeOffset? ClosedAt,
    EndReason? Reason,
    string? By,
    DateTimeOffset? DiscussionEnds,
    DateTimeOffset? VotingEnds,
    IReadOnlyList<Ballot> Ballots,
    VotingRules? Rules)
{
    /// <summary>The binding tally as recorded, re-derived from the recorded ballots under the rules in force when it closed.</summary>
    public TallySummary? TallyUnder(VotingRules current) =>
        Electorate is { Count: > 0 } electorate && Outcome is { } outcome && outcome != Phase.Cancelled
            ? Voting.Tally.Count(Ballots.Where(b => b.Binding).Select(b => b.Choice), electorate.Count, Rules ?? current)
            : null;
}
