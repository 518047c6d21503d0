using System.Runtime.CompilerServices;

namespace GovernanceBot.Domain.Tests.Support;

/// <summary>
/// Golden files: the exact text the bot writes, kept under <c>Golden/</c> beside the tests. A difference fails the test.
/// To accept a deliberate change, run the tests with <c>UPDATE_GOLDEN=1</c> and review the diff in git.
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var dir = Path.Combine(FindTestsRoot(caller), "Golden");
        var path = Path.Combine(dir, name + ".md");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {path}; run the tests with UPDATE_GOLDEN=1 to create it, then review it");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            File.WriteAllText(Path.ChangeExtension(path, ".received.md"), actual);
        }

        Assert.Equal(expected, actual);
    }

    private static string FindTestsRoot(string caller)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovernanceBot.Domain.Tests.csproj"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the test project folder from " + caller);
    }
}
