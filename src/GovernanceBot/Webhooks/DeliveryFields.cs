using System.Text.Json;

namespace GovernanceBot.Webhooks;

/// <summary>
/// What a delivery is routed by, read with a <see cref="Utf8JsonReader"/> in one pass over the bytes, whatever the event:
/// the action, the installation, the repository (owner, name, whether it is private), the issue or pull request number,
/// the check run's name and pull requests, the repositories removed from an installation. Nothing else of the payload
/// is kept. Building a whole event model for these few fields cost about 38 KB and most of the acknowledgement's CPU per
/// 13-KB delivery, and 20 MB of resident memory (code and serializer metadata) the first time each event type came
/// (README, "Performance").
/// </summary>
/// <remarks>
/// A field the router reads that has another shape than GitHub sends (an installation that is a string, a number that
/// is text) makes the whole delivery unreadable: <see cref="Read"/> names the field, and the delivery is acknowledged
/// and ignored. Fields the router does not read are skipped unparsed, whatever they hold.
/// </remarks>
public sealed record DeliveryFields
{
    private static readonly long[] NoNumbers = [];
    private static readonly string[] NoNames = [];

    public string? Action { get; private init; }

    public long? InstallationId { get; private init; }

    public string? Owner { get; private init; }

    public string? Repository { get; private init; }

    /// <summary><c>repository.private</c>, or null when the payload does not say.</summary>
    public bool? RepositoryPrivate { get; private init; }

    /// <summary><c>issue.number</c>: <c>issues</c> and <c>issue_comment</c> (on an issue or a pull request).</summary>
    public long? IssueNumber { get; private init; }

    /// <summary>The top-level <c>number</c> of a <c>pull_request</c> delivery, else <c>pull_request.number</c>.</summary>
    public long? PullRequestNumber { get; private init; }

    /// <summary><c>check_run.name</c>.</summary>
    public string? CheckRunName { get; private init; }

    /// <summary>The <c>number</c> of each of <c>check_run.pull_requests</c>, in order.</summary>
    public IReadOnlyList<long> CheckRunPullRequests { get; private init; } = NoNumbers;

    /// <summary>The <c>full_name</c> of each of <c>repositories_removed</c> (<c>installation_repositories</c>).</summary>
    public IReadOnlyList<string> RepositoriesRemoved { get; private init; } = NoNames;

    /// <summary>
    /// The fields of <paramref name="body"/>, and whether the whole body is one well-formed JSON object: the body is read
    /// to its end even after a field of another shape, so this one pass is also the endpoint's JSON check.
    /// </summary>
    public static DeliveryReading Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var read = new Reader();
        string? problem;
        try
        {
            problem = read.Delivery(ref reader);

            // The rest of the body, unread after a field of another shape, and anything after the object: still JSON?
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return new DeliveryReading(read.Fields, null, Malformed: true);
        }

