using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>
/// Where a declaration such as <c>[LawfulBasis]</c> applies: the nearest one wins — the member (a local function
/// or lambda belongs to the member that contains it), then its containing types outward, then the assembly.
/// </summary>
internal static class DeclarationScope
{
    /// <summary>The symbol and every scope around it, innermost first, ending with the assembly.</summary>
    public static IEnumerable<ISymbol> Outward(ISymbol symbol)
    {
        for (ISymbol? current = symbol; current is not null; current = current.ContainingSymbol)
        {
            switch (current)
            {
                case INamespaceSymbol:
                    continue;
                case IAssemblySymbol or IModuleSymbol:
                    yield return current.ContainingAssembly ?? current;
                    yield break;
                case IMethodSymbol { AssociatedSymbol: { } property } accessor:
                    // Declarations on a property or event apply to its accessors.
                    yield return accessor;
                    yield return property;
                    current = property;
                    break;
                default:
                    yield return current;
                    break;
            }
        }
    }

    /// <summary>The nearest application of <c>SafePrivacy.</c><paramref name="attributeName"/> around <paramref name="symbol"/>.</summary>
    public static ScopedAttribute? Nearest(ISymbol symbol, string attributeName)
    {
        foreach (var scope in Outward(symbol))
        {
            if (AttributeNames.Find(scope, attributeName) is { } attribute)
            {
                return new ScopedAttribute(attribute, scope);
            }
        }

        return null;
    }
}

/// <summary>A declaration and the scope it was found on.</summary>
internal sealed record ScopedAttribute(AttributeData Attribute, ISymbol DeclaredOn);
