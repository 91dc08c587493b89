using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>Whether code is part of a content-moderation pipeline, where the stricter rules apply.</summary>
internal static class ModerationScope
{
    /// <summary>The symbol is marked <c>[ModerationPipeline]</c>, directly or (for a type) through a base type.</summary>
    public static bool IsPipeline(ISymbol symbol)
    {
        if (AttributeNames.Find(symbol, AttributeNames.ModerationPipeline) is not null)
        {
            return true;
        }

        for (var type = (symbol as INamedTypeSymbol)?.BaseType; type is not null; type = type.BaseType)
        {
            if (AttributeNames.Find(type, AttributeNames.ModerationPipeline) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The innermost pipeline the symbol is, or is inside of; null when it is in none.</summary>
    public static ISymbol? EnclosingPipeline(ISymbol symbol)
    {
        foreach (var scope in DeclarationScope.Outward(symbol))
        {
            if (scope is not IAssemblySymbol && IsPipeline(scope))
            {
                return scope;
            }
        }

        return null;
    }
}
