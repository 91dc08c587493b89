using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>The types a namespace declares, nested types included.</summary>
internal static class DeclaredTypes
{
    /// <summary>
    /// Every type in <paramref name="root"/> and below it, each before its nested types, in declaration order. A
    /// loop over an explicit stack: generated code nests namespaces and types as deep as it likes.
    /// </summary>
    public static IEnumerable<INamedTypeSymbol> In(INamespaceOrTypeSymbol root)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        PushMembers(pending, root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is INamedTypeSymbol type)
            {
                yield return type;
            }

            PushMembers(pending, current);
        }
    }

    private static void PushMembers(Stack<INamespaceOrTypeSymbol> pending, INamespaceOrTypeSymbol container)
    {
        var members = container.GetMembers();
        for (var i = members.Length - 1; i >= 0; i--)
        {
            if (members[i] is INamespaceOrTypeSymbol nested)
            {
                pending.Push(nested);
            }
        }
    }
}
