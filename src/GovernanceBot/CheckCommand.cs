using System.Globalization;
using GovernanceBot.Domain.Config;
using GovernanceBot.Domain.Rendering;
using GovernanceBot.Processing;

namespace GovernanceBot;

/// <summary>
/// <c>check [PATH] [--tsc-size N] [--json]</c>: validates a governance.yml exactly as the bot reads it and prints
/// its problems, or the rules in force with their worked tables. Exit 0 valid, 1 invalid, 2 unreadable or bad usage.
/// </summary>
public static class CheckCommand
{
    public const string Verb = "check";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParseArgs(args, out var path, out var tscSize, out var json))
        {
            await stderr.WriteAsync(CheckReport.Usage);
            return 2;
        }

        string text;
        try
        {
            if (Directory.Exists(path))
            {
                await stderr.WriteAsync(CheckReport.Unreadable(path, "is a directory, not a file"));
                return 2;
            }

            if (!File.Exists(path))
            {
                await stderr.WriteAsync(CheckReport.NoSuchFile(path));
                return 2;
            }

            text = await File.ReadAllTextAsync(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteAsync(CheckReport.Unreadable(path, $"cannot be read: {e.Message}"));
            return 2;
        }

        var result = ConfigParser.Parse(text, path);
        await stdout.WriteAsync(json ? CheckReport.JsonReport(result, tscSize) : CheckReport.Text(result, tscSize));
        return result is ConfigResult.Valid ? 0 : 1;
    }

    private static bool TryParseArgs(IReadOnlyList<string> args, out string path, out int? tscSize, out bool json)
    {
        path = Reconciler.ConfigPath;
        tscSize = null;
        json = false;
        string? given = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--tsc-size" when i + 1 < args.Count
                    && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= CheckReport.MaxTscSize:
                    tscSize = n;
                    i++;
                    break;
                case var a when a.StartsWith('-') || given is not null:
                    return false;
                default:
                    given = args[i];
                    break;
            }
        }

        path = given ?? path;
        return true;
    }
}
