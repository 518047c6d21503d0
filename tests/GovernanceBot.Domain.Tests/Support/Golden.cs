using System.Runtime.CompilerServices;

namespace GovernanceBot.Domain.Tests.Support;

/// <summary>
/// Golden files: the exact text the bot writes, kept under <c>Golden/</c> beside the tests. A difference fails the test.
/// To accept a deliberate change, run the tests with <c>UPDATE_GOLDEN=1</c> and review the diff in git.
/// </summary>
public static class Golden
{
    /// <summary>Pins <paramref name="actual"/> in <c>Golden/{name}{extension}</c>: <c>.md</c> for comments, <c>.txt</c> for terminal output.</summary>
    public static void Verify(string name, string actual, string extension = ".md", [CallerFilePath] string caller = "")
    {
        var dir = Folder(caller);
        var path = Path.Combine(dir, name + extension);
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
            File.WriteAllText(Path.ChangeExtension(path, ".received" + extension), actual);
        }

        Assert.Equal(expected, actual);
    }

    /// <summary>The <c>Golden/</c> folder in the source tree (not the build output), where the files are reviewed.</summary>
    public static string Folder([CallerFilePath] string caller = "") => Path.Combine(FindTestsRoot(caller), "Golden");

    private static string FindTestsRoot(string caller)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovernanceBot.Domain.Tests.csproj"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the test project folder from " + caller);
    }
}
