using System.Diagnostics;
using System.Text.RegularExpressions;
using RyesVP.Orchestration;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Infra;

/// <summary>The Bicep in infra/ builds and lints clean with the Bicep CLI, and agrees with the settings the app reads.</summary>
public sealed partial class BicepTests
{
    private static string Infra => Path.Combine(Repository.Root, "infra");

    private static async Task<(int Code, string Output)> BicepAsync(params string[] args)
    {
        var bicep = Path.Combine(AppContext.BaseDirectory, "tools", "bicep");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }
        var start = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Infra };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }

    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Repository.Root, "infra"), "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Path.Combine(Repository.Root, "infra"), f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Build_EveryBicepFile_CompilesWithoutDiagnostics(string file)
    {
        var (code, output) = await BicepAsync("build", file, "--stdout");
        Assert.True(code == 0, output);
        Assert.DoesNotContain("Warning", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_EveryBicepFile_HasNoWarnings(string file)
    {
        var (code, output) = await BicepAsync("lint", file);
        Assert.True(code == 0, output);
        Assert.Equal(string.Empty, output.Trim());
    }

    [Fact]
    public async Task BuildParams_MainParameters_Compile()
    {
        var (code, output) = await BicepAsync("build-params", "main.bicepparam", "--stdout");
        Assert.True(code == 0, output);
        Assert.DoesNotContain("Warning", output, StringComparison.Ordinal);
    }

    /// <summary>The app settings the Bicep gives the function app: the literal keys and the Key Vault-referenced ones.</summary>
    private static HashSet<string> BicepSettings()
    {
        var text = File.ReadAllText(Path.Combine(Infra, "modules", "function-app.bicep"));
        var secrets = text[text.IndexOf("var secretSettings = {", StringComparison.Ordinal)..];
        secrets = secrets[..secrets.IndexOf('}', StringComparison.Ordinal)];
        var appSettings = text[(text.IndexOf("properties: union({", StringComparison.Ordinal) + "properties: union({".Length)..];
        appSettings = appSettings[..appSettings.IndexOf("}, toObject", StringComparison.Ordinal)];
        return Key().Matches(secrets + "\n" + appSettings).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Settings the code reads by name: configuration["X"] and %X% binding expressions.</summary>
    private static HashSet<string> SettingsInCode()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in new[] { "RyesVP.Domain", "RyesVP.Orchestration" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, project), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                foreach (Match m in ConfigurationRead().Matches(text))
                {
                    names.Add(m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal));
                }

                foreach (Match m in BindingExpression().Matches(text))
                {
                    names.Add(m.Groups[1].Value);
                }
            }
        }

        // Options classes bound to a configuration section (SectionName): each property is a setting.
        foreach (var type in typeof(RyesVP.Domain.PipelineOptions).Assembly.GetTypes())
        {
            if (type.GetField("SectionName")?.GetValue(null) is string section)
            {
                foreach (var p in type.GetProperties())
                {
                    names.Add($"{section}__{p.Name}");
                }
            }
        }

        return names;
    }

    // Settings of the platform, not of the app: the host's identity-based storage connection and telemetry auth.
    private static bool IsPlatform(string name) =>
        name.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal) || name == "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    [Fact]
    public void AppSettingsCatalogue_ListsEverySettingTheCodeReads()
    {
        var catalogue = AppSettings.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var unlisted = SettingsInCode().Where(n => n != "AzureWebJobsStorage" && !catalogue.Contains(n)).ToList();
        Assert.True(unlisted.Count == 0, "not in AppSettings.All: " + string.Join(", ", unlisted));
    }

    [Fact]
    public void FunctionApp_SetsEverySettingADeploymentNeeds()
    {
        var bicep = BicepSettings();
        var missing = AppSettings.All.Where(s => s.RequiredInAzure && !bicep.Contains(s.Name)).Select(s => s.Name).ToList();
        Assert.True(missing.Count == 0, "not set by the Bicep: " + string.Join(", ", missing));
        // Secrets only ever arrive as Key Vault references.
        var text = File.ReadAllText(Path.Combine(Infra, "modules", "function-app.bicep"));
        foreach (var secret in AppSettings.All.Where(s => s.Secret))
        {
            Assert.Matches($@"\n\s+{secret.Name}: '[a-z-]+'", text);
        }
    }

    [Fact]
    public void FunctionApp_SetsNothingTheAppDoesNotRead()
    {
        var read = AppSettings.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var unused = BicepSettings().Where(n => !read.Contains(n) && !IsPlatform(n)).ToList();
        Assert.True(unused.Count == 0, "set by the Bicep but never read: " + string.Join(", ", unused));
    }

    [Fact]
    public void FunctionApp_UsesIdentityBasedStorageForBlobQueueAndTable()
    {
        var bicep = BicepSettings();
        foreach (var name in new[] { "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri" })
        {
            Assert.Contains(name, bicep);
        }

        var storage = File.ReadAllText(Path.Combine(Infra, "modules", "storage.bicep"));
        Assert.Contains("allowSharedKeyAccess: false", storage, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s+([A-Za-z][A-Za-z0-9_]*):", RegexOptions.Multiline)]
    private static partial Regex Key();

    [GeneratedRegex(@"configuration\[""([A-Za-z0-9_:]+)""\]")]
    private static partial Regex ConfigurationRead();

    [GeneratedRegex(@"""%([A-Za-z0-9_]+)%""")]
    private static partial Regex BindingExpression();
}
