using System.Collections.Immutable;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>A hole in a message template: <c>{Name}</c>, <c>{@Name}</c> (destructured), <c>{$Name}</c>, <c>{0}</c>.</summary>
internal readonly struct TemplateHole
{
    public TemplateHole(string name, bool destructure)
    {
        Name = name;
        Destructure = destructure;
    }

    public string Name { get; }

    /// <summary>Written <c>{@Name}</c>: structured logging captures every member of the value.</summary>
    public bool Destructure { get; }
}

/// <summary>
/// Parses message templates (Microsoft.Extensions.Logging, Serilog, NLog) and composite format strings into their
/// holes, in order. Escaped braces (<c>{{</c>, <c>}}</c>) are text.
/// </summary>
internal static class MessageTemplate
{
    // A service logs the same few hundred templates over and over, and a loop's rounds meet each call again.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, StrongBox> Parsed = new();

    public static ImmutableArray<TemplateHole> Parse(string? template) =>
        string.IsNullOrEmpty(template) ? ImmutableArray<TemplateHole>.Empty : Parsed.GetValue(template!, t => new StrongBox(ParseText(t))).Holes;

    private sealed class StrongBox
    {
        public StrongBox(ImmutableArray<TemplateHole> holes) => Holes = holes;

        public ImmutableArray<TemplateHole> Holes { get; }
    }

    private static ImmutableArray<TemplateHole> ParseText(string template)
    {
        var holes = ImmutableArray.CreateBuilder<TemplateHole>();
        var text = template!;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{')
            {
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            var content = text.Substring(i + 1, end - i - 1);
            var destructure = content.StartsWith("@", System.StringComparison.Ordinal);
            var name = content.TrimStart('@', '$');
            var stop = name.IndexOfAny(NameEnd);
            holes.Add(new TemplateHole(stop >= 0 ? name.Substring(0, stop) : name, destructure));
            i = end;
        }

        return holes.ToImmutable();
    }

    private static readonly char[] NameEnd = { ':', ',' };
}
