using GovernanceBot.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace GovernanceBot.Tests.GitHub;

public sealed class RateLimitBudgetTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));

    private static HttpResponseMessage Answer(int remaining, int limit = 5000)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset", DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpRequestMessage Request(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.github.com/repos/o/r");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Theory]
    [InlineData(4999, false)]
    [InlineData(500, false)]
    [InlineData(499, true)]
    [InlineData(0, true)]
    public void The_budget_is_low_below_a_tenth_of_the_limit(int remaining, bool low)
    {
        var budget = new RateLimitBudget(_clock);
        using var request = Request("ghs_one");
        using var response = Answer(remaining);
        budget.Observe(request, response);
        Assert.Equal(low, budget.IsLow);
    }

    [Fact]
    public void Each_installation_token_is_tracked_on_its_own()
    {
        var budget = new RateLimitBudget(_clock);
        using (var r1 = Request("ghs_one"))
        using (var a1 = Answer(4000)) budget.Observe(r1, a1);
        using (var r2 = Request("ghs_two"))
        using (var a2 = Answer(100)) budget.Observe(r2, a2);

        Assert.Equal([4000, 100], budget.Remaining.Order().Reverse());
        Assert.True(budget.IsLow);
    }

    [Fact]
    public async Task Content_creating_requests_are_paced_at_80_a_minute()
    {
        var budget = new RateLimitBudget(_clock);
        for (var i = 0; i < RateLimitBudget.WritesPerMinute; i++)
        {
            await budget.PaceWriteAsync(CancellationToken.None);
        }

        var eightyFirst = budget.PaceWriteAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(eightyFirst.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        Assert.False(eightyFirst.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await eightyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
