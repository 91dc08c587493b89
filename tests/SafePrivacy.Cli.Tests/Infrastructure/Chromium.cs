using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace SafePrivacy.Cli.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, for checking what a person would see. Started with a fresh profile and everything
/// that reaches the network switched off: the page under test must work offline.
/// </summary>
internal static class Chromium
{
    private static readonly Lazy<string?> Executable = new(Find);

    public static string? Path => Executable.Value;

    /// <summary>CI installs Chromium (.ci/run), so there a missing browser is a failure, not a skip.</summary>
    public static bool IsRequired => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The page's DOM after its scripts ran (a virtual-time budget lets them finish without real waiting).</summary>
    public static async Task<string> DumpDomAsync(string htmlFile)
    {
        var executable = Path ?? throw new InvalidOperationException("Chromium is not installed: run 'apt-get install chromium' (CI's .ci/run installs it).");
        using var profile = new TempFolder();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile.Path,
            "--virtual-time-budget=15000", "--dump-dom", new Uri(htmlFile).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(90))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 90 seconds:\n" + await errors);
        }

        var dom = await output;
        Assert.True(process.ExitCode == 0 && dom.Length > 0, $"Chromium exited with {process.ExitCode}:\n{await errors}");
        return dom;
    }

    private static string? Find()
    {
        var names = new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" };
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.SelectMany(folder => names.Select(name => System.IO.Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// A fact that needs Chromium. It is skipped, with the reason, only on a developer machine without the browser; in
/// CI it always runs, so a missing install fails loudly instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.IsRequired)
        {
            Skip = "Chromium is not installed (apt-get install chromium); CI installs it and runs this test.";
        }
    }
}
