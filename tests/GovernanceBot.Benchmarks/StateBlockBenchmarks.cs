using BenchmarkDotNet.Attributes;
using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Lifecycle;
using GovernanceBot.Domain.Voting;

namespace GovernanceBot.Benchmarks;

/// <summary>
/// <see cref="StateBlock.Write"/> and <see cref="StateBlock.Read"/> at the worst case: a final round of a TSC of 15
/// who all voted -1 with concerns of 65,000 characters, and 1,000 outsiders' votes.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class StateBlockBenchmarks
{
    private Round[] _rounds = [];
    private string _block = "";

    [GlobalSetup]
    public void Setup()
    {
        var tsc = Enumerable.Range(1, 15).Select(i => $"member{i:00}").ToArray();
        var profile = GovernancePolicy.Default.Processes[0];
        var ballots = new List<Ballot>();
        long id = 100;
        foreach (var (member, i) in tsc.Select((m, i) => (m, i)))
        {
            var concerns = Issue.Repeat($"{member}: " + Issue.Pattern, 65_000);
            ballots.Add(new Ballot(member, VoteChoice.Reject, concerns, Issue.Day(14.1 + (i * 0.01)), ++id, Url(id), Binding: true));
        }

        VoteChoice[] choices = [VoteChoice.Approve, VoteChoice.Abstain, VoteChoice.Reject];
        for (var i = 0; i < 1_000; i++)
        {
            ballots.Add(new Ballot($"outsider{i:0000}", choices[i % 3], "", Issue.Day(14.05 + (i * 0.0001)), ++id, Url(id), Binding: false));
        }

        var start = Issue.T0;
        _rounds =
        [
            new Round
            {
                Key = Round.KeyFor(profile.Label, start),
                Number = 1,
                Profile = profile,
                Start = start,
                StartedBy = "dana",
                DiscussionEnds = start + profile.Discussion,
                VotingEnds = start + profile.Discussion + profile.Voting,
                Phase = Phase.Rejected,
                EndedAt = start + profile.Discussion + profile.Voting,
                EndReason = EndReason.Deadline,
                Electorate = tsc,
                Ballots = ballots,
                Tally = Tally.Count(0, 0, 15, 15, profile.Rules),
            },
        ];
        _block = StateBlock.Write(_rounds);
        if (StateBlock.Read(_block).Single().Value.Ballots.Count != 15) throw new InvalidOperationException("the block does not read back");
    }

    [Benchmark]
    public string Write() => StateBlock.Write(_rounds);

    [Benchmark]
    public IReadOnlyDictionary<string, RoundRecord> Read() => StateBlock.Read(_block);

    private static string Url(long id) => $"https://github.com/o/r/issues/1#issuecomment-{id}";
}
