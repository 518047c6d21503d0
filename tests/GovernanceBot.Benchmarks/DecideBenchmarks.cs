using BenchmarkDotNet.Attributes;
using GovernanceBot.Domain.Lifecycle;

namespace GovernanceBot.Benchmarks;

/// <summary><see cref="Governance.Decide"/> on an issue under vote (TSC of 15), on its last day of voting, first run (no status comment yet).</summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private IssueFacts _facts = null!;

    [Params(50, 1_000)]
    public int Comments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _facts = Issue.WithComments(Comments).FactsAt(20.99);
        if (Governance.Decide(_facts).Tally is not { Cast: > 0 }) throw new InvalidOperationException("the issue should be under vote with votes cast");
    }

    [Benchmark]
    public Decision Decide() => Governance.Decide(_facts);
}
