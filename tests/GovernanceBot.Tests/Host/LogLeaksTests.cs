using GovernanceBot.Tests.GitHub;

namespace GovernanceBot.Tests.Host;

/// <summary>The leak detector on its own: no host, no GitHub, no Prism.</summary>
public sealed class LogLeaksTests
{
    [Fact]
    public void The_leak_detector_finds_each_kind_of_secret()
    {
        var keyLine = AdapterUnderTest.AppKey.ExportRSAPrivateKeyPem().Split('\n')[3];
        string[] lines =
        [
            $"secret {BotHost.Secret}", $"old {BotHost.OldSecret}", $"key {keyLine}", "Authorization: token ghs_fake42",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiI0MjQyIn0.sig", "nothing to see here",
        ];

        Assert.Equal(5, LogLeaks.In(lines).Count());
    }
}
