using GovernanceBot.Domain.Commands;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;

namespace GovernanceBot.Domain.Tests.Config;

/// <summary><c>confirm: nominee</c> and <c>confirm_within</c> in governance.yml, the nomination commands, and how check shows them.</summary>
public sealed class ConfigNominationTests
{
    private const string Source = ".github/governance.yml";

    private const string Example = """
        tsc: { members: [alice, bob, carol] }
        processes:
          rfc:
          maintainer-nomination:
            confirm: nominee
            confirm_within: 10d
            approval: 2/3
        """;

    private static ConfigResult Parse(string text) => ConfigParser.Parse(text, Source);

    [Fact]
    public void Confirm_nominee_and_confirm_within_are_read_per_profile_and_default_to_none_and_14d()
    {
        var policy = Assert.IsType<ConfigResult.Valid>(Parse(Example)).Policy;

        var nomination = policy.ProfileFor("maintainer-nomination")!;
        Assert.Equal((ConfirmMode.Nominee, TimeSpan.FromDays(10)), (nomination.Confirm, nomination.ConfirmWithin));
        var rfc = policy.ProfileFor("rfc")!;
        Assert.Equal((ConfirmMode.None, TimeSpan.FromDays(14)), (rfc.Confirm, rfc.ConfirmWithin));
    }

    [Theory]
    [InlineData("confirm: nominees", "processes.rfc.confirm", "\"nominees\" is not who must confirm")]
    [InlineData("confirm: nominee\n    confirm_within: soon", "processes.rfc.confirm_within", "\"soon\" is not a duration")]
    [InlineData("confirm: nominee\n    confirm_within: 14", "processes.rfc.confirm_within", "\"14\" has no unit")]
    public void A_bad_confirm_setting_is_an_error_with_its_line_and_key(string setting, string key, string message)
    {
        var invalid = Assert.IsType<ConfigResult.Invalid>(Parse($"tsc: {{ members: [alice] }}\nprocesses:\n  rfc:\n    {setting}"));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_shows_the_confirmation_in_its_table_and_json()
    {
        var valid = Assert.IsType<ConfigResult.Valid>(Parse(Example));

        Assert.Contains("confirm: nominee: the discussion starts when the nominee (/governance nominate <login>) accepts; confirm_within 10d, else cancelled", CheckReport.Text(valid, 3), StringComparison.Ordinal);
        var json = CheckReport.JsonReport(valid, 3);
        Assert.Contains("\"confirm\": \"nominee\"", json, StringComparison.Ordinal);
        Assert.Contains("\"confirmWithin\": \"10d\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/governance nominate @frank", "frank")]
    [InlineData("/governance nominate frank.", "frank")]
    [InlineData("/Governance NOMINATE @Frank-B", "Frank-B")]
    public void Nominate_reads_one_login_with_or_without_its_at_sign(string line, string login)
    {
        var nominate = Assert.IsType<Command.Nominate>(Assert.Single(CommandParser.Parse(line)));
        Assert.Equal(login, nominate.Login);
    }

    [Theory]
    [InlineData("/governance nominate")]
    [InlineData("/governance nominate @frank @grace")]
    [InlineData("/governance nominate the new person")]
    [InlineData("/governance nominate @-frank")]
    [Trait("Category", "Hostile")]
    public void Nominate_without_exactly_one_valid_login_is_malformed(string line)
    {
        var malformed = Assert.IsType<Command.Malformed>(Assert.Single(CommandParser.Parse(line)));
        Assert.Equal(CommandProblem.BadNominee, malformed.Problem);
    }

    [Fact]
    public void Accept_and_decline_are_commands_but_not_inside_code_or_quotes()
    {
        Assert.IsType<Command.Accept>(Assert.Single(CommandParser.Parse("Happy to!\n\n/governance accept")));
        Assert.IsType<Command.Decline>(Assert.Single(CommandParser.Parse("/governance decline, sorry")));
        Assert.Empty(CommandParser.Parse("> /governance accept\n\n`/governance decline`"));
    }
}
