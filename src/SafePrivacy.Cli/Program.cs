using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SafePrivacy.Cli;

/// <summary>The <c>safeprivacy</c> command.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        // A live progress display only where someone watches it; CI logs and redirected output get plain lines.
        var interactive = !Console.IsErrorRedirected && !IsContinuousIntegration();
        var colour = !Console.IsOutputRedirected && !IsContinuousIntegration() && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var application = new CliApplication(Console.Out, Console.Error, interactive, colour);
        return await application.RunAsync(args, cancellation.Token).ConfigureAwait(false);
    }

    private static bool IsContinuousIntegration() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"));
}
