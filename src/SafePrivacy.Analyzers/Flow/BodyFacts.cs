using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// The second look at a body the candidate index lets through, on the operations the driver has already bound: does
/// the body itself touch a value that is personal data (by its annotation or its type) or call a helper the index
/// says returns some, does it call a sink or a helper that may sink what it is given, and is something that can
/// carry data given to one of those sinks? No helper is bound. Names over-approximate: this is where a mention of
/// <c>Customer</c> in a <c>nameof</c>, an <c>Add</c> on a list, or an id logged beside an entity stops costing a walk.
/// </summary>
internal static class BodyFacts
{
    // Rounds of the closure in DataFlowsTo before giving up and letting the body through; each round that changes
    // something adds a symbol, and bodies rarely need more than three.
    private const int MaximumRounds = 8;

    public static bool MayMeet(ImmutableArray<IOperation> blocks, WalkContext context, CandidateIndex index)
    {
        var carrying = new Carrying(context, index);
        var hasSource = StartsWithData(context);
        var hasSink = false;

        // The operations given to each sink (its receiver, arguments, the value a sink property is set to); null once
        // a sink is met that needs no operand to store data (SaveChanges of tracked entities, a pipeline's helper that
        // brings its own data), where only the walk can tell.
        List<IOperation>? sinkOperands = new();
        var operations = new List<IOperation>();
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                operations.Add(operation);
                hasSource = hasSource || carrying.CarriesItself(operation);
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        Call(invocation.TargetMethod, invocation);
                        break;
                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        Call(constructor, creation);
                        break;
                    case IPropertyReferenceOperation { Parent: IAssignmentOperation assignment, Property.SetMethod: { } setter } property
                        when assignment.Target == property && (IsSink(setter, property.Instance) || EntityTracking.IsStoringStateChange(property, assignment.Value)):
                        hasSink = true;
                        sinkOperands?.Add(assignment);
                        break;
                }
            }
        }

        if (!hasSource || !hasSink)
        {
            return false;
        }

        return sinkOperands is null || DataFlowsTo(sinkOperands, operations, carrying);

        void Call(IMethodSymbol method, IOperation call)
        {
            var invocation = call as IInvocationOperation;
            if (EntityTracking.IsSaveChanges(method))
            {
                hasSink = true;
                sinkOperands = null;
            }

            var isSink = IsSink(method, invocation?.Instance, invocation);
            if (context.Model.Bodies.HasSourceBody(method))
            {
                var definition = MethodBodies.Definition(method);
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

    /// <summary>
    /// Whether something that can carry personal data is given to one of the sinks: a flow-insensitive closure over the
    /// body's own symbols. A local, parameter or field carries where it is assigned, initialised, deconstructed or
    /// iterated from something that carries, or where something that carries is given to a call on it (a builder, a
    /// list); the out and ref arguments of such a call, and of a call into source, carry; so do the parameters of a
    /// lambda given to one, and every pattern, catch and local-function variable. What the walk would find reaches a
    /// sink through one of these, so a body this rejects has no finding: a service that logs an id beside the entity
    /// it loaded, or caches a summary of its non-personal members, is not walked.
    /// </summary>
    private static bool DataFlowsTo(List<IOperation> sinkOperands, List<IOperation> operations, Carrying carrying)
    {
        var settled = false;
        for (var round = 0; round < MaximumRounds && !settled; round++)
        {
            var before = carrying.Carriers.Count;
            carrying.StartRound();
            foreach (var operation in operations)
            {
                MarkCarriers(operation, carrying);
            }

            settled = carrying.Carriers.Count == before;
        }

        if (!settled)
        {
            return true;
        }

        carrying.StartRound();
        foreach (var operand in sinkOperands)
        {
            var given = operand switch
            {
                IInvocationOperation invocation => carrying.Carries(invocation.Instance) || invocation.Arguments.Any(a => carrying.Carries(a.Value)),
                IObjectCreationOperation creation => creation.Arguments.Any(a => carrying.Carries(a.Value)) || carrying.Carries(creation.Initializer),
                IAssignmentOperation assignment => carrying.Carries(assignment.Value) || carrying.Carries((assignment.Target as IPropertyReferenceOperation)?.Instance),
                _ => true,
            };
            if (given)
            {
                return true;
            }
        }

        return false;
    }

    private static void MarkCarriers(IOperation operation, Carrying carrying)
    {
        var carriers = carrying.Carriers;
        switch (operation)
        {
            case IAssignmentOperation assignment when carrying.Carries(assignment.Value):
                MarkRoot(assignment.Target, carriers);
                break;
            case IVariableDeclaratorOperation declarator when carrying.Carries(declarator.GetVariableInitializer()?.Value):
                carriers.Add(declarator.Symbol);
                break;
            case IForEachLoopOperation loop when carrying.Carries(loop.Collection):
                MarkAll(loop.LoopControlVariable, carriers);
                break;
            case IInvocationOperation invocation:
                var given = carrying.Carries(invocation.Instance)
                    || invocation.Arguments.Any(a => a.Value is not IDelegateCreationOperation && carrying.Carries(a.Value));
                if (given)
                {
                    MarkRoot(invocation.Instance, carriers);
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref && (given || carrying.Context.Model.Bodies.HasSourceBody(invocation.TargetMethod)))
                    {
                        MarkRoot(argument.Value, carriers);
                    }
                    else if (given && argument.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        carriers.UnionWith(lambda.Symbol.Parameters);
                    }
                }

                break;
            case IAnonymousFunctionOperation lambda when lambda.Parent is not IDelegateCreationOperation { Parent: IArgumentOperation }:
                // A lambda kept or converted elsewhere may be called with anything.
                carriers.UnionWith(lambda.Symbol.Parameters);
                break;
            case ILocalFunctionOperation localFunction:
                carriers.UnionWith(localFunction.Symbol.Parameters);
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
                carriers.UnionWith(catchClause.Locals);
                break;
        }
    }

    // The locals, parameters and fields an assignment target or a call's receiver stands on: `dto` of `dto.Email`,
    // `sb` of `sb.Append(a).Append(b)`, `map` of `map[key]`, every element of a deconstruction.
    private static void MarkRoot(IOperation? target, HashSet<ISymbol> carriers)
    {
        for (var current = target; current is not null;)
        {
            switch (current)
            {
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
                case IConditionalAccessInstanceOperation conditional:
                    current = OperationShapes.ConditionalReceiverOf(conditional);
                    break;
                default:
                    // A local or parameter, or a tuple of them.
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

    /// <summary>
    /// Which operations can carry personal data, given the symbols known to carry so far: each operation answered once
    /// per round of the closure (a long fluent chain is not re-read from every call in it), bottom-up with an explicit
    /// stack, so that no depth of nesting recurses.
    /// </summary>
    private sealed class Carrying
    {
        private readonly CandidateIndex _index;
        private readonly Dictionary<IOperation, bool> _answers = new();

        public Carrying(WalkContext context, CandidateIndex index)
        {
            Context = context;
            _index = index;
        }

        public WalkContext Context { get; }

        public HashSet<ISymbol> Carriers { get; } = new(SymbolEqualityComparer.Default);

        // Answers hold only while the carriers stay as they were.
        public void StartRound() => _answers.Clear();

        /// <summary>
        /// Whether the operation, or anything in it, can carry personal data. A member that is not personal read from a
        /// value that is data only by its type (<c>entity.Id</c>, <c>order.Status</c>) carries nothing: navigation is
        /// a link, and only the members read count. A value that was given data (a carrier) keeps all its members.
        /// </summary>
        public bool Carries(IOperation? operation)
        {
            if (operation is null)
            {
                return false;
            }

            var pending = new Stack<(IOperation Node, bool ChildrenDone)>();
            pending.Push((operation, false));
            while (pending.Count > 0)
            {
                var (node, childrenDone) = pending.Pop();
                if (_answers.ContainsKey(node))
                {
                    continue;
                }

                var skipped = SkippedChild(node);
                if (childrenDone)
                {
                    var any = false;
                    foreach (var child in node.ChildOperations)
                    {
                        any |= !ReferenceEquals(child, skipped) && _answers.TryGetValue(child, out var carries) && carries;
                    }

                    _answers[node] = any;
                    continue;
                }

                if (CarriesItself(node))
                {
                    _answers[node] = true;
                    continue;
                }

                pending.Push((node, true));
                foreach (var child in node.ChildOperations)
                {
                    if (!ReferenceEquals(child, skipped))
                    {
                        pending.Push((child, false));
                    }
                }
            }

            return _answers[operation];
        }

        /// <summary>Whether the operation itself (not what is in it) can be personal data.</summary>
        public bool CarriesItself(IOperation node) => node switch
        {
            ILocalReferenceOperation local => Carriers.Contains(local.Local) || Context.Classifier.ClassifyType(local.Type).IsPersonal,
            IParameterReferenceOperation parameter => Carriers.Contains(parameter.Parameter) || IsPersonal(parameter.Parameter, parameter.Type, Context),
            IFieldReferenceOperation field => Carriers.Contains(field.Field) || IsPersonal(field.Field, field.Type, Context) || MayHoldData(field),
            IPropertyReferenceOperation property => IsPersonal(property.Property, property.Type, Context)
                || (property.Property.GetMethod is { } getter && Context.Model.Bodies.HasSourceBody(getter) && _index.MayReturnData(getter)),
            IInstanceReferenceOperation instance => Context.Classifier.ClassifyType(instance.Type).IsPersonal,
            IInvocationOperation invocation => !Context.Classifier.ClassifyReturn(invocation.TargetMethod).IsEmpty
                || Context.Classifier.ClassifyType(invocation.Type).IsPersonal
                || (Context.Model.Bodies.HasSourceBody(invocation.TargetMethod) && _index.MayReturnData(MethodBodies.Definition(invocation.TargetMethod))),
            IObjectCreationOperation creation => Context.Classifier.ClassifyType(creation.Type).IsPersonal,
            _ => false,
        };

        // The instance of a member read that is not personal, where the instance is data only by its type.
        private IOperation? SkippedChild(IOperation node) =>
            node is IPropertyReferenceOperation or IFieldReferenceOperation && ((IMemberReferenceOperation)node).Instance is { } instance && IsDataOnlyByType(instance)
                ? instance
                : null;

        // A local, parameter, field or `this` that counts as data for its type alone: not a carrier, not annotated.
        private bool IsDataOnlyByType(IOperation instance) => instance switch
        {
            ILocalReferenceOperation local => !Carriers.Contains(local.Local),
            IParameterReferenceOperation parameter => !Carriers.Contains(parameter.Parameter) && !Context.Classifier.ClassifyMember(parameter.Parameter).IsPersonal,
            IFieldReferenceOperation field => !Carriers.Contains(field.Field) && !Context.Classifier.ClassifyMember(field.Field).IsPersonal
                && field.Instance is null or IInstanceReferenceOperation && !MayHoldData(field),
            IInstanceReferenceOperation => true,
            _ => false,
        };

        // A field of this type (or a static one) that a body of the type may have written personal data into.
        private bool MayHoldData(IFieldReferenceOperation field) => OperationShapes.IsTracked(field) && _index.MayHoldData(field.Field);
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
