using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SafePrivacy.Cli.Commands;
using SafePrivacy.Cli.Inventory;
using SafePrivacy.Cli.Loading;
using SafePrivacy.Cli.Reports;
using SafePrivacy.Cli.Scanning;
using SafePrivacy.Cli.Terminal;

namespace SafePrivacy.Cli;

/// <summary>
/// The whole tool behind <c>Main</c>, with its console passed in so tests run it exactly as a user does. Reports go
/// to stdout (or --output), progress and messages to stderr; every failure is one plain message and exit code 2.
/// </summary>
internal sealed class CliApplication
{
    public const int Success = 0;
    public const int FindingsFound = 1;
    public const int UsageError = 2;

    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly bool _interactive;
    private readonly bool _colour;

    /// <param name="output">Where reports go when there is no --output.</param>
    /// <param name="error">Where progress and messages go.</param>
    /// <param name="interactive">Whether stderr is a terminal a live progress display can redraw.</param>
    /// <param name="colour">Whether stdout is a terminal that shows colour.</param>
    public CliApplication(TextWriter output, TextWriter error, bool interactive, bool colour)
    {
        _out = output;
        _error = error;
        _interactive = interactive;
        _colour = colour;
    }

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        try
        {
            var options = CommandLine.Parse(args);
            return options.Kind switch
            {
                CommandKind.Scan => await ScanAsync(options, cancellationToken).ConfigureAwait(false),
                CommandKind.Inventory => await InventoryAsync(options, cancellationToken).ConfigureAwait(false),
                CommandKind.Version => Print(ToolInfo.Version),
                _ => Print(CommandLine.Usage),
            };
        }
        catch (UsageException exception)
        {
            return Fail(exception.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail("Cancelled.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(exception.Message);
        }
#pragma warning disable CA1031 // The one place every other failure is caught: a user sees a sentence, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Fail($"Something went wrong inside safeprivacy ({exception.GetType().Name}: {exception.Message}); please report it with the command you ran.");
        }
    }

    private async Task<int> ScanAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var target = LoadTarget.Resolve(options.Path);
        CheckOutput(options.Output);

        // Everything that can be wrong with the baseline or the ref is found before the slow part.
        var baseline = options.Baseline is not { } baselinePath ? null
            : options.UpdateBaseline ? Baseline.LoadForUpdate(baselinePath) : Baseline.Load(baselinePath);
        var changed = options.ChangedSince is { } reference ? await ChangedFiles.SinceAsync(reference, target, cancellationToken).ConfigureAwait(false) : null;
        var report = await ProgressDisplay.RunAsync(_error, _interactive, async status =>
        {
            using var loaded = await WorkspaceLoader.LoadAsync(target, options, status, cancellationToken).ConfigureAwait(false);
            return await Scanner.ScanAsync(loaded, options.Mode, status, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        if (changed is not null)
        {
            report = report.OnlyIn(changed);
        }

        if (baseline is not null)
        {
            report = options.UpdateBaseline ? baseline.Update(report) : baseline.Compare(report);
            if (report.Baseline is { Updated: true } written)
            {
                await _error.WriteLineAsync($"Wrote the baseline {written.File}: {written.Known} findings of this scan, {written.Entries} entries in all.".AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        var colour = _colour && options.Output is null;
        var text = options.ScanFormat switch
        {
            ScanFormat.Json => Utf8(stream => ScanJsonReport.Write(report, stream)),
            ScanFormat.Sarif => Utf8(stream => ScanSarifReport.Write(report, stream)),
            ScanFormat.Markdown => Text(writer => ScanMarkdownReport.Write(report, writer)),
            _ => Text(writer => ScanTextReport.Write(report, writer, colour)),
        };
        await EmitAsync(text, options.Output, $"{report.Summary()}.", cancellationToken).ConfigureAwait(false);
        return report.ExitCode(options.FailOn);
    }

    private async Task<int> InventoryAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var target = LoadTarget.Resolve(options.Path);
        CheckOutput(options.Output);
        var document = await ProgressDisplay.RunAsync(_error, _interactive, async status =>
        {
            using var loaded = await WorkspaceLoader.LoadAsync(target, options, status, cancellationToken).ConfigureAwait(false);
            return await InventoryDocument.BuildAsync(loaded, status, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var text = options.InventoryFormat switch
        {
            InventoryFormat.Json => Utf8(stream => InventoryJson.Write(document, stream)),
            InventoryFormat.Html => Text(writer => InventoryHtml.Write(document, writer)),
            InventoryFormat.Fides => Text(writer => FidesManifest.Write(document, writer, options.DataSubject)),
            _ => Text(writer => InventoryMarkdown.Write(document, writer)),
        };
        var activities = 0;
        foreach (var system in document.Systems)
        {
            activities += system.Model.Activities.Length;
        }

        await EmitAsync(text, options.Output, $"{activities} processing activities in {document.Systems.Length} project(s).", cancellationToken).ConfigureAwait(false);
        return Success;
    }

    // Checked before the slow part, so a typo in --output costs nothing.
    private static void CheckOutput(string? output)
    {
        if (output is null)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"The folder for --output '{output}' does not exist.");
        }

        if (Directory.Exists(output))
        {
            throw new UsageException($"--output '{output}' is a folder; give a file name.");
        }
    }

    private async Task EmitAsync(string text, string? output, string summary, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            await _out.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await File.WriteAllTextAsync(output, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
        await _error.WriteLineAsync($"Wrote {output}: {summary}".AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private int Print(string text)
    {
        _out.WriteLine(text);
        return Success;
    }

    private int Fail(string message)
    {
        _error.WriteLine("safeprivacy: " + message);
        return UsageError;
    }

    private static string Utf8(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static string Text(Action<TextWriter> write)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(writer);
        return writer.ToString();
    }
}
