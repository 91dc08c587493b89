using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// The second look at a body the candidate index lets through, on the operations the driver has already bound: does
/// the body itself touch a value that is personal data (by its annotation or its type) or call a helper the index
/// says returns some, and does it call a sink or a helper that may sink what it is given? One pass, no allocation per
/// operation, no helper bound. Names over-approximate: this is where a mention of <c>Customer</c> in a
/// <c>nameof</c>, or an <c>Add</c> on a list, stops costing a walk.
/// </summary>
internal static class BodyFacts
{
    public static bool MayMeet(ImmutableArray<IOperation> blocks, WalkContext context, CandidateIndex index)
    {
        var hasSource = StartsWithData(context);
        var hasSink = false;

        // The operations given to each sink (its receiver, arguments, the value a sink property is set to); null once
        // a sink is met that needs no operand to store data (SaveChanges of tracked entities, a pipeline's helper that
        // brings its own data), where only the walk can tell.
        List<IOperation>? sinkOperands = new();
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        Call(invocation.TargetMethod, invocation.Type, invocation);
                        break;
                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        Call(constructor, creation.Type, creation);
                        break;
                    case IPropertyReferenceOperation property:
                        hasSource |= IsPersonal(property.Property, property.Type, context);
                        if (property.Property.GetMethod is { } getter && context.Model.Bodies.HasSourceBody(getter))
                        {
                            hasSource |= index.MayReturnData(getter);
                        }

                        if (property.Parent is IAssignmentOperation assignment && assignment.Target == property && property.Property.SetMethod is { } setter
                            && (IsSink(setter, property.Instance) || EntityTracking.IsStoringStateChange(property, assignment.Value)))
                        {
                            hasSink = true;
                            sinkOperands?.Add(assignment);
                        }

                        break;
                    case IFieldReferenceOperation field:
                        hasSource |= IsPersonal(field.Field, field.Type, context) || (OperationShapes.IsTracked(field) && index.MayHoldData(field.Field));
                        break;
                    case IParameterReferenceOperation parameter:
                        hasSource |= IsPersonal(parameter.Parameter, parameter.Type, context);
                        break;
                    case ILocalReferenceOperation local:
                        hasSource |= context.Classifier.ClassifyType(local.Type).IsPersonal;
                        break;
                    case IInstanceReferenceOperation instance:
                        hasSource |= context.Classifier.ClassifyType(instance.Type).IsPersonal;
                        break;
                }

            }
        }

        if (!hasSource || !hasSink)
        {
            return false;
        }

        return sinkOperands is null || DataFlowsTo(sinkOperands, blocks, context, index);

        void Call(IMethodSymbol method, ITypeSymbol? type, IOperation call)
        {
            var invocation = call as IInvocationOperation;
            if (EntityTracking.IsSaveChanges(method))
            {
                hasSink = true;
                sinkOperands = null;
            }

            var isSink = IsSink(method, invocation?.Instance, invocation);
            hasSource |= !context.Classifier.ClassifyReturn(method).IsEmpty || context.Classifier.ClassifyType(type).IsPersonal;
            if (context.Model.Bodies.HasSourceBody(method))
            {
                var definition = MethodBodies.Definition(method);
                hasSource |= index.MayReturnData(definition);
                isSink |= index.MaySinkWhatItIsGiven(definition);

                // A helper that brings its own data to a sink is a finding of this body's where a scope follows its helpers.
                if (context.Model.DeclaresModerationPipelines && index.MayReachSink(definition))
                {
                    hasSource = hasSink = true;
                    sinkOperands = null;
                }
            }

            if (isSink)
            {
                hasSink = true;
                sinkOperands?.Add(call);
            }
        }

        bool IsSink(IMethodSymbol method, IOperation? instance, IInvocationOperation? invocation = null)
        {
            foreach (var sink in context.ResolveSinks(method))
            {
                if (invocation is not null ? SinkRecorder.Matches(sink, invocation) : SinkRecorder.ReceiverMatches(sink, instance))
                {
                    return true;
                }
            }

            return false;
        }
    }

    // Rounds of the closure below before giving up and letting the body through; each round that changes something
    // adds a symbol, and bodies rarely need more than three.
    private const int MaximumRounds = 8;

    /// <summary>
    /// Whether something that can carry personal data is given to one of the sinks: a flow-insensitive closure over the
    /// body's own symbols. A local, parameter or field carries where it is assigned, initialised, deconstructed or
    /// iterated from something that carries, or where something that carries is given to a call on it (a builder, a
    /// list); the out and ref arguments of such a call, and of a call into source, carry; so do the parameters of a
    /// lambda given to one, and every pattern, catch and local-function variable. What the walk would find reaches a
    /// sink through one of these, so a body this rejects has no finding: a service that logs an id beside the entity
    /// it loaded, or caches a summary of its non-personal members, is not walked.
    /// </summary>
    private static bool DataFlowsTo(List<IOperation> sinkOperands, ImmutableArray<IOperation> blocks, WalkContext context, CandidateIndex index)
    {
        var carriers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var operations = new List<IOperation>();
        foreach (var block in blocks)
        {
            operations.AddRange(block.DescendantsAndSelf());
        }

        var settled = false;
        for (var round = 0; round < MaximumRounds && !settled; round++)
        {
            var before = carriers.Count;
            foreach (var operation in operations)
            {
                MarkCarriers(operation, carriers, context, index);
            }

            settled = carriers.Count == before;
        }

        if (!settled)
        {
            return true;
        }

        foreach (var operand in sinkOperands)
        {
            var given = operand switch
            {
                IInvocationOperation invocation => Carries(invocation.Instance, carriers, context, index) || invocation.Arguments.Any(a => Carries(a.Value, carriers, context, index)),
                IObjectCreationOperation creation => creation.Arguments.Any(a => Carries(a.Value, carriers, context, index)) || Carries(creation.Initializer, carriers, context, index),
                IAssignmentOperation assignment => Carries(assignment.Value, carriers, context, index) || Carries((assignment.Target as IPropertyReferenceOperation)?.Instance, carriers, context, index),
                _ => true,
            };
            if (given)
            {
                return true;
            }
        }

        return false;
    }

    private static void MarkCarriers(IOperation operation, HashSet<ISymbol> carriers, WalkContext context, CandidateIndex index)
    {
        switch (operation)
        {
            case IAssignmentOperation assignment when Carries(assignment.Value, carriers, context, index):
                MarkRoot(assignment.Target, carriers);
                break;
            case IVariableDeclaratorOperation declarator when Carries(declarator.GetVariableInitializer()?.Value, carriers, context, index):
                carriers.Add(declarator.Symbol);
                break;
            case IForEachLoopOperation loop when Carries(loop.Collection, carriers, context, index):
                MarkAll(loop.LoopControlVariable, carriers);
                break;
            case IInvocationOperation invocation:
                var given = Carries(invocation.Instance, carriers, context, index)
                    || invocation.Arguments.Any(a => a.Value is not IDelegateCreationOperation && Carries(a.Value, carriers, context, index));
                if (given)
                {
                    MarkRoot(invocation.Instance, carriers);
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref && (given || context.Model.Bodies.HasSourceBody(invocation.TargetMethod)))
                    {
                        MarkRoot(argument.Value, carriers);
                    }
                    else if (given && argument.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        foreach (var parameter in lambda.Symbol.Parameters)
                        {
                            carriers.Add(parameter);
                        }
                    }
                }

                break;
            case IAnonymousFunctionOperation lambda when lambda.Parent is not IDelegateCreationOperation { Parent: IArgumentOperation }:
                // A lambda kept or converted elsewhere may be called with anything.
                foreach (var parameter in lambda.Symbol.Parameters)
                {
                    carriers.Add(parameter);
                }

                break;
            case ILocalFunctionOperation localFunction:
                foreach (var parameter in localFunction.Symbol.Parameters)
                {
                    carriers.Add(parameter);
                }

                break;
            case IDeclarationPatternOperation { DeclaredSymbol: { } declared }:
                carriers.Add(declared);
                break;
            case IRecursivePatternOperation { DeclaredSymbol: { } declared }:
                carriers.Add(declared);
                break;
            case IListPatternOperation { DeclaredSymbol: { } declared }:
                carriers.Add(declared);
                break;
            case ICatchClauseOperation catchClause:
                foreach (var local in catchClause.Locals)
                {
                    carriers.Add(local);
                }

                break;
        }
    }

    // Whether the operation, or anything in it, can carry personal data. A member that is not personal read from a
    // value that is data only by its type (`entity.Id`, `order.Status`) carries nothing: navigation is a link, and
    // only the members read count. A value that was given data (a carrier) keeps all its members.
    private static bool Carries(IOperation? operation, HashSet<ISymbol> carriers, WalkContext context, CandidateIndex index)
    {
        if (operation is null)
        {
            return false;
        }

        var pending = new Stack<IOperation>();
        pending.Push(operation);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var carries = node switch
            {
                ILocalReferenceOperation local => carriers.Contains(local.Local) || context.Classifier.ClassifyType(local.Type).IsPersonal,
                IParameterReferenceOperation parameter => carriers.Contains(parameter.Parameter) || IsPersonal(parameter.Parameter, parameter.Type, context),
                IFieldReferenceOperation field => carriers.Contains(field.Field) || IsPersonal(field.Field, field.Type, context)
                    || (OperationShapes.IsTracked(field) && index.MayHoldData(field.Field)),
                IPropertyReferenceOperation property => IsPersonal(property.Property, property.Type, context)
                    || (property.Property.GetMethod is { } getter && context.Model.Bodies.HasSourceBody(getter) && index.MayReturnData(getter)),
                IInstanceReferenceOperation instance => context.Classifier.ClassifyType(instance.Type).IsPersonal,
                IInvocationOperation invocation => ReturnsData(invocation.TargetMethod, invocation.Type, context, index),
                IObjectCreationOperation creation => context.Classifier.ClassifyType(creation.Type).IsPersonal,
                _ => false,
            };
            if (carries)
            {
                return true;
            }

            var skipped = node is IPropertyReferenceOperation or IFieldReferenceOperation && IsDataOnlyByType(((IMemberReferenceOperation)node).Instance, carriers, context, index)
                ? ((IMemberReferenceOperation)node).Instance
                : null;
            foreach (var child in node.ChildOperations)
            {
                if (!ReferenceEquals(child, skipped))
                {
                    pending.Push(child);
                }
            }
        }

        return false;
    }

    // A local, parameter, field or `this` that counts as data for its type alone: not a carrier, not annotated.
    private static bool IsDataOnlyByType(IOperation? instance, HashSet<ISymbol> carriers, WalkContext context, CandidateIndex index) => instance switch
    {
        ILocalReferenceOperation local => !carriers.Contains(local.Local),
        IParameterReferenceOperation parameter => !carriers.Contains(parameter.Parameter) && !context.Classifier.ClassifyMember(parameter.Parameter).IsPersonal,
        IFieldReferenceOperation field => !carriers.Contains(field.Field) && !context.Classifier.ClassifyMember(field.Field).IsPersonal
            && field.Instance is null or IInstanceReferenceOperation && !(OperationShapes.IsTracked(field) && index.MayHoldData(field.Field)),
        IInstanceReferenceOperation => true,
        _ => false,
    };

    private static bool ReturnsData(IMethodSymbol method, ITypeSymbol? type, WalkContext context, CandidateIndex index) =>
        !context.Classifier.ClassifyReturn(method).IsEmpty
        || context.Classifier.ClassifyType(type).IsPersonal
        || (context.Model.Bodies.HasSourceBody(method) && index.MayReturnData(MethodBodies.Definition(method)));

    // The locals, parameters and fields an assignment target or a call's receiver stands on: `dto` of `dto.Email`,
    // `sb` of `sb.Append(a).Append(b)`, `map` of `map[key]`, every element of a deconstruction.
    private static void MarkRoot(IOperation? target, HashSet<ISymbol> carriers)
    {
        for (var current = target; current is not null;)
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    carriers.Add(local.Local);
                    return;
                case IParameterReferenceOperation parameter:
                    carriers.Add(parameter.Parameter);
                    return;
                case IFieldReferenceOperation field:
                    carriers.Add(field.Field);
                    current = field.Instance;
                    break;
                case IPropertyReferenceOperation property:
                    current = property.Instance;
                    break;
                case IArrayElementReferenceOperation element:
                    current = element.ArrayReference;
                    break;
                case IInvocationOperation invocation:
                    current = invocation.Instance;
                    break;
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    break;
                case IDeclarationExpressionOperation declaration:
                    current = declaration.Expression;
                    break;
                case IConditionalAccessInstanceOperation:
                    current = EnclosingConditionalAccess(current)?.Operation;
                    break;
                case ITupleOperation or IInterpolatedStringOperation:
                    MarkAll(current, carriers);
                    return;
                default:
                    MarkAll(current, carriers);
                    return;
            }
        }
    }

    // Every local a target declares or names: `var (id, mail) = …`, `foreach (var (k, v) in …)`.
    private static void MarkAll(IOperation? target, HashSet<ISymbol> carriers)
    {
        if (target is null)
        {
            return;
        }

        foreach (var node in target.DescendantsAndSelf())
        {
            switch (node)
            {
                case ILocalReferenceOperation local:
                    carriers.Add(local.Local);
                    break;
                case IParameterReferenceOperation parameter:
                    carriers.Add(parameter.Parameter);
                    break;
                case IFieldReferenceOperation field:
                    carriers.Add(field.Field);
                    break;
                case IVariableDeclaratorOperation declarator:
                    carriers.Add(declarator.Symbol);
                    break;
            }
        }
    }

    private static IConditionalAccessOperation? EnclosingConditionalAccess(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access)
            {
                return access;
            }
        }

        return null;
    }

    private static bool IsPersonal(ISymbol member, ITypeSymbol? type, WalkContext context)
    {
        var memberClass = context.Classifier.ClassifyMember(member);
        return !memberClass.IsSilenced && (memberClass.IsPersonal || context.Classifier.ClassifyType(type).IsPersonal);
    }

    // Parameters of personal types or annotated ones, and `this` of a personal type, are data before anything is read.
    private static bool StartsWithData(WalkContext context)
    {
        if (context.Owner is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (IsPersonal(parameter, parameter.Type, context))
                {
                    return true;
                }
            }
        }

        return !context.Owner.IsStatic && context.Owner.ContainingType is { } type && context.Classifier.ClassifyType(type).IsPersonal;
    }
}
