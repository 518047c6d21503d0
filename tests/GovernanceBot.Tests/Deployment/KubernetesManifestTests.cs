using System.Globalization;
using GovernanceBot.GitHub;
using GovernanceBot.Processing;
using YamlDotNet.Serialization;

namespace GovernanceBot.Tests.Deployment;

/// <summary>The manifests under <c>src/deploy/kubernetes</c>, parsed, hold the properties the README promises.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "deploy", "kubernetes");

    private static Dictionary<object, object> Load(string file) =>
        (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(Path.Combine(Folder, file)))!;

    private static Dictionary<object, object> Map(object node, params string[] path)
    {
        foreach (var key in path) node = ((Dictionary<object, object>)node)[key];
        return (Dictionary<object, object>)node;
    }

    private static List<object> List(object node, params string[] path)
    {
        var parent = Map(node, path[..^1]);
        return (List<object>)parent[path[^1]];
    }

    private static string Text(object node, params string[] path) => (string)Map(node, path[..^1])[path[^1]];

    private static Dictionary<object, object> Container()
    {
        var deployment = Load("deployment.yaml");
        return (Dictionary<object, object>)Assert.Single(List(deployment, "spec", "template", "spec", "containers"));
    }

    private static Dictionary<string, Dictionary<object, object>> Env() =>
        List(Container(), "env").Cast<Dictionary<object, object>>().ToDictionary(e => (string)e["name"]);

    [Fact]
    public void The_kustomization_lists_every_manifest_in_the_folder()
    {
        var listed = List(Load("kustomization.yaml"), "resources").Cast<string>().Order().ToList();

        var files = Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)!).Where(f => f != "kustomization.yaml").Order().ToList();
        Assert.Equal(files, listed);
        Assert.Contains("deployment.yaml", listed);
        Assert.Contains("service.yaml", listed);
        Assert.Contains("poddisruptionbudget.yaml", listed);
        Assert.Contains("configmap.yaml", listed);
    }

    [Fact]
    public void Two_replicas_run_as_the_images_non_root_user_on_a_read_only_root_with_a_writable_tmp()
    {
        var deployment = Load("deployment.yaml");
        Assert.Equal("Deployment", Text(deployment, "kind"));
        Assert.Equal("2", Text(deployment, "spec", "replicas"));
        var pod = Map(deployment, "spec", "template", "spec");
        // The Dockerfile runs as the ASP.NET image's built-in user, $APP_UID, which is 1654.
        Assert.Contains("USER $APP_UID", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "Dockerfile")), StringComparison.Ordinal);
        Assert.Equal("true", Text(pod, "securityContext", "runAsNonRoot"));
        Assert.Equal("1654", Text(pod, "securityContext", "runAsUser"));

        var container = Container();
        Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Text(container, "securityContext", "allowPrivilegeEscalation"));
        var tmp = Assert.Single(List(container, "volumeMounts").Cast<Dictionary<object, object>>(), m => (string)m["mountPath"] == "/tmp");
        var volume = Assert.Single(List(pod, "volumes").Cast<Dictionary<object, object>>(), v => v["name"].Equals(tmp["name"]));
        Assert.True(volume.ContainsKey("emptyDir"));
    }

    [Fact]
    public void Requests_and_limits_are_set_with_room_above_the_measured_working_set()
    {
        var resources = Map(Container(), "resources");

        Assert.Equal("100m", Text(resources, "requests", "cpu"));
        var request = Mebibytes(Text(resources, "requests", "memory"));
        var limit = Mebibytes(Text(resources, "limits", "memory"));
        // The target measured under load is a working set under 120 MB: the request covers it, the limit doubles it.
        Assert.True(request * 1024 * 1024 >= 120_000_000, $"request {request}Mi");
        Assert.True(limit >= 2 * request, $"limit {limit}Mi");
    }

    private static int Mebibytes(string quantity) =>
        quantity.EndsWith("Mi", StringComparison.Ordinal) ? int.Parse(quantity[..^2], CultureInfo.InvariantCulture) : throw new FormatException(quantity);

    [Fact]
    public void Probes_ask_healthz_and_a_pre_stop_pause_drains_within_the_grace_period()
    {
        var container = Container();
        Assert.Equal("/healthz", Text(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", Text(container, "readinessProbe", "httpGet", "path"));
        var port = (Dictionary<object, object>)Assert.Single(List(container, "ports"));
        Assert.Equal("8080", (string)port["containerPort"]);
        Assert.Equal(port["name"], Map(container, "livenessProbe", "httpGet")["port"]);

        var command = List(container, "lifecycle", "preStop", "exec", "command").Cast<string>().ToList();
        Assert.Equal("sleep", command[0]);
        var pause = int.Parse(command[1], CultureInfo.InvariantCulture);
        Assert.InRange(pause, 5, 30);
        var grace = int.Parse(Text(Load("deployment.yaml"), "spec", "template", "spec", "terminationGracePeriodSeconds"), CultureInfo.InvariantCulture);
        // The pause, then the host's own shutdown (30 s at most) must fit before the kubelet kills the process.
        Assert.True(grace > pause + 30, $"grace {grace}s, pause {pause}s");
    }

    [Fact]
    public void The_service_and_the_disruption_budget_select_the_deployments_pods()
    {
        var labels = Map(Load("deployment.yaml"), "spec", "template", "metadata", "labels");
        var service = Load("service.yaml");
        var budget = Load("poddisruptionbudget.yaml");

        Assert.Equal("Service", Text(service, "kind"));
        Assert.All(Map(service, "spec", "selector"), pair => Assert.Equal(labels[pair.Key], pair.Value));
        Assert.Equal("http", Text((Dictionary<object, object>)Assert.Single(List(service, "spec", "ports")), "targetPort"));
        Assert.Equal("PodDisruptionBudget", Text(budget, "kind"));
        Assert.Equal("1", Text(budget, "spec", "minAvailable"));
        Assert.All(Map(budget, "spec", "selector", "matchLabels"), pair => Assert.Equal(labels[pair.Key], pair.Value));
    }

    [Fact]
    public void The_app_settings_come_from_a_secret_with_the_keys_the_app_reads()
    {
        var env = Env();

        foreach (var key in new[] { "GitHub__AppId", "GitHub__WebhookSecret", "GitHub__WebhookSecretFallback" })
        {
            Assert.Equal("governance-bot-github", Text(env[key], "valueFrom", "secretKeyRef", "name"));
        }

        Assert.Equal("true", Text(env["GitHub__WebhookSecretFallback"], "valueFrom", "secretKeyRef", "optional"));
        // The private key is a file from the same Secret, mounted read-only where GitHub:PrivateKeyPath points.
        var keyPath = (string)env["GitHub__PrivateKeyPath"]["value"];
        var mount = Assert.Single(List(Container(), "volumeMounts").Cast<Dictionary<object, object>>(), m => keyPath.StartsWith((string)m["mountPath"] + "/", StringComparison.Ordinal));
        Assert.Equal("true", (string)mount["readOnly"]);
        var volume = Assert.Single(List(Load("deployment.yaml"), "spec", "template", "spec", "volumes").Cast<Dictionary<object, object>>(), v => v["name"].Equals(mount["name"]));
        Assert.Equal("governance-bot-github", Text(volume, "secret", "secretName"));
        var item = (Dictionary<object, object>)Assert.Single(List(volume, "secret", "items"));
        Assert.Equal(keyPath, (string)mount["mountPath"] + "/" + (string)item["path"]);

        // Every GitHub__ name is a property of GitHubOptions: a misspelt key would be silently ignored.
        Assert.All(env.Keys.Where(k => k.StartsWith("GitHub__", StringComparison.Ordinal)), k => Assert.NotNull(typeof(GitHubOptions).GetProperty(k["GitHub__".Length..])));
    }

    [Fact]
    public void The_replica_id_is_the_pod_name_and_the_rest_comes_from_the_config_map()
    {
        var env = Env();
        Assert.Equal("metadata.name", Text(env["Governance__ReplicaId"], "valueFrom", "fieldRef", "fieldPath"));

        var configMap = Load("configmap.yaml");
        Assert.Equal("ConfigMap", Text(configMap, "kind"));
        var from = (Dictionary<object, object>)Assert.Single(List(Container(), "envFrom"));
        Assert.Equal(Text(configMap, "metadata", "name"), Text(from, "configMapRef", "name"));
        var data = Map(configMap, "data");
        Assert.Equal("true", (string)data["Logging__Json"]);
        Assert.All(data.Keys.Cast<string>().Where(k => k.StartsWith("Governance__", StringComparison.Ordinal)),
            k => Assert.NotNull(typeof(GovernanceOptions).GetProperty(k["Governance__".Length..])));
        Assert.All(data.Keys.Cast<string>().Where(k => k.StartsWith("GitHub__", StringComparison.Ordinal)),
            k => Assert.NotNull(typeof(GitHubOptions).GetProperty(k["GitHub__".Length..])));
    }
}
