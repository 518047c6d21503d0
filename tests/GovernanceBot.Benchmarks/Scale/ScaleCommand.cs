namespace GovernanceBot.Benchmarks.Scale;

internal static class ScaleCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
