using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>
/// Compares a type with a full metadata name ("System.Threading.Tasks.Task`1") by walking its containers, so the
/// hot paths of the engine never format a symbol to a string just to compare it.
/// </summary>
internal static class MetadataNames
{
    /// <summary>Whether the definition of <paramref name="type"/> is <paramref name="fullName"/> (nested types joined with '.').</summary>
    public static bool Is(ITypeSymbol? type, string fullName)
    {
        if (type is null)
        {
            return false;
        }

        var end = fullName.Length;
        for (ISymbol? current = type.OriginalDefinition; current is not null; current = current.ContainingSymbol)
        {
            if (current is INamespaceSymbol { IsGlobalNamespace: true })
            {
                return end == 0;
            }

            var name = current.MetadataName;
            var start = end - name.Length;
            if (start < 0
                || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0
                || (start > 0 && fullName[start - 1] != '.'))
            {
                return false;
            }

            end = start == 0 ? 0 : start - 1;
            if (start == 0)
            {
                // The whole name is matched: the symbol must have no further named container.
                return current.ContainingSymbol is null or INamespaceSymbol { IsGlobalNamespace: true };
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> or one of its base types is <paramref name="fullName"/>.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, string fullName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, fullName))
            {
                return true;
            }
        }

        return false;
    }
}
