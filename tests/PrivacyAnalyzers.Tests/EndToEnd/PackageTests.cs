using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.EndToEnd;

/// <summary>
/// The package as a user gets it: packed, installed from a folder feed into a new project, and built. The
/// build shows the warnings, writes them to a SARIF 2.1 log for code scanning, and fails with -warnaserror;
/// the README's GitHub Actions job, run step by step (all but the upload), gates the build and writes a
/// SARIF log that validates against the SARIF 2.1.0 schema.
/// </summary>
[Collection(DotNetCliTests.Name)]
public sealed class PackageTests : IDisposable
{
    private const string ConsumerCode = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        namespace Consumer;

        public static class Startup
        {
            public static void Configure(IServiceCollection services) =>
                services.AddIdentityCore<IdentityUser>(o => o.Lockout.MaxFailedAccessAttempts = 100);
        }

        public class Login(SignInManager<IdentityUser> signIn)
        {
            public Task<SignInResult> Run(string user, string password) =>
                signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        }
        """;

    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), "privacyanalyzers-package-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task PackedPackage_InstalledFromAFolderFeed_WarnsWritesSarifAndGatesTheBuild()
    {
        // A unique version and a private packages folder: a stale copy of the same version can never be tested.
        var version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Path.Combine(this.workDirectory, "feed");
        var consumer = Path.Combine(this.workDirectory, "consumer");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(this.workDirectory, "packages") };
        Directory.CreateDirectory(consumer);

        var pack = await DotNetCli.RunAsync(
            RepositoryPaths.Root, null, "pack", Path.Combine("src", "PrivacyAnalyzers.Package", "PrivacyAnalyzers.Package.csproj"),
            "-c", "Release", "-o", feed, $"-p:Version={version}", "--disable-build-servers");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var package = Path.Combine(feed, $"PrivacyAnalyzers.{version}.nupkg");
        AssertPackageLayout(package);

        WriteConsumer(consumer, feed, version);

        var build = await DotNetCli.RunAsync(consumer, environment, "build", "--no-incremental", "--disable-build-servers", "-p:ErrorLog=result.sarif%2Cversion=2.1");
        Assert.True(build.ExitCode == 0, build.ToString());
        var warnings = BuildDiagnostics.Parse(build.Output);
        Assert.Contains(warnings, w => w.Id == "PRIV040" && w.Severity == "warning");
        Assert.Contains(warnings, w => w.Id == "PRIV041" && w.Severity == "warning");
        AssertSarif(Path.Combine(consumer, "result.sarif"), "warning", "PRIV040", "PRIV041");

        var gated = await DotNetCli.RunAsync(consumer, environment, "build", "--no-incremental", "--disable-build-servers", "-warnaserror");
        Assert.True(gated.ExitCode != 0, "-warnaserror must fail the build:\n" + gated);
        var errors = BuildDiagnostics.Parse(gated.Output);
        Assert.Contains(errors, e => e.Id == "PRIV040" && e.Severity == "error");
        Assert.Contains(errors, e => e.Id == "PRIV041" && e.Severity == "error");

        // The README's CI job, exactly as written, minus the upload step: the gate fails, the log is valid SARIF.
        var snippet = ReadmeCiSnippet.Load();
        foreach (var command in snippet.RunCommands)
        {
            var step = await DotNetCli.RunAsync(consumer, environment, ReadmeCiSnippet.DotnetArguments(command));
            Assert.True(step.ExitCode != 0, $"the README's CI step must fail the job on findings:\n{step}");
            Assert.Contains(BuildDiagnostics.Parse(step.Output), e => e.Id == "PRIV040" && e.Severity == "error");
        }

        var sarif = Path.Combine(consumer, snippet.SarifFile);
        await AssertValidSarifAsync(sarif);
        // The compiler logs the rule's own level; -warnaserror changes the exit code, not the SARIF level.
        AssertSarif(sarif, "warning", "PRIV040", "PRIV041");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(this.workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static void AssertPackageLayout(string package)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/PrivacyAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/PrivacyAnalyzers.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<id>PrivacyAnalyzers</id>", text, StringComparison.Ordinal);
        Assert.Contains("<developmentDependency>true</developmentDependency>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependency ", text, StringComparison.Ordinal);
    }

    private static void WriteConsumer(string directory, string feed, string version)
    {
        // Outside the repository: none of its Directory.Build.props or .editorconfig apply.
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PrivacyAnalyzers" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        // The folder feed is added to the machine's sources, which stay in force.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="privacyanalyzers-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Startup.cs"), ConsumerCode);
    }

    private static async Task AssertValidSarifAsync(string path)
    {
        Assert.True(File.Exists(path), "no SARIF log at " + path);
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Schemas", "sarif-schema-2.1.0.json"));
        var errors = schema.Validate(await File.ReadAllTextAsync(path));
        Assert.True(errors.Count == 0, "SARIF schema violations:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    private static void AssertSarif(string path, string level, params string[] ruleIds)
    {
        Assert.True(File.Exists(path), "no SARIF log at " + path);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());

        var run = root.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
        foreach (var id in ruleIds)
        {
            var result = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == id && HasRegion(r));
            Assert.Equal(level, result.GetProperty("level").GetString());
            Assert.EndsWith($"docs/rules/{id}.md", rules[id].GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        }
    }

    private static bool HasRegion(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() > 0;
}
