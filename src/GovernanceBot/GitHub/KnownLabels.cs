using System.Collections.Concurrent;

namespace GovernanceBot.GitHub;

/// <summary>
/// The labels GitHub said exist, per repository, remembered for <see cref="Lifetime"/>: a phase label is looked up once
/// an hour per repository instead of before every add. One lookup per label at a time, so a burst of issues
/// labelled at once asks (and creates) once.
/// </summary>
internal sealed class KnownLabels(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(long Installation, string Repo, string Label), DateTimeOffset> _known = new();
    private readonly ConcurrentDictionary<(long Installation, string Repo, string Label), SemaphoreSlim> _gates = new();

    /// <summary>Runs <paramref name="ensure"/> unless the label is known to exist; remembers it once it does.</summary>
    public async Task EnsureAsync(RepoRef repo, string label, Func<Task> ensure, CancellationToken cancellationToken)
    {
        var key = (repo.InstallationId, repo.ToString().ToLowerInvariant(), label.ToLowerInvariant());
        if (IsKnown(key)) return;
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (IsKnown(key)) return;
            await ensure();
            _known[key] = time.GetUtcNow() + Lifetime;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsKnown((long, string, string) key) => _known.TryGetValue(key, out var until) && time.GetUtcNow() < until;
}
