using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SafePrivacy.Cli.Tests.Infrastructure;

/// <summary>What one run of the tool printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>Runs the tool in-process through the same entry point as Main, with the console captured.</summary>
internal static class Tool
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var application = new CliApplication(output, error, interactive: false, colour: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var exitCode = await application.RunAsync(args, timeout.Token);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
