using System;
using System.IO;
using System.Threading.Tasks;
using Spectre.Console;

namespace SafePrivacy.Cli.Terminal;

/// <summary>What the user sees while projects load and are analysed. Always on stderr: stdout carries the report.</summary>
internal interface IStatus
{
    /// <summary>A new stage ("Loading Forum.Mistakes.csproj").</summary>
    void Stage(string description);

    /// <summary>Item <paramref name="number"/> (1-based) of <paramref name="total"/> within a stage has started.</summary>
    void Step(string description, int number, int total);

    /// <summary>Something the user should know that does not stop the run (a referenced project failed to load).</summary>
    void Warn(string message);
}

/// <summary>Chooses the progress display: a live one on a terminal, plain lines when redirected or in CI.</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(TextWriter error, bool interactive, Func<IStatus, Task<T>> work)
    {
        if (!interactive)
        {
            return await work(new PlainStatus(error)).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Starting", maxValue: 1).IsIndeterminate();
                result = await work(new LiveStatus(task, console)).ConfigureAwait(false);
                task.Value = task.MaxValue;
            })
            .ConfigureAwait(false);
        return result;
    }

    /// <summary>One line per stage and step, for logs that are read afterwards.</summary>
    private sealed class PlainStatus : IStatus
    {
        private readonly TextWriter _error;

        public PlainStatus(TextWriter error) => _error = error;

        public void Stage(string description) => _error.WriteLine(description + " ...");

        public void Step(string description, int number, int total) => _error.WriteLine($"[{number}/{total}] {description}");

        public void Warn(string message) => _error.WriteLine("warning: " + message);
    }

    /// <summary>Spectre's progress task, updated in place.</summary>
    private sealed class LiveStatus : IStatus
    {
        private readonly ProgressTask _task;
        private readonly IAnsiConsole _console;

        public LiveStatus(ProgressTask task, IAnsiConsole console)
        {
            _task = task;
            _console = console;
        }

        public void Stage(string description)
        {
            _task.Description = Markup.Escape(description);
            _task.IsIndeterminate = true;
        }

        public void Step(string description, int number, int total)
        {
            _task.Description = Markup.Escape($"[{number}/{total}] {description}");
            _task.IsIndeterminate = false;
            _task.MaxValue = Math.Max(total, 1);
            _task.Value = number - 1;
        }

        public void Warn(string message) => _console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(message));
    }
}
