using GovernanceBot.Domain.Commands;

namespace GovernanceBot.Domain.Lifecycle;

/// <summary>The one reading of <c>/governance extend</c>, for a round being computed and for a round read back from its record.</summary>
public static partial class Governance
{
    /// <summary>When a round's discussion and vote end once its extensions count, and those extensions in the order they were posted.</summary>
    private sealed record Schedule(DateTimeOffset DiscussionEnds, DateTimeOffset VotingEnds, IReadOnlyList<Extension> Extensions);

    /// <summary>
    /// The TSC's extensions posted from <paramref name="start"/> until <paramref name="until"/>, in the order they were posted, each
    /// lengthening the phase it was posted in: the discussion while it runs (which pushes the vote back as well), else the vote while
    /// it runs; one posted after the vote's deadline lengthens nothing. A round computed from facts starts from its configured periods
    /// and each extension moves the ends (<paramref name="settled"/> false); a recorded round passes the ends it recorded, which already
    /// count its extensions and settle which phase each was posted in even if the TSC or the configuration changed since.
    /// </summary>
    private static Schedule Scheduled(Context context, DateTimeOffset start, DateTimeOffset discussionEnds, DateTimeOffset votingEnds, DateTimeOffset? until, bool settled)
    {
        var extensions = new List<Extension>();
        foreach (var c in context.Comments.Where(c => c.At >= start && (until is null || c.At < until) && context.IsTsc(c.Author)))
        {
            foreach (var extend in c.Commands.OfType<Command.Extend>())
            {
                if (c.At < discussionEnds)
                {
                    extensions.Add(new Extension(c.Author, extend.By, Phase.Discussion, c.At, c.Comment.Url));
                    if (settled) continue;
                    discussionEnds += extend.By;
                    votingEnds += extend.By;
                }
                else if (c.At < votingEnds)
                {
                    extensions.Add(new Extension(c.Author, extend.By, Phase.Voting, c.At, c.Comment.Url));
                    if (!settled) votingEnds += extend.By;
                }
            }
        }

        return new Schedule(discussionEnds, votingEnds, extensions);
    }
}
