using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>Writes diagnostics back into source as markup, so a failure shows what the analyzer actually found.</summary>
internal static class DiagnosticReport
{
    /// <summary>The source with every diagnostic in it written as <c>{|ID:span|}</c>: paste it into the test if it is right.</summary>
    public static string Annotate(string source, IEnumerable<Diagnostic> diagnostics)
    {
        var events = new List<(int Position, int Order, int Length, string Text)>();
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (span.IsEmpty)
            {
                events.Add((span.Start, 1, 0, $"{{|{diagnostic.Id}:|}}"));
                continue;
            }

            // Longer spans open first and close last, so nested findings nest in the markup too.
            events.Add((span.Start, 2, -span.Length, $"{{|{diagnostic.Id}:"));
            events.Add((span.End, 0, span.Length, "|}"));
        }

        var text = new StringBuilder(source);
        foreach (var (position, _, _, insert) in events.OrderByDescending(e => e.Position).ThenByDescending(e => e.Order).ThenByDescending(e => e.Length))
        {
            text.Insert(position, insert);
        }

        return text.ToString();
    }

    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile
            ? $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})"
            : "no location";
        return $"{diagnostic.Id} {diagnostic.Severity.ToString().ToLowerInvariant()} at {where}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }

    public static string DescribeAll(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => "  " + Describe(d)).ToList();
        return lines.Count == 0 ? "  (none)" : string.Join(Environment.NewLine, lines);
    }
}
