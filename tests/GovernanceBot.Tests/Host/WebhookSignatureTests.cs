using GovernanceBot.Webhooks;

namespace GovernanceBot.Tests.Host;

/// <summary>The signature check on its own: no host, no GitHub.</summary>
public sealed class WebhookSignatureTests
{
    [Fact]
    public void GitHubs_documented_test_vector_verifies()
    {
        var signature = new WebhookSignature(["It's a Secret to Everybody"]);
        Assert.True(signature.IsValid("Hello, World!"u8, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
        Assert.False(signature.IsValid("Hello, World?"u8, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
    }

    [Fact]
    public void There_is_no_way_to_run_without_a_secret()
    {
        Assert.Throws<InvalidOperationException>(() => new WebhookSignature(["", null]));
    }
}
