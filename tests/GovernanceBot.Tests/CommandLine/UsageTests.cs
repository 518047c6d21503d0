using System.Diagnostics;

namespace GovernanceBot.Tests.CommandLine;

/// <summary>Help and unknown verbs print the usage and exit 2; no verb at all serves.</summary>
public sealed class UsageTests
{
    private static async Task<(int? Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await GovernanceBot.CommandLine.RunVerbAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_the_usage_with_every_verb_and_exits_2(string help)
    {
        var (code, text, _) = await Run(help);

        Assert.Equal(2, code);
        foreach (var verb in new[] { "(no verb)", "simulate", "check", "healthcheck", "audit" }) Assert.Contains(verb, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("simualte")]
    [InlineData("audti")]
    public async Task An_unknown_verb_is_named_and_exits_2_without_starting_the_server(string verb)
    {
        var (code, _, err) = await Run(verb, "x");

        Assert.Equal(2, code);
        Assert.Contains($"unknown verb “{verb}”", err, StringComparison.Ordinal);
        Assert.Contains("usage:", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5005")]
    [InlineData("--environment=Development")]
    public async Task No_verb_or_only_configuration_switches_start_the_server(params string[] args)
    {
        var (code, text, err) = await Run(args);

        Assert.Null(code);
        Assert.Empty(text + err);
    }

    // The real entry point: before this, --help started the web host, which died on the missing webhook secret.
    [Theory]
    [InlineData("--help")]
    [InlineData("frobnicate")]
    public async Task The_executable_exits_2_at_once_without_a_stack_trace(string arg)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GovernanceBot.dll"), arg])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("usage:", await output + await errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await errors, StringComparison.Ordinal);
    }
}
