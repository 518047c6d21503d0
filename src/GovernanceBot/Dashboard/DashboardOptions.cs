namespace GovernanceBot.Dashboard;

/// <summary>The <c>Dashboard</c> settings.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Serve the dashboard at <c>/</c> and <c>/api/processes</c> (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whoever presents this token (bearer header, or the cookie the sign-in form sets) also sees private repositories; unset: nobody does.</summary>
    public string? AccessToken { get; set; }
}
