using System.Buffers;
using System.Text.Json;

namespace GovernanceBot.Webhooks;

/// <summary>Whether a delivery's body is a JSON object, checked on the pooled bytes without building a document.</summary>
public static class JsonPayload
{
    /// <summary>Null for a well-formed JSON object; else what is wrong, in a few words with GitHub's sender in mind.</summary>
    public static string? Problem(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty) return "the body is empty";
        if (IsWhiteSpace(body)) return "the body holds only white space";
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject) return $"it starts with a {Describe(reader.TokenType)}, not an object";
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}";
        }
    }

    private static bool IsWhiteSpace(ReadOnlySequence<byte> body)
    {
        foreach (var segment in body)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
            }
        }

        return true;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
