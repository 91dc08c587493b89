using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

// The robustness harness keeps the namespace its tests have always imported, so they need no change to use it.
namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// A span marked in a test source: <c>[|...|]</c> (no ID: the rule under test), <c>{|SP2001:...|}</c>, or a
/// location <c>{|#0:...|}</c> that an expected diagnostic refers to by index.
/// </summary>
public sealed record MarkedSpan(string? Id, TextSpan Span)
{
    public bool IsLocation => Id is not null && Id.StartsWith('#');

    public int LocationIndex => int.Parse(Id![1..], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The rule tests' diagnostic markup, read by Microsoft.CodeAnalysis.Testing's own parser, so the robustness corpus
/// sees exactly the code the rule tests compile. Unbalanced markup throws <see cref="System.ArgumentException"/>.
/// </summary>
public static class Markup
{
    public static (string Source, ImmutableArray<MarkedSpan> Spans) Parse(string markup)
    {
        // As the rule tests read it: '$$' is a position marker there too, so it is markup, not code.
        TestFileMarkupParser.GetPositionsAndSpans(markup, out var source, out _, out var spans);
        var marked = spans
            .SelectMany(named => named.Value.Select(span => new MarkedSpan(named.Key.Length == 0 ? null : named.Key, span)))
            .OrderBy(span => span.Span.Start)
            .ThenBy(span => span.Span.End)
            .ToImmutableArray();
        return (source, marked);
    }
}
