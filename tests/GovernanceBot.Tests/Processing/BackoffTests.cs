using GovernanceBot.Processing;

namespace GovernanceBot.Tests.Processing;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(5, 160)]
    [InlineData(0, 10)]
    public void Each_attempt_waits_twice_as_long_as_the_one_before(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Exponential(TimeSpan.FromSeconds(10), attempt));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void A_cap_bounds_the_wait(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Exponential(TimeSpan.FromSeconds(1), attempt, TimeSpan.FromSeconds(60)));
}
