namespace GovernanceBot.Domain.Rendering;

// Placeholder until the commands branch lands; replaced on merge.
public static class MarkdownText
{
    public static string Quote(string text) => "> " + text.Replace("@", "@&#8203;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace("\n", "\n> ", StringComparison.Ordinal);

    public static string Inline(string text) => text.Replace("@", "@&#8203;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
