using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovernanceBot.GitHub;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>
    /// The real GitHub: options from the <c>GitHub</c> section (validated at start-up), the App's Octokit clients over
    /// one resilient handler chain, <see cref="IGitHub"/> and <see cref="IGitHubInstallations"/>.
    /// </summary>
    public static IServiceCollection AddGitHubApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GitHubOptions>()
            .Bind(configuration.GetSection(GitHubOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GitHubConnections>();
        services.TryAddSingleton(sp => sp.GetRequiredService<GitHubConnections>().Budget);
        services.TryAddSingleton<IInstallationTokens>(sp => sp.GetRequiredService<GitHubConnections>().Tokens);
        services.TryAddSingleton<IGitHub, OctokitGitHub>();
        services.TryAddSingleton<IGitHubInstallations, GitHubInstallations>();
        return services;
    }
}