        return problem == NotAnObject ? new DeliveryReading(read.Fields, null, Malformed: true) : new DeliveryReading(read.Fields, problem, Malformed: false);
    }

    private const string NotAnObject = "the body is not a JSON object";

    /// <summary>One reading; each method returns null, or what was not of GitHub's shape.</summary>
    private sealed class Reader
    {
        private string? _action;
        private long? _installation;
        private (string? Name, string? Owner, bool? Private) _repository;
        private long? _issue;
        private long? _number;
        private long? _pullRequest;
        private (string? Name, List<long>? PullRequests) _checkRun;
        private List<string>? _removed;

        public DeliveryFields Fields => new()
        {
            Action = _action,
            InstallationId = _installation,
            Owner = _repository.Owner,
            Repository = _repository.Name,
            RepositoryPrivate = _repository.Private,
            IssueNumber = _issue,
            PullRequestNumber = _number ?? _pullRequest,
            CheckRunName = _checkRun.Name,
            CheckRunPullRequests = _checkRun.PullRequests ?? (IReadOnlyList<long>)NoNumbers,
            RepositoriesRemoved = _removed ?? (IReadOnlyList<string>)NoNames,
        };

        public string? Delivery(ref Utf8JsonReader reader)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return NotAnObject;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var problem =
                    reader.ValueTextEquals("action"u8) ? String(ref reader, "action", out _action)
                    : reader.ValueTextEquals("installation"u8) ? Object(ref reader, "installation", ref _installation, InstallationProperty)
                    : reader.ValueTextEquals("repository"u8) ? Object(ref reader, "repository", ref _repository, RepositoryProperty)
                    : reader.ValueTextEquals("issue"u8) ? NumberIn(ref reader, "issue", out _issue)
                    : reader.ValueTextEquals("pull_request"u8) ? NumberIn(ref reader, "pull_request", out _pullRequest)
                    : reader.ValueTextEquals("number"u8) ? Number(ref reader, "number", out _number)
                    : reader.ValueTextEquals("check_run"u8) ? Object(ref reader, "check_run", ref _checkRun, CheckRunProperty)
                    : reader.ValueTextEquals("repositories_removed"u8) ? Array(ref reader, "repositories_removed", _removed ??= [], RemovedRepository)
                    : SkipValue(ref reader);
                if (problem is not null) return problem;
            }

            return null;
        }

        private static string? InstallationProperty(ref Utf8JsonReader r, ref long? id) =>
            r.ValueTextEquals("id"u8) ? Number(ref r, "installation.id", out id) : SkipValue(ref r);

        private static string? RepositoryProperty(ref Utf8JsonReader r, ref (string? Name, string? Owner, bool? Private) value)
        {
            if (r.ValueTextEquals("name"u8)) return String(ref r, "repository.name", out value.Name);
            if (r.ValueTextEquals("private"u8)) return Boolean(ref r, "repository.private", out value.Private);
            return r.ValueTextEquals("owner"u8) ? Object(ref r, "repository.owner", ref value.Owner, OwnerProperty) : SkipValue(ref r);
        }

        private static string? OwnerProperty(ref Utf8JsonReader r, ref string? login) =>
            r.ValueTextEquals("login"u8) ? String(ref r, "repository.owner.login", out login) : SkipValue(ref r);

        private static string? CheckRunProperty(ref Utf8JsonReader r, ref (string? Name, List<long>? PullRequests) value)
        {
            if (r.ValueTextEquals("name"u8)) return String(ref r, "check_run.name", out value.Name);
            return r.ValueTextEquals("pull_requests"u8) ? Array(ref r, "check_run.pull_requests", value.PullRequests ??= [], CheckRunPullRequest) : SkipValue(ref r);
        }

        private static string? CheckRunPullRequest(ref Utf8JsonReader r, List<long> numbers)
        {
            (string Path, long? Value) number = ("check_run.pull_requests[]", null);
            var problem = ObjectHere(ref r, number.Path, ref number, NumberProperty);
            if (number.Value is { } n) numbers.Add(n);
            return problem;
        }

        private static string? RemovedRepository(ref Utf8JsonReader r, List<string> names)
        {
            string? name = null;
            var problem = ObjectHere(ref r, "repositories_removed[]", ref name, FullNameProperty);
            if (name is not null) names.Add(name);
            return problem;
        }

        private static string? FullNameProperty(ref Utf8JsonReader r, ref string? name) =>
            r.ValueTextEquals("full_name"u8) ? String(ref r, "repositories_removed[].full_name", out name) : SkipValue(ref r);
    }

    private delegate string? PropertyReader<T>(ref Utf8JsonReader reader, ref T value);

    private delegate string? ElementReader<T>(ref Utf8JsonReader reader, T state);

    /// <summary>The object that is the value of the property the reader is on (or null), each property given to <paramref name="property"/>.</summary>
    private static string? Object<T>(ref Utf8JsonReader reader, string path, ref T value, PropertyReader<T> property)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : ObjectHere(ref reader, path, ref value, property);
    }

    /// <summary>The object the reader is on.</summary>
    private static string? ObjectHere<T>(ref Utf8JsonReader reader, string path, ref T value, PropertyReader<T> property)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return $"{path} is not an object";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (property(ref reader, ref value) is { } problem) return problem;
        }

        return null;
    }

    /// <summary>The array that is the value of the property the reader is on (or null), each element given to <paramref name="element"/>.</summary>
    private static string? Array<T>(ref Utf8JsonReader reader, string path, T state, ElementReader<T> element)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) return $"{path} is not an array";
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (element(ref reader, state) is { } problem) return problem;
        }

        return null;
    }

    /// <summary>The <c>number</c> of the object that is the value of the property the reader is on.</summary>
    private static string? NumberIn(ref Utf8JsonReader reader, string path, out long? number)
    {
        (string Path, long? Value) value = (path, null);
        var problem = Object(ref reader, path, ref value, NumberProperty);
        number = value.Value;
        return problem;
    }

    /// <summary>The <c>number</c> property of an object at <c>value.Path</c>.</summary>
    private static string? NumberProperty(ref Utf8JsonReader reader, ref (string Path, long? Value) value) =>
        reader.ValueTextEquals("number"u8) ? Number(ref reader, value.Path + ".number", out value.Value) : SkipValue(ref reader);

    private static string? Number(ref Utf8JsonReader reader, string path, out long? value)
    {
        reader.Read();
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            value = number;
            return null;
        }

        reader.Skip();
        return $"{path} is not a whole number";
    }

    private static string? String(ref Utf8JsonReader reader, string path, out string? value)
    {
        reader.Read();
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString();
            return null;
        }

        reader.Skip();
        return $"{path} is not a string";
    }

    private static string? Boolean(ref Utf8JsonReader reader, string path, out bool? value)
    {
        reader.Read();
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        if (value is not null || reader.TokenType == JsonTokenType.Null) return null;
        reader.Skip();
        return $"{path} is not true or false";
    }

    /// <summary>Past the value of the property the reader is on.</summary>
    private static string? SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
        return null;
    }
}

/// <summary>
/// What one pass over a delivery found: its routing fields, the first field of another shape than GitHub sends (the
/// delivery is then ignored, with that reason), and whether the body is not one well-formed JSON object at all (refused).
/// </summary>
public readonly record struct DeliveryReading(DeliveryFields Fields, string? Problem, bool Malformed);
