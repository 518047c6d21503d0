using System.Reflection;

namespace GovernanceBot.Simulation;

/// <summary>
/// <c>simulate [FILE] [--config PATH] [--json] [--raw]</c>: runs a scenario and prints what the bot did. With
/// <c>--config</c> the repository's governance.yml is that file instead of the scenario's <c>config</c>.
/// Exit 0, or 2 for a bad scenario, an unreadable file or bad usage.
/// </summary>
public static class SimulateCommand
{
    public const string Verb = "simulate";
    public const string SampleResource = "GovernanceBot.Simulation.sample.scenario.yml";
    public const string Usage = "usage: simulate [FILE] [--config PATH] [--json] [--raw]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var json = false;
        var raw = false;
        string? configPath = null;
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--raw": raw = true; break;
                case "--config" when i + 1 < args.Count && configPath is null: configPath = args[++i]; break;
                default: files.Add(args[i]); break;
            }
        }

        if (files.Count > 1 || files.Any(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var text = files.Count == 0 ? Sample() : await ReadAsync(files[0], "scenario", stderr);
        var config = configPath is null ? null : await ReadAsync(configPath, "configuration", stderr);
        if (text is null || (configPath is not null && config is null)) return 2;

        Scenario scenario;
        SimulationResult result;
        try
        {
            scenario = ScenarioReader.Parse(text);
            if (configPath is not null) scenario = scenario with { Config = config, ConfigName = configPath };
            result = await Simulator.RunAsync(scenario);
        }
        catch (ScenarioException e)
        {
            await stderr.WriteLineAsync($"simulate: {(files.Count == 0 ? "the bundled sample" : files[0])}: {e.Message}");
            return 2;
        }

        await stdout.WriteAsync(json ? SimulationPrinter.Json(result) + "\n" : SimulationPrinter.Text(scenario, result, raw));
        return 0;
    }

    private static async Task<string?> ReadAsync(string path, string what, TextWriter stderr)
    {
        try
        {
            if (File.Exists(path)) return await File.ReadAllTextAsync(path);
            await stderr.WriteLineAsync(Directory.Exists(path)
                ? $"simulate: {path} is a directory, not a {what} file"
                : $"simulate: there is no file {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"simulate: the {what} file {path} cannot be read: {e.Message}");
        }

        return null;
    }

    /// <summary>The bundled sample scenario: a complete RFC that ends approved.</summary>
    public static string Sample()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SampleResource)
            ?? throw new InvalidOperationException("the sample scenario is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
