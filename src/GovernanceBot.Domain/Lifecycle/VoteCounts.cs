using GovernanceBot.Domain.Commands;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>How many votes of each kind: what the status comment shows of the non-binding votes, and all the state block keeps of them.</summary>
public readonly record struct VoteCounts(int Plus, int Zero, int Minus)
{
    public int Total => Plus + Zero + Minus;

    public static VoteCounts Of(IEnumerable<Ballot> ballots)
    {
        int plus = 0, zero = 0, minus = 0;
        foreach (var b in ballots)
        {
            switch (b.Choice)
            {
                case VoteChoice.Approve: plus++; break;
                case VoteChoice.Abstain: zero++; break;
                default: minus++; break;
            }
        }

        return new VoteCounts(plus, zero, minus);
    }
}
