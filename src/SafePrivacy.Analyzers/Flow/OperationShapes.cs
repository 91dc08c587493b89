using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>Questions about the shape of an operation that the walk, the calls and the sink recorder all ask.</summary>
internal static class OperationShapes
{
    public static IOperation? StripConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The static type of a value before the implicit conversions the compiler added to pass it on.</summary>
    public static ITypeSymbol? ValueTypeOf(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation.Type;
    }

    /// <summary>Fields the walk keeps a value for: static ones, and the body's own instance's.</summary>
    public static bool IsTracked(IMemberReferenceOperation reference) =>
        reference.Member.IsStatic || reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary>The local, parameter or tracked field an operation reads, if it reads one.</summary>
    public static ISymbol? TrackedSymbol(IOperation? operation) => StripConversions(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field when IsTracked(field) => field.Field,
        IDeclarationExpressionOperation declaration => TrackedSymbol(declaration.Expression),
        _ => null,
    };

    public static bool IsLambda(IOperation operation) =>
        StripConversions(operation) is IAnonymousFunctionOperation or IDelegateCreationOperation { Target: IAnonymousFunctionOperation };

    public static ITupleOperation? UnwrapTuple(IOperation operation) => StripConversions(operation) switch
    {
        ITupleOperation tuple => tuple,
        IDeclarationExpressionOperation { Expression: ITupleOperation tuple } => tuple,
        _ => null,
    };

    // What `?.` is applied to: `rating.Member` in `rating.Member?.Name`.
    public static IOperation? ConditionalReceiverOf(IConditionalAccessInstanceOperation instance)
    {
        IOperation? node = instance;
        for (var step = 0; step < 64 && node is not null; step++)
        {
            if (node.Parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == node)
            {
                return conditional.Operation;
            }

            node = node.Parent;
        }

        return null;
    }
}
