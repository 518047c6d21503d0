namespace GovernanceBot.Domain.Commands;

/// <summary>Finds the commands in a comment body (design section 3).</summary>
public static class CommandParser
{
    /// <summary>Every command line of <paramref name="body"/>, in order. Lines in code, quotes and HTML comments are never commands.</summary>
    public static IReadOnlyList<Command> Parse(string? body) => throw new NotImplementedException();
}
