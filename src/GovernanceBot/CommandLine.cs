using GovernanceBot.Simulation;

namespace GovernanceBot;

/// <summary>
/// The verbs of the one executable. No arguments (or only configuration switches such as <c>--urls</c>) serve the
/// webhooks; <c>--help</c>, <c>-h</c> or a word that is not a verb print the usage and exit 2 rather than start a
/// server that was not asked for.
/// </summary>
public static class CommandLine
{
    public const string Usage =
        """
        usage: GovernanceBot [VERB] [ARGS]

          (no verb)                                    serve POST /api/github/webhooks and GET /healthz
          simulate [FILE] [--config PATH] [--json] [--raw]
                                                       run a scenario against an in-memory GitHub and print what the bot did
          check [PATH] [--tsc-size N] [--json]         validate a governance.yml (default .github/governance.yml) and show its rules
          healthcheck                                  exit 0 when the running server's /healthz answers 200
          audit OWNER/REPO#N [--token TOKEN] [--api-url URL] [--bot LOGIN]
                                                       recompute an issue's decision from GitHub and compare it with the bot's record
                                                       (token from GITHUB_TOKEN when --token is absent)

        With dotnet: dotnet run --project src/GovernanceBot -- VERB [ARGS]

        """;

    private static readonly string[] HelpSwitches = ["--help", "-h", "-?", "help"];

    /// <summary>Runs the verb in <paramref name="args"/>; null when there is none and the server should start.</summary>
    public static async Task<int?> RunVerbAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0) return null;
        var first = args[0];
        switch (first)
        {
            case SimulateCommand.Verb:
                return await SimulateCommand.RunAsync(args[1..], stdout, stderr);
            case CheckCommand.Verb:
                return await CheckCommand.RunAsync(args[1..], stdout, stderr);
            case AuditCommand.Verb:
                return await AuditCommand.RunAsync(args[1..], stdout, stderr);
            case HealthcheckCommand.Verb:
                return await HealthcheckCommand.RunAsync(stderr);
        }

        // A first argument with a dash is the server's configuration (--urls, --environment, --Key=value), unless it asks for help.
        if (first.StartsWith('-') && !HelpSwitches.Contains(first, StringComparer.Ordinal)) return null;

        if (HelpSwitches.Contains(first, StringComparer.Ordinal))
        {
            await stdout.WriteAsync(Usage);
            return 2;
        }

        await stderr.WriteLineAsync($"GovernanceBot: unknown verb “{first}”.");
        await stderr.WriteAsync(Usage);
        return 2;
    }
}
