using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// What the engine knows about library calls it cannot see into: which compute something about personal data
/// rather than carry it, which accumulate what they are given, which serialise. Knowledge of sinks is in Sinks/.
/// </summary>
internal static class KnownCalls
{
    public static bool IsBoolean(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;

    /// <summary>A member that tells something about a value without revealing it: a length, a count, a flag.</summary>
    public static bool IsNonIdentifyingProjection(ISymbol member, ITypeSymbol? type) =>
        IsBoolean(type) || member.Name is "Length" or "Count" or "LongLength" or "Rank" or "HasValue" or "IsEmpty";

    // Counting or locating inside personal data does not reveal it: list.Count(), email.IndexOf('@') — whatever
    // the result type (IsNumber covers the plain numbers).
    public static bool IsCountOrIndex(IMethodSymbol method) =>
        method.Name is "Count" or "LongCount" or "IndexOf" or "LastIndexOf" or "FindIndex" or "BinarySearch" or "CompareTo" or "Compare" or "GetHashCode";

    /// <summary>
    /// Whether a call's result is a plain number or flag (a score, a count, a hash code), directly or awaited: new
    /// data computed about its inputs, not a copy of them.
    /// </summary>
    public static bool ReturnsNumberOrFlag(ITypeSymbol? type)
    {
        var result = type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            && (MetadataNames.Is(generic, "System.Threading.Tasks.Task`1") || MetadataNames.Is(generic, "System.Threading.Tasks.ValueTask`1"))
            ? generic.TypeArguments[0]
            : type;
        return result?.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal
            or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Boolean;
    }

    /// <summary><c>string.Join</c> and <c>string.Concat</c>: the elements of a collection become one text.</summary>
    public static bool IsElementJoin(IMethodSymbol method) =>
        method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Join" or "Concat";

    /// <summary>Builders and collections that keep what is added to them.</summary>
    public static bool IsAccumulating(IMethodSymbol method) =>
        !method.IsStatic
        && (method.Name.StartsWith("Add", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Append", System.StringComparison.Ordinal)
            || method.Name is "Insert" or "InsertRange" or "Push" or "Enqueue" or "TryAdd" or "Prepend" or "Write" or "WriteLine");

    /// <summary>
    /// The local, parameter or field a builder call adds to: the receiver itself, or the root of a fluent chain of
    /// accumulating calls (<c>sb.Append("to ").Append(email)</c> adds to <c>sb</c>).
    /// </summary>
    public static ISymbol? AccumulatorOf(IOperation instance)
    {
        var current = instance;
        for (var depth = 0; depth < 256; depth++)
        {
            if (OperationShapes.TrackedSymbol(current) is { } tracked)
            {
                return tracked;
            }

            if (OperationShapes.StripConversions(current) is not IInvocationOperation { Instance: { } inner } chained || !IsAccumulating(chained.TargetMethod))
            {
                return null;
            }

            current = inner;
        }

        return null;
    }

    public static bool IsStringBuilder(ITypeSymbol? type) => MetadataNames.Is(type, "System.Text.StringBuilder");

    /// <summary>Serialisers: every member of what they are given ends up in the text.</summary>
    public static bool IsSerializer(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return (method.Name.StartsWith("Serialize", System.StringComparison.Ordinal) && MetadataNames.Is(type, "System.Text.Json.JsonSerializer"))
            || (method.Name == "SerializeObject" && MetadataNames.Is(type, "Newtonsoft.Json.JsonConvert"))
            || (method.Name == "Create" && MetadataNames.Is(type, "System.Net.Http.Json.JsonContent"));
    }

    public static bool IsParameterlessToString(IMethodSymbol method) => method.Name == nameof(ToString) && method.Parameters.Length == 0;
}
