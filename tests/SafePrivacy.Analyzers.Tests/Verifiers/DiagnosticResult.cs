using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>An expected diagnostic: an ID and, optionally, where it is and what it says.</summary>
public sealed record DiagnosticResult
{
    public DiagnosticResult(string id) => Id = id;

    public string Id { get; init; }

    public string? Path { get; init; }

    /// <summary>The one-based start line and column, or null when any location will do.</summary>
    public LinePosition? Start { get; init; }

    /// <summary>The one-based end line and column, or null when only the start is checked.</summary>
    public LinePosition? End { get; init; }

    /// <summary>A span in source coordinates, set by markup.</summary>
    internal TextSpan? MarkupSpan { get; init; }

    public string? Message { get; init; }

    public object?[]? Arguments { get; init; }

    public DiagnosticSeverity? Severity { get; init; }

    /// <summary>The span marked <c>{|#index:...|}</c> in the sources.</summary>
    public int? MarkupLocation { get; init; }

    /// <summary>At the span marked <c>{|#index:...|}</c> in the sources.</summary>
    public DiagnosticResult WithLocation(int markupLocation) => this with { MarkupLocation = markupLocation };

    /// <summary>One-based line and column, like the compiler prints them.</summary>
    public DiagnosticResult WithLocation(int line, int column) =>
        this with { Start = new LinePosition(line, column) };

    /// <summary>One-based start and end, like the compiler prints them.</summary>
    public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn) =>
        this with { Start = new LinePosition(startLine, startColumn), End = new LinePosition(endLine, endColumn) };

    public DiagnosticResult InFile(string path) => this with { Path = path };

    public DiagnosticResult WithMessage(string message) => this with { Message = message };

    public DiagnosticResult WithArguments(params object?[] arguments) => this with { Arguments = arguments };

    public DiagnosticResult WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };

    internal bool Matches(Diagnostic actual, string defaultPath, Func<string?, string?> fileName)
    {
        if (actual.Id != Id || (Severity is { } severity && actual.Severity != severity))
        {
            return false;
        }

        if (Message is not null && actual.GetMessage(CultureInfo.InvariantCulture) != Message)
        {
            return false;
        }

        if (Arguments is not null && !ArgumentsOf(actual).SequenceEqual(Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture))))
        {
            return false;
        }

        var location = actual.Location;
        if (MarkupSpan is { } span)
        {
            return location.IsInSource && fileName(location.SourceTree!.FilePath) == (Path ?? defaultPath) && location.SourceSpan == span;
        }

        if (Start is null)
        {
            return true;
        }

        // Source files, and additional files (diagnostics on an annotations file are external-file locations).
        var lineSpan = location.GetLineSpan();
        return location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile
            && fileName(lineSpan.Path) == (Path ?? defaultPath)
            && OneBased(lineSpan.StartLinePosition) == Start
            && (End is null || OneBased(lineSpan.EndLinePosition) == End);
    }

    public override string ToString()
    {
        var where = MarkupLocation is { } index && MarkupSpan is null ? $" at {{|#{index}:...|}}" : MarkupSpan is { } span ? $" at {span}" : Start is { } start ? $" at ({start.Line},{start.Character}){(End is { } end ? $"-({end.Line},{end.Character})" : string.Empty)}" : string.Empty;
        var what = Message is not null ? $": {Message}" : Arguments is not null ? $" with arguments [{string.Join(", ", Arguments)}]" : string.Empty;
        return $"{Id}{(Path is null ? string.Empty : " in " + Path)}{where}{what}";
    }

    private static LinePosition OneBased(LinePosition position) => new(position.Line + 1, position.Character + 1);

    // The formatted arguments, recovered through the public surface: Roslyn keeps them internal.
    private static string?[] ArgumentsOf(Diagnostic diagnostic)
    {
        var property = diagnostic.GetType().GetProperty("Arguments", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public);
        return property?.GetValue(diagnostic) is System.Collections.IEnumerable values
            ? values.Cast<object?>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray()
            : Array.Empty<string?>();
    }
}
