using System.Text.Json;

namespace GovernanceBot.Webhooks;

/// <summary>
/// What an <c>issue_comment</c> delivery is routed by (action, installation, repository, issue number), read with a
/// <see cref="Utf8JsonReader"/> in one pass over the bytes. Comments are most of GitHub's deliveries, and building
/// Octokit.Webhooks' whole event model for five fields cost about 38 KB and most of the acknowledgement's CPU per
/// 13-KB delivery (README, "Performance"). Anything unexpected returns false, and the router reads the full model.
/// </summary>
public readonly record struct CommentRoute(string Action, long InstallationId, string Owner, string Repository, long Number)
{
    public static bool TryRead(ReadOnlySpan<byte> body, out CommentRoute route)
    {
        route = default;
        string? action = null, owner = null, name = null;
        long? installation = null, number = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("action"u8)) action = String(ref reader);
                else if (reader.ValueTextEquals("installation"u8)) installation = Long(ref reader, "id"u8);
                else if (reader.ValueTextEquals("issue"u8)) number = Long(ref reader, "number"u8);
                else if (reader.ValueTextEquals("repository"u8)) (owner, name) = Repo(ref reader);
                else Skip(ref reader);
            }
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // a value of another type than GitHub sends (e.g. a number as a string)
        }

        if (action is null || installation is not { } id || owner is null || name is null || number is not { } n) return false;
        route = new CommentRoute(action, id, owner, name, n);
        return true;
    }

    private static string? String(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }

    /// <summary>The number in <paramref name="property"/> of the object that follows; the object is read to its end.</summary>
    private static long? Long(ref Utf8JsonReader reader, ReadOnlySpan<byte> property)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        long? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(property))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v)) value = v;
                else reader.Skip();
            }
            else
            {
                Skip(ref reader);
            }
        }

        return value;
    }

    private static (string? Owner, string? Name) Repo(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return (null, null);
        }

        string? owner = null, name = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = String(ref reader);
            }
            else if (reader.ValueTextEquals("owner"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("login"u8)) owner = String(ref reader);
                    else Skip(ref reader);
                }
            }
            else
            {
                Skip(ref reader);
            }
        }

        return (owner, name);
    }

    /// <summary>Past the value of the property the reader is on.</summary>
    private static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }
}
