using System.Net;
using System.Text;
using GovernanceBot.GitHub;

namespace GovernanceBot.Tests.GitHub;

/// <summary>What the REST client makes of GitHub's error answers and <c>Link</c> headers (the rest is shown through the fake, in the adapter's tests).</summary>
public sealed class GitHubRestTests
{
    [Fact]
    public void A_validation_error_carries_githubs_message_and_each_error_code()
    {
        var e = Error(HttpStatusCode.UnprocessableEntity, """{"message":"Validation Failed","errors":[{"resource":"Label","code":"already_exists","field":"name"}],"documentation_url":"https://docs.github.com/rest"}""");

        Assert.Equal("Validation Failed", e.Message);
        Assert.Equal(["already_exists"], e.ErrorCodes);
        Assert.False(e.IsRateLimit);
    }

    [Theory]
    [InlineData(403, """{"message":"API rate limit exceeded for installation ID 1."}""", "X-RateLimit-Remaining", "0", true)]
    [InlineData(403, """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}""", null, null, true)]
    [InlineData(429, """{"message":"Too many requests"}""", "Retry-After", "30", true)]
    [InlineData(403, """{"message":"Resource not accessible by integration"}""", "X-RateLimit-Remaining", "4000", false)]
    [InlineData(404, """{"message":"Not Found"}""", null, null, false)]
    [InlineData(403, "<html>You have exceeded a secondary rate limit</html>", null, null, true)]
    public void A_rate_limit_is_told_from_a_refusal(int status, string body, string? header, string? value, bool isRateLimit)
    {
        var e = Error((HttpStatusCode)status, body, header is null ? [] : [(header, value!)]);

        Assert.Equal(isRateLimit, e.IsRateLimit);
        Assert.Equal((HttpStatusCode)status, e.StatusCode);
    }

    [Fact]
    public void An_answer_that_is_not_json_is_named_by_its_status()
    {
        var e = Error(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        Assert.Equal("GitHub answered 502 Bad Gateway", e.Message);
        Assert.Empty(e.ErrorCodes);
        Assert.Equal("<html>bad gateway</html>", e.Body);
    }

    [Theory]
    [InlineData("""<https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=2>; rel="next", <https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=5>; rel="last" """, "https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=2")]
    [InlineData("""<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next" """, "https://api.github.com/x?page=3")]
    [InlineData("""<https://api.github.com/x?page=1>; rel="first", <https://api.github.com/x?page=1>; rel="prev" """, null)]
    [InlineData("""<https://api.github.com/x?labels=a,b&page=1>; rel="prev", <https://api.github.com/x?labels=a,b&page=3>; rel="next" """, "https://api.github.com/x?labels=a,b&page=3")]
    public void The_next_page_is_the_link_marked_next(string link, string? next)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("Link", link);

        Assert.Equal(next, GitHubRest.NextPage(response)?.AbsoluteUri);
    }

    [Fact]
    public void Without_a_link_header_there_is_no_next_page()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        Assert.Null(GitHubRest.NextPage(response));
    }

    private static GitHubApiException Error(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return GitHubApiException.From(response, Encoding.UTF8.GetBytes(body));
    }
}
