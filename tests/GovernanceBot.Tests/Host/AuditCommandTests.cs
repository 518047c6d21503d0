using GovernanceBot.Tests.Fakes;

namespace GovernanceBot.Tests.Host;

/// <summary>
/// <c>audit OWNER/REPO#N</c> against the fake GitHub behind Prism: the real bot runs an RFC to its decision, then the
/// audit reads the issue in-process with a person's plain token (no App credentials) and recomputes it.
/// </summary>
[Collection(GitHubBehindPrismCollection.Name)]
public sealed class AuditCommandTests(GitHubBehindPrism wire) : IAsyncLifetime
{
    private const string Token = "ghp_auditor0000000000000000000000000000";
    private const string Target = "octo-org/rfcs#12";

    private GovernanceApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await GovernanceApp.StartAsync(wire, new GovernanceAppOptions { TickWhileSettling = (TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(25)) });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_decided_issue_agrees_and_the_audit_prints_the_tally_the_electorate_and_each_vote_with_its_link()
    {
        var votes = await DecidedAsync();
        var before = _app.GitHub.Requests().Count;

        var (code, output, errors) = await AuditAsync();

        Assert.True(code == 0, output + errors);
        Assert.Contains("Audit of octo-org/rfcs#12", output);
        Assert.Contains("approved", output);
        Assert.Contains("Electorate (3): alice, bob, carol", output);
        Assert.Contains("Tally: 2 × +1, 0 × 0, 1 × -1", output);
        foreach (var id in votes) Assert.Contains($"#issuecomment-{id}", output);
        Assert.Contains("Agrees:", output);

        // Read only, and only with the person's token: no write, no App JWT, no installation token.
        var audit = _app.GitHub.Requests().Skip(before).ToList();
        Assert.NotEmpty(audit);
        Assert.All(audit, r => Assert.Equal("Bearer " + Token, r.Authorization));
        Assert.All(audit, r => Assert.True(r.Method == "GET" || r.Path == "/graphql", $"{r.Method} {r.Path}"));

        // The bot's account named: the same; another account named: no record of it to check.
        Assert.Equal(0, (await AuditAsync(extra: ["--bot", "governance-bot[bot]"])).Code);
        var (other, _, otherErrors) = await AuditAsync(extra: ["--bot", "other-app[bot]"]);
        Assert.Equal(1, other);
        Assert.Contains("no status comment written by other-app[bot]", otherErrors);
        _app.AssertNoViolations();
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public async Task A_forged_copy_of_the_state_posted_by_a_user_is_reported_as_a_difference()
    {
        await DecidedAsync();
        await _app.StopAsync();
        var forged = _app.StatusComment.Body.Replace("\"approved\"", "\"rejected\"", StringComparison.Ordinal);
        var mallory = _app.CommentWithoutWebhook("mallory", forged);

        var (code, output, errors) = await AuditAsync();

        Assert.True(code == 1, output + errors);
        Assert.Contains($"posted by mallory, not by the bot; it is not the record: https://github.com/octo-org/rfcs/issues/12#issuecomment-{mallory}", output);
        Assert.Contains("Differs: 1 difference", output);
        _app.AssertNoViolations();
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public async Task A_status_comment_edited_by_someone_else_is_reported_as_a_difference()
    {
        await DecidedAsync();
        await _app.StopAsync();
        var status = _app.StatusComment;
        _app.GitHub.EditComment(status.Id, status.Body.Replace("\"approved\"", "\"rejected\"", StringComparison.Ordinal), by: "admin");

        var (code, output, errors) = await AuditAsync();

        Assert.True(code == 1, output + errors);
        Assert.Contains("the bot's status comment was last edited by admin, not by the bot", output);
        Assert.Contains("outcome recorded rejected, recomputed approved", output);
        _app.AssertNoViolations();
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public async Task A_vote_edited_after_the_close_is_counted_as_it_stood_at_the_close_and_agrees()
    {
        await VotingOpensAsync();
        await _app.VoteAsync("alice", "+1");
        await _app.SettleAsync();
        var bob = await _app.VoteAsync("bob", "+1");
        await _app.SettleAsync();
        await _app.AdvanceAsync(TimeSpan.FromDays(7)); // carol never votes: the vote closes at its deadline, approved
        await _app.SettleAsync(() => _app.Has("governance/approved"));
        await _app.StopAsync();
        _app.Advance(TimeSpan.FromDays(1));
        _app.GitHub.EditComment(bob, "/vote -1 Changed my mind after the close.");

        var (code, output, errors) = await AuditAsync();

        Assert.True(code == 0, output + errors);
        Assert.Contains("Tally: 2 × +1, 0 × 0, 0 × -1", output);
        Assert.Contains($"bob +1 at", output);
        Assert.Contains("Did not vote: carol", output);
        _app.AssertNoViolations();
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public async Task A_vote_that_closed_the_vote_early_and_was_edited_after_the_close_still_agrees()
    {
        var votes = await DecidedAsync(); // carol's +1 closed it: everyone had voted
        await _app.StopAsync();
        _app.Advance(TimeSpan.FromDays(1));
        _app.GitHub.EditComment(votes[2], "/vote -1 Changed my mind after the close.");

        var (code, output, errors) = await AuditAsync();

        Assert.True(code == 0, output + errors);
        Assert.Contains("every member of the electorate had voted", output);
        Assert.Contains("Tally: 2 × +1, 0 × 0, 1 × -1", output);
        Assert.Contains("carol +1 at", output);
        _app.AssertNoViolations();
    }

    [Fact]
    [Trait("Category", "Hostile")]
    public async Task A_bad_target_an_unknown_issue_and_a_rejected_token_exit_2_with_a_clear_error()
    {
        var (code, _, errors) = await AuditAsync(target: "octo-org/rfcs");
        Assert.Equal(2, code);
        Assert.Contains("“octo-org/rfcs” is not OWNER/REPO#N", errors);
        Assert.Contains("usage: GovernanceBot audit OWNER/REPO#N", errors);

        (code, _, errors) = await AuditAsync(target: "octo-org/rfcs#999");
        Assert.Equal(2, code);
        Assert.Contains("octo-org/rfcs#999 was not found", errors);

        (code, _, errors) = await AuditAsync(token: "ghp_revoked");
        Assert.Equal(2, code);
        Assert.Contains("401 Bad credentials", errors);

        (code, _, errors) = await AuditAsync(token: "");
        Assert.Equal(2, code);
        Assert.Contains("without a token", errors);

        (code, _, errors) = await AuditAsync(extra: ["--frobnicate"]);
        Assert.Equal(2, code);
        Assert.Contains("usage: GovernanceBot audit", errors);
    }

    /// <summary>The audit in-process, against the same fake GitHub behind Prism, with a person's token from GITHUB_TOKEN.</summary>
    private async Task<(int Code, string Output, string Errors)> AuditAsync(string target = Target, string token = Token, string[]? extra = null)
    {
        _app.GitHub.AllowPersonalToken(Token);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = [target, "--api-url", _app.ApiUrl, .. extra ?? []];
        var code = await AuditCommand.RunAsync(
            args, stdout, stderr, name => name == AuditCommand.TokenVariable ? token : null, _app.Clock, _app.Prism.CreateCheckingHandler(), CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The RFC runs to its decision: alice and carol +1, bob -1; the vote closes when all have voted.</summary>
    private async Task<long[]> DecidedAsync()
    {
        await VotingOpensAsync();
        var alice = await _app.VoteAsync("alice", "+1");
        var bob = await _app.VoteAsync("bob", "-1 Security releases need their own lane.");
        var carol = await _app.VoteAsync("carol", "+1");
        await _app.SettleAsync(() => _app.Has("governance/approved"));
        return [alice, bob, carol];
    }

    private async Task VotingOpensAsync()
    {
        await _app.LabelAsync("rfc", by: "dana");
        await _app.SettleAsync(() => _app.Has("governance/discussion"));
        _app.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await _app.SettleAsync(() => _app.Has("governance/voting"));
        _app.Advance(TimeSpan.FromHours(1));
    }
}
