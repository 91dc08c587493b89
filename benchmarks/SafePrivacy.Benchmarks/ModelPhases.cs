using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// The shared model's compilation-wide steps, each timed alone on a compilation the compiler has already bound: what
/// reading the declarations (which names can be personal data or a sink, whether anything is declared) and building
/// the candidate index cost by themselves. In the analyzer driver's telemetry both are charged to whichever analyzer
/// asks first, mixed with binding the compiler does anyway; here they are not.
/// </summary>
internal static class ModelPhases
{
    public static string Measure(IReadOnlyList<Workload> workloads, int repetitions)
    {
        var text = new StringBuilder();
        text.AppendLine("The shared model's compilation-wide steps, timed alone after the compiler bound the workload (medians; every percentage is of (a) in the same repetition):");
        text.AppendLine();
        text.AppendLine("| workload | (a) compiler | declarations read | candidate index | anything declared |");
        text.AppendLine("|---|---|---|---|---|");
        // One untimed pass over every workload first, so that the first one measured does not pay for the JIT.
        foreach (var workload in workloads)
        {
            Time(workload);
        }

        foreach (var workload in workloads)
        {
            var samples = new List<(double Compiler, double Declared, double Index)>();
            var declares = false;
            for (var repetition = 0; repetition < repetitions; repetition++)
            {
                var sample = Time(workload);
                declares = sample.Declares;
                if (repetition > 0)
                {
                    samples.Add((sample.Compiler, sample.Declared, sample.Index));
                }
            }

            var a = Report.Median(samples.Select(s => s.Compiler));
            var d = Report.Median(samples.Select(s => s.Declared));
            var i = Report.Median(samples.Select(s => s.Index));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {workload.Name} | {a:N0} ms | {d:N1} ms ({100 * d / a:N1}%) | {i:N1} ms ({100 * i / a:N1}%) | {(declares ? "yes" : "no")} |");
        }

        return text.ToString();
    }

    private static (double Compiler, double Declared, double Index, bool Declares) Time(Workload workload)
    {
        // A clone shares nothing bound with earlier repetitions, so every step starts from the same state.
        var compilation = workload.Compilation.Clone();
        var clock = Stopwatch.StartNew();
        compilation.GetDiagnostics();
        var compiler = clock.Elapsed.TotalMilliseconds;
        var model = PrivacyModel.For(compilation, workload.AnalyzerOptions, default);
        clock.Restart();
        var declares = model?.DeclaresData ?? false;
        var declared = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        _ = model?.Index;
        return (compiler, declared, clock.Elapsed.TotalMilliseconds, declares);
    }
}
