using System.Reflection;

namespace GovernanceBot.Simulation;

/// <summary><c>simulate [FILE] [--json]</c>: runs a scenario and prints what the bot did. Exit 0, or 2 for a bad scenario or usage.</summary>
public static class SimulateCommand
{
    public const string Verb = "simulate";
    public const string SampleResource = "GovernanceBot.Simulation.sample.scenario.yml";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var json = args.Contains("--json");
        var files = args.Where(a => a != "--json").ToList();
        if (files.Count > 1 || files.Any(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            await stderr.WriteLineAsync("usage: simulate [FILE] [--json]");
            return 2;
        }

        string text;
        if (files.Count == 0)
        {
            text = Sample();
        }
        else if (!File.Exists(files[0]))
        {
            await stderr.WriteLineAsync($"simulate: there is no file {files[0]}");
            return 2;
        }
        else
        {
            text = await File.ReadAllTextAsync(files[0]);
        }

        Scenario scenario;
        SimulationResult result;
        try
        {
            scenario = ScenarioReader.Parse(text);
            result = await Simulator.RunAsync(scenario);
        }
        catch (ScenarioException e)
        {
            await stderr.WriteLineAsync($"simulate: {(files.Count == 0 ? "the bundled sample" : files[0])}: {e.Message}");
            return 2;
        }

        await stdout.WriteAsync(json ? SimulationPrinter.Json(result) + "\n" : SimulationPrinter.Text(scenario, result));
        return 0;
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
