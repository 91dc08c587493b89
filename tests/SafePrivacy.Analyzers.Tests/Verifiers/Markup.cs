using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// A span marked in a test source: <c>[|...|]</c> (no ID: the rule under test), <c>{|SP2001:...|}</c>, or a
/// location <c>{|#0:...|}</c> that an explicit <see cref="DiagnosticResult"/> refers to by index.
/// </summary>
public sealed record MarkedSpan(string? Id, TextSpan Span)
{
    public bool IsLocation => Id is not null && Id.StartsWith('#');

    public int LocationIndex => int.Parse(Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Parses the diagnostic markup of test sources, the same syntax as Microsoft.CodeAnalysis.Testing.</summary>
public static class Markup
{
    public static (string Source, ImmutableArray<MarkedSpan> Spans) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var spans = ImmutableArray.CreateBuilder<MarkedSpan>();
        var open = new Stack<(string? Id, int Start, int MarkupOffset, char Closer)>();

        for (var i = 0; i < markup.Length; i++)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, source.Length, i, ']'));
                i++;
            }
            else if (At(markup, i, "{|") && TryReadId(markup, i + 2, out var id, out var afterColon))
            {
                open.Push((id, source.Length, i, '}'));
                i = afterColon - 1;
            }
            else if (At(markup, i, "|]") || At(markup, i, "|}"))
            {
                var closer = markup[i + 1];
                if (open.Count == 0)
                {
                    throw new InvalidOperationException($"Unbalanced markup: '|{closer}' at {Describe(markup, i)} closes nothing.");
                }

                var (openId, start, markupOffset, expected) = open.Pop();
                if (expected != closer)
                {
                    throw new InvalidOperationException(
                        $"Unbalanced markup: '|{closer}' at {Describe(markup, i)} closes the '{(expected == ']' ? "[|" : "{|")}' opened at {Describe(markup, markupOffset)}.");
                }

                spans.Add(new MarkedSpan(openId, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            var (_, _, markupOffset, expected) = open.Peek();
            throw new InvalidOperationException(
                $"Unbalanced markup: '{(expected == ']' ? "[|" : "{|")}' opened at {Describe(markup, markupOffset)} is never closed.");
        }

        spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return (source.ToString(), spans.ToImmutable());
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    // {|SP2001: names a diagnostic and {|#0: a location for DiagnosticResult.WithLocation(0): letters or digits
    // (after an optional '#') and a colon. Anything else is not markup.
    private static bool TryReadId(string text, int start, out string id, out int afterColon)
    {
        var end = start < text.Length && text[start] == '#' ? start + 1 : start;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        id = text.Substring(start, end - start);
        afterColon = end + 1;
        return end > start && end < text.Length && text[end] == ':';
    }

    private static string Describe(string text, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return $"line {line}, column {column}";
    }
}
