using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// What printing a value shows: text and numbers are themselves; records, anonymous types, tuples and JSON or XML
/// documents print their members; a ToString override in source prints what its summary returns; anything else
/// prints its type's name.
/// </summary>
internal sealed class ValuePrinting
{
    // Values whose ToString is the value itself: text, numbers, dates, identifiers, addresses.
    private static readonly string[] TextLikeTypes =
    {
        "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.Guid", "System.Uri",
        "System.Net.IPAddress", "System.Net.IPEndPoint", "System.Net.Mail.MailAddress", "System.Text.StringBuilder",
        "System.Numerics.BigInteger", "System.Half", "System.Int128", "System.UInt128", "System.Collections.Generic.KeyValuePair`2",
    };

    // Documents whose ToString is their whole content as JSON or XML: what was put in them is printed.
    private static readonly string[] DocumentTypes =
    {
        "Newtonsoft.Json.Linq.JToken", "System.Text.Json.Nodes.JsonNode", "System.Text.Json.JsonElement", "System.Text.Json.JsonProperty",
        "System.Xml.Linq.XNode", "System.Xml.Linq.XAttribute", "System.Xml.Linq.XStreamingElement", "System.Xml.XmlNode",
    };

    private readonly MethodBodies _bodies;
    private readonly ISummaryProvider _summaries;
    private readonly ConcurrentDictionary<(ITypeSymbol, int), bool> _printsData = new();

    public ValuePrinting(MethodBodies bodies, ISummaryProvider summaries)
    {
        _bodies = bodies;
        _summaries = summaries;
    }

    /// <summary>Whether printing the value with ToString shows the personal data it carries.</summary>
    public bool RendersAsText(Taint taint, int level)
    {
        var type = taint.Type;
        if (taint.Shape == TaintShape.Data && IsTextLike(type))
        {
            return true;
        }

        return type is not null && ToStringPrintsData(type, level);
    }

    /// <summary>
    /// Whether a type's ToString prints its members: records (compiler-synthesised), anonymous types, tuples,
    /// JSON and XML documents, or an override in this compilation that returns personal data.
    /// </summary>
    public bool ToStringPrintsData(ITypeSymbol type, int level)
    {
        if (type is not INamedTypeSymbol named || level < 0)
        {
            return false;
        }

        return _printsData.GetOrAdd((named, level), key => ComputePrintsData((INamedTypeSymbol)key.Item1, key.Item2));
    }

    /// <summary>The type's own <c>override string ToString()</c>, if it declares one.</summary>
    public static IMethodSymbol? ToStringOverride(INamedTypeSymbol type) =>
        type.GetMembers(nameof(ToString)).OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.IsEmpty && m.IsOverride);

    private bool ComputePrintsData(INamedTypeSymbol type, int level)
    {
        if (type.IsAnonymousType || type.IsTupleType || PrintsContent(type))
        {
            return true;
        }

        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var toString = ToStringOverride(current);
            if (toString is null)
            {
                continue;
            }

            if (_bodies.HasSourceBody(toString))
            {
                return _summaries.Summary(toString, level, default) is { } summary && (!summary.ReturnTaints.IsEmpty || summary.ReturnFromParameters.Any(p => p.Ordinal == -1));
            }

            // Synthesised (records) or compiled: records print their members; other library types we do not know.
            return current.IsRecord || toString.IsImplicitlyDeclared;
        }

        return false;
    }

    /// <summary>
    /// What a collection holds, for printers that print one element by element: the <c>T</c> of the
    /// <c>IEnumerable&lt;T&gt;</c> it is (text is not a collection of characters here, nor a document of its nodes).
    /// </summary>
    public static ITypeSymbol? ElementType(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String || PrintsContent(type))
        {
            return null;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } enumerable)
        {
            return enumerable.TypeArguments[0];
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>Whether the type is a JSON or XML document, whose ToString is everything put in it.</summary>
    public static bool PrintsContent(ITypeSymbol type)
    {
        foreach (var name in DocumentTypes)
        {
            if (MetadataNames.DerivesFrom(type, name))
            {
                return true;
            }
        }

        return false;
    }

    // Also the types we cannot see through (object, interfaces, type parameters), where the safe answer is that it prints.
    private static bool IsTextLike(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            type = generic.TypeArguments[0];
        }

        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Dynamic or TypeKind.TypeParameter or TypeKind.Interface or TypeKind.Error)
        {
            return type?.SpecialType != SpecialType.System_Collections_Generic_IEnumerable_T;
        }

        foreach (var name in TextLikeTypes)
        {
            if (MetadataNames.Is(type, name))
            {
                return true;
            }
        }

        return false;
    }
}
