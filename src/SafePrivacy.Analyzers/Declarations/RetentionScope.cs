using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>
/// Which <c>[Retention]</c> governs stored data: the stored type's (or the type the data belongs to), else the
/// nearest around the storing member — its types outward, then the assembly.
/// </summary>
internal static class RetentionScope
{
    public static ScopedAttribute? ForStoredType(ITypeSymbol? type)
    {
        for (var current = type is null ? null : DataClassifier.ElementType(type) ?? type; current is not null; current = current.BaseType)
        {
            if (current.SpecialType == SpecialType.System_Object)
            {
                break;
            }

            if (AttributeNames.Find(current, AttributeNames.Retention) is { } retention)
            {
                return new ScopedAttribute(retention, current);
            }
        }

        return null;
    }

    public static ScopedAttribute? For(PrivacyModel model, ISymbol owner, SinkHit hit)
    {
        if (ForStoredType(hit.ValueType) is { } onStoredType)
        {
            return onStoredType;
        }

        foreach (var taint in hit.Data.Items)
        {
            var dataType = taint.Origin as ITypeSymbol ?? taint.Origin.ContainingType;
            if (ForStoredType(dataType) is { } onDataType)
            {
                return onDataType;
            }
        }

        return model.Nearest(owner, AttributeNames.Retention)
            ?? (hit.SinkOwner is { } sinkOwner ? model.Nearest(sinkOwner, AttributeNames.Retention) : null);
    }
}
