namespace SafePrivacy.Analyzers.Declarations;

/// <summary>
/// Free text in a declaration (a purpose, a reference, a justification) must say something: empty text and the
/// placeholders that code-fix skeletons insert count as missing, so a skeleton keeps its rule firing until filled in.
/// </summary>
internal static class DeclaredText
{
    public static bool IsMissing(string? text) => Describe(text) is not null;

    /// <summary>Null when the text says something; otherwise "states no X" or "states only the placeholder X 'TODO'".</summary>
    public static string? Describe(string? text, string what = "text")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "states no " + what;
        }

        var trimmed = text!.Trim();
        return IsPlaceholder(trimmed) ? $"states only the placeholder {what} '{trimmed}'" : null;
    }

    // "<Pending>" is what Visual Studio's "Suppress in Source" and "in Suppression File" write as the justification.
    private static bool IsPlaceholder(string text) =>
        text.Trim('.', '!', ':', ' ', '<', '>').ToUpperInvariant() is "TODO" or "TBD" or "FIXME" or "" or "N/A" or "NA" or "XXX" or "PENDING";
}
