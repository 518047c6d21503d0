# syntax=docker/dockerfile:1
# GovernanceBot: build with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files alone, so the layer is reused until a dependency changes.
COPY src/Directory.Build.props src/Directory.Packages.props src/
COPY src/GovernanceBot.Domain/GovernanceBot.Domain.csproj src/GovernanceBot.Domain/
COPY src/GovernanceBot/GovernanceBot.csproj src/GovernanceBot/
RUN dotnet restore src/GovernanceBot/GovernanceBot.csproj
COPY src/ src/
RUN dotnet publish src/GovernanceBot/GovernanceBot.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The garbage collector's settings travel in GovernanceBot.runtimeconfig.json (the project file), the same in and out
# of the container: README, "Performance".
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Logging__Json=true
EXPOSE 8080
# The image's built-in unprivileged user (uid 1654).
USER $APP_UID
# Settings come from the environment: GitHub__AppId, GitHub__PrivateKey (or GitHub__PrivateKeyPath to a mounted
# secret), GitHub__WebhookSecret, and optionally GitHub__ApiUrl and Governance__SweepInterval.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "GovernanceBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "GovernanceBot.dll"]
