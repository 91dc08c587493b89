using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// What a call the engine cannot see into passes from its inputs to its result, read from its signature alone. A
/// result that shares a type parameter with an input is made of that input (<c>Where</c>, <c>First</c>,
/// <c>ToList</c>, <c>Task.FromResult</c>, a <c>Select</c> of what its selector returns, <c>TryGetValue</c>'s out
/// value); text, text-like values (a <c>Uri</c>, a <c>MailAddress</c>) and bytes are made of every input; a JSON or
/// XML document, and any other object a library constructor (or a static factory of the object's own class:
/// <c>MailboxAddress.Parse</c>) builds, holds what it is given (an <c>ActivityEvent</c> its tags). Any other result is what its own type says, and carries no input: an
/// <c>Account</c> returned by <c>SignIn(name, password)</c> is not the password.
/// </summary>
internal sealed class LibraryFlow
{
    // Values whose content is their inputs' content: text-like types and buffers of bytes or characters.
    private static readonly string[] ContentTypes =
    {
        "System.Uri", "System.UriBuilder", "System.Net.Mail.MailAddress", "System.Net.IPAddress", "System.Net.IPEndPoint",
        "System.Text.StringBuilder", "System.Memory`1", "System.ReadOnlyMemory`1", "System.Span`1", "System.ReadOnlySpan`1",
        "System.ArraySegment`1", "System.Net.Http.StringContent", "System.Net.Http.ByteArrayContent",
    };

    private readonly ConcurrentDictionary<IMethodSymbol, Inputs> _results = new(SymbolEqualityComparer.Default);

    /// <summary>Which inputs a call's result is made of (for a constructor, the new object).</summary>
    public Inputs ResultOf(IMethodSymbol method) => _results.GetOrAdd(method.OriginalDefinition, m => Compute(m, m.MethodKind == MethodKind.Constructor ? m.ContainingType : m.ReturnType));

    /// <summary>Which inputs an out or ref argument of the call is made of.</summary>
    public static Inputs OutArgumentOf(IMethodSymbol method, IParameterSymbol outParameter) =>
        Compute(method.OriginalDefinition, method.OriginalDefinition.Parameters[outParameter.Ordinal].Type);

    /// <summary>Whether values of the type are content: text, a text-like value, bytes or characters.</summary>
    public static bool IsContent(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte or SpecialType.System_Char })
        {
            return true;
        }

        foreach (var name in ContentTypes)
        {
            if (MetadataNames.DerivesFrom(type, name))
            {
                return true;
            }
        }

        return false;
    }

    private static Inputs Compute(IMethodSymbol definition, ITypeSymbol produced)
    {
        if (IsContent(produced))
        {
            return Inputs.All;
        }

        // A new object, or a document, is built from what it is given: it holds it, whatever its own type says.
        if (ValuePrinting.PrintsContent(produced) || (definition.MethodKind == MethodKind.Constructor || IsFactory(definition, produced)) && TypeParametersIn(produced).Count == 0)
        {
            return Inputs.Held;
        }

        var resultParameters = TypeParametersIn(produced);
        if (resultParameters.Count == 0)
        {
            return Inputs.None;
        }

        var receiver = !definition.IsStatic && definition.MethodKind != MethodKind.Constructor && TypeParametersIn(definition.ContainingType).Overlaps(resultParameters);
        ulong parameters = 0;
        for (var i = 0; i < definition.Parameters.Length && i < 64; i++)
        {
            if (definition.Parameters[i].RefKind != RefKind.Out && TypeParametersIn(definition.Parameters[i].Type).Overlaps(resultParameters))
            {
                parameters |= 1UL << i;
            }
        }

        return new Inputs(receiver, parameters);
    }

    // A static method of a class that returns an instance of it is a constructor by another name: MailboxAddress.Parse,
    // BinaryData.FromString, ChatMessage.CreateUserMessage.
    private static bool IsFactory(IMethodSymbol definition, ITypeSymbol produced) =>
        definition.IsStatic
        && definition.MethodKind == MethodKind.Ordinary
        && produced.TypeKind == TypeKind.Class
        && produced.SpecialType == SpecialType.None
        && definition.ContainingType is { TypeKind: TypeKind.Class } factory
        && DerivesFrom(produced, factory);

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    // Every type parameter a type mentions, however nested (List<Func<T, Task<TResult>>> mentions T and TResult).
    private static HashSet<ITypeParameterSymbol> TypeParametersIn(ITypeSymbol type)
    {
        var found = new HashSet<ITypeParameterSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ITypeSymbol>();
        pending.Push(type);
        for (var visited = 0; pending.Count > 0 && visited < 256; visited++)
        {
            switch (pending.Pop())
            {
                case ITypeParameterSymbol parameter:
                    found.Add(parameter);
                    break;
                case IArrayTypeSymbol array:
                    pending.Push(array.ElementType);
                    break;
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                    {
                        pending.Push(argument);
                    }

                    if (named.ContainingType is { } outer)
                    {
                        pending.Push(outer);
                    }

                    break;
            }
        }

        return found;
    }

    /// <summary>A set of a call's inputs: its receiver, and its parameters by ordinal.</summary>
    internal readonly struct Inputs
    {
        public static readonly Inputs None;

        public static readonly Inputs All = new(receiver: true, ulong.MaxValue);

        public static readonly Inputs Held = new(receiver: true, ulong.MaxValue, held: true);

        public Inputs(bool receiver, ulong parameters, bool held = false)
        {
            Receiver = receiver;
            Parameters = parameters;
            IsHeld = held;
        }

        public bool Receiver { get; }

        /// <summary>The result holds the inputs rather than being made of them: a member of it is not their data.</summary>
        public bool IsHeld { get; }

        public ulong Parameters { get; }

        public bool IsEmpty => !Receiver && Parameters == 0;

        public bool Includes(IParameterSymbol? parameter) => parameter is not null && (parameter.Ordinal >= 64 ? Parameters == ulong.MaxValue : (Parameters & (1UL << parameter.Ordinal)) != 0);
    }
}
