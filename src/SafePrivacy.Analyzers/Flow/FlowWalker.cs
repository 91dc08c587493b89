using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// One forward pass over a body's operations — an abstract interpretation whose values are the personal data
/// each expression carries. Branches are walked separately and joined, loops until nothing changes; calls into
/// methods of the compilation use their summaries. Every sink call it meets is recorded, for every rule at once.
/// </summary>
internal sealed class FlowWalker
{
    // A loop's state grows monotonically over a finite set of origins; a few rounds always reach the fixpoint,
    // and the bound keeps a pathological body from costing more.
    private const int MaximumLoopRounds = 8;

    // An operation tree is as deep as the code it comes from: a fluent chain of hundreds of calls, patterns inside
    // patterns. Past this depth, or where the thread's stack runs low, the walk stops descending (a stack overflow
    // cannot be caught: it would take the compiler down).
    private const int MaximumDepth = 1000;

    private readonly PrivacyModel _model;
    private readonly DataClassifier _classifier;
    private readonly ISymbol _owner;
    private readonly IMethodSymbol? _summaryOf;
    private readonly int _calleeLevel;
    private readonly ConfiguredSinks _configured;
    private readonly CancellationToken _cancellationToken;
    private readonly ITypeSymbol _stringType;
    private readonly ISymbol _thisKey;
    private readonly Dictionary<(Location, SinkKind, string, bool), SinkHitBuilder> _hits = new();
    private readonly List<SinkHitBuilder> _hitsInOrder = new();
    private readonly Dictionary<(int, SinkKind, string, RenderMode), ParameterSink> _parameterSinks = new();

    private FlowState _state = new();
    private Taints _returned;
    private Taints _lambdaInput;
    private Taints _conditionalReceiver;
    private int _loopDepth;
    private int _depth;

    /// <param name="model">The compilation's model.</param>
    /// <param name="owner">The member whose body is walked.</param>
    /// <param name="summaryOf">When set, the walk computes this method's summary: parameters carry markers, not their annotations.</param>
    /// <param name="calleeLevel">The summary level used for callees; below zero, callees are treated like library code.</param>
    /// <param name="configured">The sinks .editorconfig lists for the body's file.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public FlowWalker(PrivacyModel model, ISymbol owner, IMethodSymbol? summaryOf, int calleeLevel, ConfiguredSinks configured, CancellationToken cancellationToken)
    {
        _model = model;
        _classifier = model.Classifier;
        _owner = owner;
        _summaryOf = summaryOf;
        _calleeLevel = calleeLevel;
        _configured = configured;
        _cancellationToken = cancellationToken;
        _stringType = model.Compilation.GetSpecialType(SpecialType.System_String);
        _thisKey = owner.ContainingType ?? owner;
    }

    public BodyResult Run(IEnumerable<IOperation> roots)
    {
        Seed();
        foreach (var root in roots)
        {
            Visit(root);
        }

        var hits = _hitsInOrder.Select(h => h.Build()).ToImmutableArray();
        var sinks = _parameterSinks.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item3, System.StringComparer.Ordinal).Select(p => p.Value).ToImmutableArray();
        return new BodyResult(hits, _returned, sinks);
    }

    private void Seed()
    {
        var method = _owner as IMethodSymbol;
        if (_summaryOf is not null)
        {
            foreach (var parameter in _summaryOf.Parameters)
            {
                _state.Set(parameter, Taints.Of(Taint.Marker(_summaryOf, parameter.Ordinal, parameter.Type)));
            }

            if (!_summaryOf.IsStatic)
            {
                _state.Set(_thisKey, Taints.Of(Taint.Marker(_summaryOf, -1, _summaryOf.ContainingType)));
            }

            return;
        }

        if (method is not null)
        {
            foreach (var parameter in method.Parameters)
            {
                _state.Set(parameter, ParameterTaints(parameter));
            }
        }

        if (!_owner.IsStatic && _owner.ContainingType is { } type)
        {
            _state.Set(_thisKey, TypeTaints(type));
        }
    }

    private Taints ParameterTaints(IParameterSymbol parameter)
    {
        var taints = TypeTaints(parameter.Type);
        var parameterClass = _classifier.ClassifyMember(parameter);
        if (parameterClass.IsSilenced)
        {
            return Taints.None;
        }

        return parameterClass.IsPersonal ? taints.Add(Taint.Data(parameter, parameterClass.Class, parameter.Type)) : taints;
    }

    private Taints TypeTaints(ITypeSymbol? type)
    {
        var data = _classifier.ClassifyType(type);
        if (!data.IsPersonal)
        {
            return Taints.None;
        }

        return Taints.Of(data.Shape == TaintShape.Holder
            ? Taint.Holder(data.Origin!, data.Class, type)
            : Taint.Data(data.Origin!, data.Class, type));
    }

    private Taints Visit(IOperation? operation)
    {
        if (operation is null)
        {
            return Taints.None;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        if (!TryEnter())
        {
            return Taints.None;
        }

        try
        {
            return VisitOperation(operation);
        }
        finally
        {
            _depth--;
        }
    }

    // Every recursive step of the walk enters here; the caller leaves with _depth-- in a finally.
    private bool TryEnter()
    {
        if (_depth >= MaximumDepth || !StackGuard.HasRoom())
        {
            return false;
        }

        _depth++;
        return true;
    }

    private Taints VisitOperation(IOperation operation)
    {
        switch (operation)
        {
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    Visit(statement);
                }

                return Taints.None;
            case IVariableDeclaratorOperation declarator:
                Visit(declarator.Initializer);
                var initial = Visit(declarator.GetVariableInitializer()?.Value);
                _state.Set(declarator.Symbol, initial);
                return initial;
            case IVariableInitializerOperation:
                return Taints.None;
            case IReturnOperation returned:
                _returned = _returned.Union(Visit(returned.ReturnedValue));
                return Taints.None;
            case IConditionalOperation conditional:
                return VisitConditional(conditional);
            case ILoopOperation loop:
                VisitLoop(loop);
                return Taints.None;
            case ISwitchOperation @switch:
                VisitSwitch(@switch);
                return Taints.None;
            case ISwitchExpressionOperation switchExpression:
                return VisitSwitchExpression(switchExpression);
            case IIsPatternOperation isPattern:
                VisitPattern(isPattern.Pattern, Visit(isPattern.Value));
                return Taints.None;
            case ITryOperation @try:
                VisitTry(@try);
                return Taints.None;
            case IAnonymousFunctionOperation lambda:
                return VisitLambda(lambda);
            case ILocalFunctionOperation localFunction:
                VisitLocalFunction(localFunction);
                return Taints.None;
            case IDelegateCreationOperation delegateCreation:
                return Visit(delegateCreation.Target);
            case ILiteralOperation or IDefaultValueOperation or ITypeOfOperation or ISizeOfOperation or INameOfOperation:
                return Taints.None;
            case ILocalReferenceOperation local:
                return Stamp(_state.Get(local.Local), local);
            case IParameterReferenceOperation parameter:
                return Stamp(_state.Get(parameter.Parameter), parameter);
            case IInstanceReferenceOperation instance:
                return instance.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance ? _state.Get(_thisKey) : Taints.None;
            case IMemberReferenceOperation member when member is IFieldReferenceOperation or IPropertyReferenceOperation:
                return Stamp(VisitMemberReference(member), member);
            case IArrayElementReferenceOperation element:
                VisitAll(element.Indices);
                return Retype(Visit(element.ArrayReference), element.Type);
            case IInvocationOperation invocation:
                return VisitInvocation(invocation, out _);
            case IObjectCreationOperation creation:
                return VisitCreation(creation);
            case IAnonymousObjectCreationOperation anonymous:
                return VisitAll(anonymous.Initializers.Select(i => i is IAssignmentOperation assignment ? assignment.Value : i));
            case IObjectOrCollectionInitializerOperation initializer:
                return VisitInitializer(initializer, initializer.Type);
            case IMemberInitializerOperation memberInitializer:
                Visit(memberInitializer.InitializedMember);
                return Visit(memberInitializer.Initializer);
            case ITupleOperation tuple:
                return VisitAll(tuple.Elements);
            case IArrayCreationOperation array:
                VisitAll(array.DimensionSizes);
                return Retype(Visit(array.Initializer), array.Type);
            case IArrayInitializerOperation arrayInitializer:
                return VisitAll(arrayInitializer.ElementValues);
            case ICollectionExpressionOperation collection:
                return Retype(VisitAll(collection.Elements), collection.Type);
            case ISpreadOperation spread:
                return Visit(spread.Operand);
            case IConversionOperation conversion:
                return Visit(conversion.Operand);
            case IInterpolatedStringOperation interpolated:
                return VisitInterpolatedString(interpolated);
            case IInterpolatedStringHandlerCreationOperation handler:
                return Visit(handler.Content);
            case IBinaryOperation binary:
                return VisitBinary(binary);
            case IUnaryOperation unary:
                var operand = Visit(unary.Operand);
                return IsBoolean(unary.Type) ? Taints.None : operand;
            case ICoalesceOperation coalesce:
                return Visit(coalesce.Value).Union(Visit(coalesce.WhenNull));
            case IConditionalAccessOperation conditionalAccess:
                return VisitConditionalAccess(conditionalAccess);
            case IConditionalAccessInstanceOperation:
                return _conditionalReceiver;
            case IAwaitOperation await:
                return Retype(Visit(await.Operation), await.Type);
            case IDeconstructionAssignmentOperation deconstruction:
                return VisitDeconstruction(deconstruction);
            case IAssignmentOperation assignment:
                return VisitAssignment(assignment);
            case IIncrementOrDecrementOperation increment:
                return Visit(increment.Target);
            case IDeclarationExpressionOperation declaration:
                return Visit(declaration.Expression);
            case IWithOperation with:
                return Visit(with.Operand).Union(Visit(with.Initializer));
            case IFieldInitializerOperation fieldInitializer:
                var fieldValue = Visit(fieldInitializer.Value);
                foreach (var field in fieldInitializer.InitializedFields)
                {
                    _state.Add(field, fieldValue);
                }

                return Taints.None;
            case IArgumentOperation argument:
                return Visit(argument.Value);
            default:
                return Retype(VisitAll(operation.ChildOperations), operation.Type);
        }
    }

    private Taints VisitAll(IEnumerable<IOperation?> operations)
    {
        var result = Taints.None;
        foreach (var operation in operations)
        {
            result = result.Union(Visit(operation));
        }

        return result;
    }

    private Taints VisitConditional(IConditionalOperation conditional)
    {
        Visit(conditional.Condition);
        var before = _state.Clone();
        var whenTrue = Visit(conditional.WhenTrue);
        var afterTrue = _state;
        _state = before;
        var whenFalse = Visit(conditional.WhenFalse);
        _state.JoinWith(afterTrue);
        return whenTrue.Union(whenFalse);
    }

    private void VisitLoop(ILoopOperation loop)
    {
        var element = Taints.None;
        switch (loop)
        {
            case IForLoopOperation forLoop:
                VisitAll(forLoop.Before);
                break;
            case IForEachLoopOperation forEach:
                element = Visit(forEach.Collection);
                break;
        }

        _loopDepth++;
        for (var round = 0; round < MaximumLoopRounds; round++)
        {
            var before = _state.Clone();
            switch (loop)
            {
                case IWhileLoopOperation whileLoop:
                    Visit(whileLoop.Condition);
                    Visit(whileLoop.Body);
                    Visit(whileLoop.IgnoredCondition);
                    break;
                case IForLoopOperation forLoop:
                    Visit(forLoop.Condition);
                    Visit(forLoop.Body);
                    VisitAll(forLoop.AtLoopBottom);
                    break;
                case IForEachLoopOperation forEach:
                    AssignAll(forEach.LoopControlVariable, Retype(element, LoopVariableType(forEach)));
                    Visit(forEach.Body);
                    break;
                default:
                    VisitAll(loop.ChildOperations);
                    break;
            }

            var after = _state;
            _state = before;
            if (!_state.JoinWith(after))
            {
                break;
            }
        }

        _loopDepth--;
    }

    private static ITypeSymbol? LoopVariableType(IForEachLoopOperation forEach) => forEach.LoopControlVariable switch
    {
        IVariableDeclaratorOperation declarator => declarator.Symbol.Type,
        ILocalReferenceOperation local => local.Local.Type,
        _ => null,
    };

    private void VisitSwitch(ISwitchOperation @switch)
    {
        var value = Visit(@switch.Value);
        var before = _state.Clone();
        var joined = before.Clone();
        var hasDefault = false;
        foreach (var section in @switch.Cases)
        {
            _state = before.Clone();
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case IPatternCaseClauseOperation pattern:
                        VisitPattern(pattern.Pattern, value);
                        Visit(pattern.Guard);
                        break;
                    case IDefaultCaseClauseOperation:
                        hasDefault = true;
                        break;
                    default:
                        VisitAll(clause.ChildOperations);
                        break;
                }
            }

            VisitAll(section.Body);
            joined.JoinWith(_state);
        }

        if (!hasDefault)
        {
            joined.JoinWith(before);
        }

        _state = joined;
    }

    private Taints VisitSwitchExpression(ISwitchExpressionOperation switchExpression)
    {
        var value = Visit(switchExpression.Value);
        var before = _state.Clone();
        var joined = before.Clone();
        var result = Taints.None;
        foreach (var arm in switchExpression.Arms)
        {
            _state = before.Clone();
            VisitPattern(arm.Pattern, value);
            Visit(arm.Guard);
            result = result.Union(Visit(arm.Value));
            joined.JoinWith(_state);
        }

        _state = joined;
        return result;
    }

    private void VisitPattern(IPatternOperation? pattern, Taints input)
    {
        if (pattern is null || !TryEnter())
        {
            return;
        }

        try
        {
            VisitPatternParts(pattern, input);
        }
        finally
        {
            _depth--;
        }
    }

    private void VisitPatternParts(IPatternOperation pattern, Taints input)
    {
        switch (pattern)
        {
            case IDeclarationPatternOperation declaration when declaration.DeclaredSymbol is { } local:
                _state.Set(local, Retype(input, declaration.NarrowedType));
                break;
            case IRecursivePatternOperation recursive:
                if (recursive.DeclaredSymbol is { } declared)
                {
                    _state.Set(declared, Retype(input, recursive.NarrowedType));
                }

                foreach (var sub in recursive.DeconstructionSubpatterns)
                {
                    VisitPattern(sub, input);
                }

                foreach (var property in recursive.PropertySubpatterns)
                {
                    var memberValue = property.Member is IMemberReferenceOperation member ? MemberValue(member.Member, input, member.Type) : input;
                    VisitPattern(property.Pattern, memberValue);
                }

                break;
            case IListPatternOperation list:
                foreach (var sub in list.Patterns)
                {
                    VisitPattern(sub, input);
                }

                if (list.DeclaredSymbol is { } listLocal)
                {
                    _state.Set(listLocal, input);
                }

                break;
            case ISlicePatternOperation slice:
                VisitPattern(slice.Pattern, input);
                break;
            case IBinaryPatternOperation binary:
                VisitPattern(binary.LeftPattern, input);
                VisitPattern(binary.RightPattern, input);
                break;
            case INegatedPatternOperation negated:
                VisitPattern(negated.Pattern, input);
                break;
        }
    }

    private void VisitTry(ITryOperation @try)
    {
        var before = _state.Clone();
        Visit(@try.Body);
        var afterBody = _state;
        var joined = afterBody.Clone();
        foreach (var @catch in @try.Catches)
        {
            _state = before.Clone();
            _state.JoinWith(afterBody);
            Visit(@catch.ExceptionDeclarationOrExpression);
            Visit(@catch.Filter);
            Visit(@catch.Handler);
            joined.JoinWith(_state);
        }

        _state = joined;
        Visit(@try.Finally);
    }

    // A lambda may run later, or many times: its body sees the current state, and what it assigns to captured
    // variables may or may not have happened afterwards. Its value is what it returns.
    private Taints VisitLambda(IAnonymousFunctionOperation lambda)
    {
        var input = _lambdaInput;
        _lambdaInput = Taints.None;
        var savedReturned = _returned;
        _returned = Taints.None;
        var before = _state.Clone();
        foreach (var parameter in lambda.Symbol.Parameters)
        {
            _state.Set(parameter, Retype(input, parameter.Type).Union(ParameterTaints(parameter)));
        }

        Visit(lambda.Body);
        var value = _returned;
        _returned = savedReturned;
        var after = _state;
        _state = before;
        _state.JoinWith(after);
        return value;
    }

    private void VisitLocalFunction(ILocalFunctionOperation localFunction)
    {
        var savedReturned = _returned;
        var before = _state.Clone();
        foreach (var parameter in localFunction.Symbol.Parameters)
        {
            _state.Set(parameter, ParameterTaints(parameter));
        }

        Visit(localFunction.Body ?? localFunction.IgnoredBody);
        _returned = savedReturned;
        var after = _state;
        _state = before;
        _state.JoinWith(after);
    }

    private Taints VisitMemberReference(IMemberReferenceOperation reference)
    {
        var receiver = Visit(reference.Instance);
        if (reference is IPropertyReferenceOperation { Arguments.Length: > 0 } indexer)
        {
            VisitAll(indexer.Arguments);
            if (indexer.Property.IsIndexer)
            {
                return Retype(receiver, reference.Type).Union(TypeTaints(reference.Type));
            }
        }

        var result = MemberValue(reference.Member, receiver, reference.Type);
        if (reference is IFieldReferenceOperation field && IsTracked(reference))
        {
            result = result.Union(_state.Get(field.Field));
        }

        if (reference is IPropertyReferenceOperation property && property.Property.GetMethod is { } getter && CalleeSummary(getter) is { } summary)
        {
            result = result.Union(summary.ReturnTaints);
            foreach (var (ordinal, asText) in summary.ReturnFromParameters)
            {
                if (ordinal == -1)
                {
                    result = result.Union(asText ? AsText(receiver) : receiver);
                }
            }
        }

        return result;
    }

    // The value of a member read from a receiver: the member's own annotation, the member's type, and — when the
    // receiver is personal data itself — the projection of it (an address's street is personal data too).
    private Taints MemberValue(ISymbol member, Taints receiver, ITypeSymbol? type)
    {
        var memberClass = _classifier.ClassifyMember(member);
        if (memberClass.IsSilenced)
        {
            return Taints.None;
        }

        var result = TypeTaints(type);
        if (memberClass.IsPersonal)
        {
            result = result.Add(Taint.Data(member, memberClass.Class, type));
        }

        if (!IsNonIdentifyingProjection(member, type))
        {
            result = result.Union(Retype(receiver.Where(t => t.Shape == TaintShape.Data && !t.IsMarker), type));
        }

        return result;
    }

    private static bool IsNonIdentifyingProjection(ISymbol member, ITypeSymbol? type) =>
        IsBoolean(type) || member.Name is "Length" or "Count" or "LongLength" or "Rank" or "HasValue" or "IsEmpty";

    private Taints VisitInvocation(IInvocationOperation invocation, out Taints argumentUnion)
    {
        var method = invocation.TargetMethod;
        var receiver = Visit(invocation.Instance);
        var arguments = VisitArguments(invocation.Arguments, receiver, method, out var elements);
        argumentUnion = Taints.None;
        foreach (var value in arguments.Values)
        {
            argumentUnion = argumentUnion.Union(value);
        }

        SinkKind? directSink = null;
        foreach (var sink in ResolveSinks(method))
        {
            if (ReceiverMatches(sink, invocation.Instance))
            {
                RecordSinkCall(sink, invocation, invocation.Instance, invocation.Arguments, arguments, elements);
                directSink ??= sink.Kind;
            }
        }

        return CallResult(method, invocation, invocation.Instance, receiver, invocation.Arguments, arguments, argumentUnion, directSink);
    }

    private Taints VisitCreation(IObjectCreationOperation creation)
    {
        var constructor = creation.Constructor;
        if (constructor is null)
        {
            return VisitAll(creation.ChildOperations);
        }

        var arguments = VisitArguments(creation.Arguments, Taints.None, constructor, out var elements);
        var argumentUnion = Taints.None;
        foreach (var value in arguments.Values)
        {
            argumentUnion = argumentUnion.Union(value);
        }

        SinkKind? directSink = null;
        foreach (var sink in ResolveSinks(constructor))
        {
            RecordSinkCall(sink, creation, null, creation.Arguments, arguments, elements);
            directSink ??= sink.Kind;
        }

        // A new object holds what it is given: constructor arguments, and what its initializer puts in its members
        // (held, so reading another member of it is not reading that data). Only a constructor with a body of its
        // own may store more than can be seen here, so its type says what the object may hold.
        var result = CallResult(constructor, creation, null, Taints.None, creation.Arguments, arguments, argumentUnion, directSink);
        if (creation.Initializer is { } initializer)
        {
            result = result.Union(VisitInitializer(initializer, creation.Type));
        }

        return _model.HasSourceBody(constructor) ? result.Union(TypeTaints(creation.Type)) : result;
    }

    // Collection elements are the collection's content; values put in members are held by the object.
    private Taints VisitInitializer(IObjectOrCollectionInitializerOperation initializer, ITypeSymbol? type)
    {
        var result = Taints.None;
        foreach (var item in initializer.Initializers)
        {
            if (item is IInvocationOperation add)
            {
                VisitInvocation(add, out var added);
                result = result.Union(Retype(added, type));
            }
            else
            {
                result = result.Union(Visit(item).Select(t => t.HeldBy(type)));
            }
        }

        return result;
    }

    // Arguments are visited in order, lambdas last: a lambda's parameters receive what the call works on (the
    // receiver, or an extension method's `this`), so `emails.Select(e => e.Trim())` follows the emails.
    private Dictionary<int, Taints> VisitArguments(
        ImmutableArray<IArgumentOperation> arguments,
        Taints receiver,
        IMethodSymbol method,
        out Dictionary<int, List<(IOperation Element, Taints Value)>> elements)
    {
        var values = new Dictionary<int, Taints>();
        elements = new Dictionary<int, List<(IOperation, Taints)>>();
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (IsLambda(argument.Value))
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } paramsArray })
            {
                var list = new List<(IOperation, Taints)>();
                var union = Taints.None;
                foreach (var element in paramsArray.ElementValues)
                {
                    var value = Visit(element);
                    list.Add((element, value));
                    union = union.Union(value);
                }

                elements[i] = list;
                values[i] = union;
            }
            else
            {
                values[i] = Visit(argument.Value);
            }
        }

        var input = receiver;
        if (method.IsExtensionMethod && values.TryGetValue(0, out var self))
        {
            input = input.Union(self);
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (!IsLambda(arguments[i].Value))
            {
                continue;
            }

            _lambdaInput = input;
            values[i] = Visit(arguments[i].Value);
            _lambdaInput = Taints.None;
        }

        return values;
    }

    private static bool IsLambda(IOperation operation) =>
        StripConversions(operation) is IAnonymousFunctionOperation or IDelegateCreationOperation { Target: IAnonymousFunctionOperation };

    // What a call returns, and what it does to its receiver and out arguments.
    private Taints CallResult(
        IMethodSymbol method,
        IOperation call,
        IOperation? instance,
        Taints receiver,
        ImmutableArray<IArgumentOperation> argumentOperations,
        Dictionary<int, Taints> arguments,
        Taints argumentUnion,
        SinkKind? directSink)
    {
        switch (_model.TransformOf(method))
        {
            case DataTransform.Redacts:
                return Taints.None;
            case DataTransform.Pseudonymises:
                return receiver.Union(argumentUnion).WithoutMarkers()
                    .Select(t => t.WithClass(DataClass.PseudonymousIdentifier).AsText(_stringType));
        }

        var type = call.Type;
        // What a new object holds is decided by the creation (its arguments and initializer), not by its type.
        var result = method.MethodKind == MethodKind.Constructor ? Taints.None : TypeTaints(type);
        var returned = _classifier.ClassifyReturn(method);
        if (!returned.IsEmpty)
        {
            result = result.Add(Taint.Data(method, returned, type));
        }

        if (CalleeSummary(method) is { } summary)
        {
            return Stamp(result.Union(ApplySummary(summary, method, call, instance, receiver, argumentOperations, arguments, directSink)), call);
        }

        result = Stamp(result, call);

        if (method.Name == nameof(ToString) && method.Parameters.Length == 0)
        {
            return result.Union(AsText(receiver));
        }

        if (IsSerializer(method))
        {
            return result.Union(receiver.Union(argumentUnion).Select(t => t.AsText(_stringType)));
        }

        var combined = receiver.Union(argumentUnion);
        if (!IsBoolean(type) && !IsCountOrIndex(method) && !IsJudgement(method, type))
        {
            result = result.Union(
                type?.SpecialType == SpecialType.System_String ? AsText(IsElementJoin(method) ? Elements(combined) : combined)
                : method.MethodKind == MethodKind.Constructor ? Retype(combined, method.ContainingType)
                : Retype(combined, type));
        }

        // Builders and collections accumulate what is added to them.
        if (instance is not null && IsAccumulating(method) && TrackedSymbol(instance) is { } accumulator)
        {
            _state.Add(accumulator, IsStringBuilder(instance.Type) ? AsText(argumentUnion) : argumentUnion);
        }

        foreach (var argument in argumentOperations)
        {
            if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref && TrackedSymbol(argument.Value) is { } target)
            {
                _state.Add(target, Retype(combined, argument.Value.Type));
            }
        }

        return result;
    }

    private Taints ApplySummary(
        MethodSummary summary,
        IMethodSymbol method,
        IOperation call,
        IOperation? instance,
        Taints receiver,
        ImmutableArray<IArgumentOperation> argumentOperations,
        Dictionary<int, Taints> arguments,
        SinkKind? directSink)
    {
        var definition = method.OriginalDefinition;
        Taints ValueOf(int ordinal) => ordinal == -1 ? receiver : ArgumentFor(argumentOperations, arguments, ordinal);
        IOperation WhereOf(int ordinal) => ordinal == -1 ? instance ?? call : ArgumentOperationFor(argumentOperations, ordinal) ?? call;

        var result = summary.ReturnTaints;
        foreach (var (ordinal, asText) in summary.ReturnFromParameters)
        {
            var value = ValueOf(ordinal);
            result = result.Union(asText ? AsText(value) : value);
        }

        // A call that is itself a sink of a kind (a custom exception's constructor) is reported as that sink, not
        // again for the same kind through its body.
        foreach (var parameterSink in summary.ParameterSinks.Where(p => p.Kind != directSink))
        {
            RecordThroughHelper(parameterSink, ValueOf(parameterSink.Ordinal), WhereOf(parameterSink.Ordinal), definition, call);
        }

        foreach (var effect in summary.Effects)
        {
            AddHit(effect.Kind, effect.Sink, call.Syntax.GetLocation(), effect.Data, Prepend(definition, effect.Via), effect.SinkOwner ?? definition, fromCallee: true, call, effect.ValueType);
        }

        return result;
    }

    private static Taints ArgumentFor(ImmutableArray<IArgumentOperation> operations, Dictionary<int, Taints> values, int ordinal)
    {
        for (var i = 0; i < operations.Length; i++)
        {
            if (operations[i].Parameter?.Ordinal == ordinal && values.TryGetValue(i, out var value))
            {
                return value;
            }
        }

        return Taints.None;
    }

    private static IOperation? ArgumentOperationFor(ImmutableArray<IArgumentOperation> operations, int ordinal) =>
        operations.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value;

    private Taints VisitInterpolatedString(IInterpolatedStringOperation interpolated)
    {
        var result = Taints.None;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolationOperation interpolation:
                    Visit(interpolation.Alignment);
                    Visit(interpolation.FormatString);
                    result = result.Union(AsText(Visit(interpolation.Expression)));
                    break;
                case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation append }:
                    // A handler's AppendFormatted(value): the value becomes text, the call itself is plumbing.
                    foreach (var argument in append.Arguments)
                    {
                        result = result.Union(AsText(Visit(argument.Value)));
                    }

                    break;
            }
        }

        return result;
    }

    // Left-deep chains (a + b + c …, long && conditions) are walked in a loop, not one recursion per operand.
    private Taints VisitBinary(IBinaryOperation binary)
    {
        if (binary.LeftOperand is not IBinaryOperation)
        {
            return Combine(binary, Visit(binary.LeftOperand), Visit(binary.RightOperand));
        }

        var spine = new List<IBinaryOperation>();
        for (var current = binary; current is not null; current = current.LeftOperand as IBinaryOperation)
        {
            spine.Add(current);
        }

        var value = Visit(spine[spine.Count - 1].LeftOperand);
        for (var i = spine.Count - 1; i >= 0; i--)
        {
            value = Combine(spine[i], value, Visit(spine[i].RightOperand));
        }

        return value;
    }

    private Taints Combine(IBinaryOperation binary, Taints left, Taints right)
    {
        if (IsBoolean(binary.Type))
        {
            return Taints.None;
        }

        return binary.Type?.SpecialType == SpecialType.System_String ? AsText(left.Union(right)) : left.Union(right);
    }

    private Taints VisitConditionalAccess(IConditionalAccessOperation conditionalAccess)
    {
        var receiver = Visit(conditionalAccess.Operation);
        var saved = _conditionalReceiver;
        _conditionalReceiver = receiver;
        var result = Visit(conditionalAccess.WhenNotNull);
        _conditionalReceiver = saved;
        return result;
    }

    private Taints VisitAssignment(IAssignmentOperation assignment)
    {
        var value = Visit(assignment.Value);
        if (assignment is ICompoundAssignmentOperation or ICoalesceAssignmentOperation)
        {
            var current = Visit(assignment.Target);
            value = assignment.Type?.SpecialType == SpecialType.System_String ? AsText(value.Union(current)) : value.Union(current);
        }

        var strong = assignment is ISimpleAssignmentOperation;
        switch (assignment.Target)
        {
            case ILocalReferenceOperation local:
                Assign(local.Local, value, strong);
                break;
            case IParameterReferenceOperation parameter:
                Assign(parameter.Parameter, value, strong);
                break;
            case IFieldReferenceOperation field:
                Visit(field.Instance);
                if (IsTracked(field))
                {
                    _state.Add(field.Field, value);
                }

                break;
            case IPropertyReferenceOperation property:
                AssignProperty(property, assignment.Value, value);
                break;
            case IArrayElementReferenceOperation element:
                VisitAll(element.Indices);
                if (TrackedSymbol(element.ArrayReference) is { } array)
                {
                    _state.Add(array, value);
                }

                break;
            default:
                Visit(assignment.Target);
                break;
        }

        return value;
    }

    private void Assign(ISymbol symbol, Taints value, bool strong)
    {
        if (strong)
        {
            _state.Set(symbol, value);
        }
        else
        {
            _state.Add(symbol, value);
        }
    }

    private void AssignProperty(IPropertyReferenceOperation property, IOperation valueOperation, Taints value)
    {
        Visit(property.Instance);
        VisitAll(property.Arguments);
        if (property.Property.SetMethod is not { } setter)
        {
            return;
        }

        var valueOrdinal = setter.Parameters.Length - 1;
        foreach (var sink in ResolveSinks(setter))
        {
            if (!ReceiverMatches(sink, property.Instance) || sink.Modes.ElementAtOrDefault(valueOrdinal) is not { } mode)
            {
                continue;
            }

            var display = sink.Receiver is not null && StripConversions(property.Instance) is IPropertyReferenceOperation receiver
                ? $"{receiver.Property.ContainingType.Name}.{receiver.Property.Name}{(property.Property.IsIndexer ? "[]" : "." + property.Property.Name)}"
                : sink.Display;
            Record(new SinkTarget(sink.Kind, display, property.Parent ?? property, ReceiverGroup(sink, property.Instance)), valueOperation, value, mode);
        }

        if (CalleeSummary(setter) is { } summary)
        {
            foreach (var parameterSink in summary.ParameterSinks.Where(p => p.Ordinal == valueOrdinal))
            {
                RecordThroughHelper(parameterSink, value, valueOperation, setter.OriginalDefinition, property.Parent ?? property);
            }
        }

        // The object now holds the value: `dto.Name = user.Name` makes `dto` carry the name, an indexer `map[k] = v` too.
        if (!property.Property.IsStatic && TrackedSymbol(property.Instance) is { } holder)
        {
            _state.Add(holder, value.Select(t => t.HeldBy(property.Instance?.Type)));
        }
    }

    private Taints VisitDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        if (UnwrapTuple(deconstruction.Target) is { } targets && UnwrapTuple(deconstruction.Value) is { } values && targets.Elements.Length == values.Elements.Length)
        {
            var all = Taints.None;
            for (var i = 0; i < targets.Elements.Length; i++)
            {
                var value = Visit(values.Elements[i]);
                AssignAll(targets.Elements[i], value);
                all = all.Union(value);
            }

            return all;
        }

        var whole = Visit(deconstruction.Value);
        AssignAll(deconstruction.Target, whole);
        return whole;
    }

    private static ITupleOperation? UnwrapTuple(IOperation operation) => StripConversions(operation) switch
    {
        ITupleOperation tuple => tuple,
        IDeclarationExpressionOperation { Expression: ITupleOperation tuple } => tuple,
        _ => null,
    };

    // Every local a declaration, tuple or loop variable introduces receives the value.
    private void AssignAll(IOperation? target, Taints value)
    {
        if (target is null || !TryEnter())
        {
            return;
        }

        try
        {
            AssignEach(target, value);
        }
        finally
        {
            _depth--;
        }
    }

    private void AssignEach(IOperation target, Taints value)
    {
        switch (target)
        {
            case IVariableDeclaratorOperation declarator:
                _state.Set(declarator.Symbol, value);
                return;
            case ILocalReferenceOperation local:
                _state.Set(local.Local, value);
                return;
            case IParameterReferenceOperation parameter:
                _state.Set(parameter.Parameter, value);
                return;
            default:
                foreach (var child in target.ChildOperations)
                {
                    AssignAll(child, value);
                }

                return;
        }
    }

    private ImmutableArray<ResolvedSink> ResolveSinks(IMethodSymbol method)
    {
        var catalogued = _model.Sinks.Resolve(method);
        return _configured.Resolve(method) is { } configured ? catalogued.Add(configured) : catalogued;
    }

    private void RecordSinkCall(
        ResolvedSink sink,
        IOperation call,
        IOperation? instance,
        ImmutableArray<IArgumentOperation> argumentOperations,
        Dictionary<int, Taints> arguments,
        Dictionary<int, List<(IOperation Element, Taints Value)>> elements)
    {
        var template = sink.FixedTemplate;
        if (template is null && sink.TemplateOrdinal >= 0)
        {
            template = ArgumentOperationFor(argumentOperations, sink.TemplateOrdinal)?.ConstantValue is { HasValue: true, Value: string text } ? text : null;
        }

        var target = new SinkTarget(sink.Kind, ReceiverDisplay(sink, instance, call), call, ReceiverGroup(sink, instance));
        var holes = MessageTemplate.Parse(template);
        var hole = 0;
        bool NextHoleDestructures() => hole < holes.Length && holes[hole++].Destructure;

        var ordered = Enumerable.Range(0, argumentOperations.Length)
            .Where(i => argumentOperations[i].Parameter is not null)
            .OrderBy(i => argumentOperations[i].Parameter!.Ordinal);
        foreach (var i in ordered)
        {
            var argument = argumentOperations[i];
            if (sink.ModeOf(argument.Parameter) is not { } mode || !arguments.TryGetValue(i, out var value))
            {
                continue;
            }

            if (mode == RenderMode.TemplateArgument && elements.TryGetValue(i, out var list))
            {
                foreach (var (element, elementValue) in list)
                {
                    Record(target, element, elementValue, NextHoleDestructures() ? RenderMode.Serialized : RenderMode.Text);
                }
            }
            else if (mode == RenderMode.TemplateArgument)
            {
                Record(target, argument.Value, value, NextHoleDestructures() ? RenderMode.Serialized : RenderMode.Text);
            }
            else
            {
                Record(target, argument.Value, value, mode == RenderMode.Template ? RenderMode.Text : mode);
            }
        }
    }

    private void Record(SinkTarget target, IOperation where, Taints value, RenderMode mode)
    {
        var real = Taints.None;
        foreach (var taint in value.Items)
        {
            if (taint.IsMarker)
            {
                AddParameterSink(taint.MarkerOrdinal!.Value, target.Kind, target.Display, taint.RenderedAsText ? RenderMode.Text : mode, ImmutableArray<IMethodSymbol>.Empty, _owner);
            }
            else if (Leaks(taint, mode))
            {
                real = real.Add(taint);
            }
        }

        if (!real.IsEmpty)
        {
            AddHit(target.Kind, target.Display, where.Syntax.GetLocation(), real, ImmutableArray<IMethodSymbol>.Empty, null, fromCallee: false, target.Call, ValueTypeOf(where), target.Group);
        }
    }

    /// <summary>Where a sink call delivers its values: the kind, the name messages use, the call, the receiving object.</summary>
    private readonly record struct SinkTarget(SinkKind Kind, string Display, IOperation Call, ISymbol? Group);

    private static ITypeSymbol? ValueTypeOf(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation.Type;
    }

    // A sink reached through a property is named by it: "Console.Error.WriteLine", "MailMessage.CC.Add".
    private static string ReceiverDisplay(ResolvedSink sink, IOperation? instance, IOperation call)
    {
        if (sink.Receiver is null || StripConversions(instance) is not IPropertyReferenceOperation property || call is not IInvocationOperation invocation)
        {
            return sink.Display;
        }

        var member = invocation.TargetMethod.AssociatedSymbol is IPropertySymbol { IsIndexer: true } ? "[]" : "." + invocation.TargetMethod.Name;
        return $"{property.Property.ContainingType.Name}.{property.Property.Name}{member}";
    }

    private static ISymbol? ReceiverGroup(ResolvedSink sink, IOperation? instance) =>
        sink.Receiver is not null && StripConversions(instance) is IPropertyReferenceOperation property ? TrackedSymbol(property.Instance) : null;

    private static IOperation? StripConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private void RecordThroughHelper(ParameterSink parameterSink, Taints value, IOperation where, IMethodSymbol helper, IOperation call)
    {
        var via = Prepend(helper, parameterSink.Via);
        var real = Taints.None;
        foreach (var taint in value.Items)
        {
            if (taint.IsMarker)
            {
                AddParameterSink(taint.MarkerOrdinal!.Value, parameterSink.Kind, parameterSink.Sink, taint.RenderedAsText ? RenderMode.Text : parameterSink.Mode, via, parameterSink.SinkOwner);
            }
            else if (Leaks(taint, parameterSink.Mode))
            {
                real = real.Add(taint);
            }
        }

        if (!real.IsEmpty)
        {
            AddHit(parameterSink.Kind, parameterSink.Sink, where.Syntax.GetLocation(), real, via, parameterSink.SinkOwner, fromCallee: false, call, ValueTypeOf(where));
        }
    }

    private bool Leaks(Taint taint, RenderMode mode) => mode == RenderMode.Serialized || RendersAsText(taint);

    /// <summary>
    /// Whether the walk looked into code of this compilation below it (a helper's summary, a ToString override):
    /// only then can its result depend on how many levels of helpers it may follow.
    /// </summary>
    public bool ReachedCallees { get; private set; }

    private MethodSummary? CalleeSummary(IMethodSymbol method)
    {
        if (!_model.HasSourceBody(method))
        {
            return null;
        }

        ReachedCallees = true;
        return _model.Summary(method, _calleeLevel, _cancellationToken);
    }

    private bool RendersAsText(Taint taint)
    {
        if (taint.Type is { } type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.ContainingAssembly, _model.Compilation.Assembly))
        {
            ReachedCallees = true;
        }

        return _model.RendersAsText(taint, _calleeLevel);
    }

    private void AddHit(
        SinkKind kind,
        string sink,
        Location location,
        Taints data,
        ImmutableArray<IMethodSymbol> via,
        ISymbol? sinkOwner,
        bool fromCallee,
        IOperation? call = null,
        ITypeSymbol? valueType = null,
        ISymbol? group = null)
    {
        // One hit per sink call and argument: the same data reaching it by several routes (recursion, loops) is
        // one finding, named by its shortest route.
        var key = (location, kind, sink, fromCallee);
        if (_hits.TryGetValue(key, out var existing))
        {
            existing.Add(data, _loopDepth > 0);
            existing.PreferShorter(via, sinkOwner);
            return;
        }

        var builder = new SinkHitBuilder(kind, sink, location, via, sinkOwner, fromCallee, call, valueType, group);
        builder.Add(data, _loopDepth > 0);
        _hits[key] = builder;
        _hitsInOrder.Add(builder);
    }

    private void AddParameterSink(int ordinal, SinkKind kind, string sink, RenderMode mode, ImmutableArray<IMethodSymbol> via, ISymbol sinkOwner)
    {
        var key = (ordinal, kind, sink, mode);
        if (!_parameterSinks.TryGetValue(key, out var existing) || via.Length < existing.Via.Length)
        {
            _parameterSinks[key] = new ParameterSink(ordinal, kind, sink, mode, via, sinkOwner);
        }
    }

    private static ImmutableArray<IMethodSymbol> Prepend(IMethodSymbol method, ImmutableArray<IMethodSymbol> rest) =>
        rest.IsDefaultOrEmpty ? ImmutableArray.Create(method) : rest.Insert(0, method);

    // Values loaded here (a member, a local, a helper's result) are read here, as far as a code fix is concerned.
    private static Taints Stamp(Taints value, IOperation operation)
    {
        if (value.IsEmpty)
        {
            return value;
        }

        var location = operation.Syntax.GetLocation();
        return value.Select(t => t.At(location));
    }

    /// <summary>What a value leaves behind when printed with ToString.</summary>
    private Taints AsText(Taints value) =>
        value.Select(t => t.IsMarker || RendersAsText(t) ? t.AsText(_stringType) : null);

    private static Taints Elements(Taints value) =>
        value.Select(t => t.Type is { } type && DataClassifier.ElementType(type) is { } element ? t.WithType(element).AsJoined() : t);

    private static Taints Retype(Taints value, ITypeSymbol? type) =>
        type is null || value.IsEmpty ? value : value.Select(t => t.IsMarker ? t : t.WithType(type));

    private static bool ReceiverMatches(ResolvedSink sink, IOperation? instance)
    {
        if (sink.ReceiverType is { } receiverType && !MetadataNames.DerivesFrom(StripConversions(instance)?.Type, receiverType))
        {
            return false;
        }

        if (sink.Receiver is null)
        {
            return true;
        }

        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        if (instance is not IPropertyReferenceOperation property)
        {
            return false;
        }

        foreach (var option in sink.Receiver.Split('|'))
        {
            var dot = option.LastIndexOf('.');
            var typeName = option.Substring(0, dot);
            if (property.Property.Name != option.Substring(dot + 1))
            {
                continue;
            }

            if (MetadataNames.DerivesFrom(property.Property.ContainingType, typeName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTracked(IMemberReferenceOperation reference) =>
        reference.Member.IsStatic || reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private static ISymbol? TrackedSymbol(IOperation? operation) => StripConversions(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field when IsTracked(field) => field.Field,
        _ => null,
    };

    private static bool IsBoolean(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;

    // Counting or locating inside personal data does not reveal it: list.Count(), email.IndexOf('@') — whatever
    // the result type (IsJudgement covers the plain numbers).
    private static bool IsCountOrIndex(IMethodSymbol method) =>
        method.Name is "Count" or "LongCount" or "IndexOf" or "LastIndexOf" or "FindIndex" or "BinarySearch" or "CompareTo" or "Compare" or "GetHashCode";

    // What a call computes about its inputs rather than from them: a number (a score, a count, a hash code), or
    // anything a classifier returns — its judgement is new data, carrying only what its return annotation declares.
    private bool IsJudgement(IMethodSymbol method, ITypeSymbol? type)
    {
        var result = type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            && (MetadataNames.Is(generic, "System.Threading.Tasks.Task`1") || MetadataNames.Is(generic, "System.Threading.Tasks.ValueTask`1"))
            ? generic.TypeArguments[0]
            : type;
        if (result?.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal
            or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Boolean)
        {
            return true;
        }

        foreach (var sink in ResolveSinks(method))
        {
            if (sink.Kind == SinkKind.Classifier)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsElementJoin(IMethodSymbol method) =>
        method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Join" or "Concat";

    private static bool IsAccumulating(IMethodSymbol method) =>
        !method.IsStatic
        && (method.Name.StartsWith("Add", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Append", System.StringComparison.Ordinal)
            || method.Name is "Insert" or "InsertRange" or "Push" or "Enqueue" or "TryAdd" or "Prepend" or "Write" or "WriteLine");

    private static bool IsStringBuilder(ITypeSymbol? type) => MetadataNames.Is(type, "System.Text.StringBuilder");

    private static bool IsSerializer(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return (method.Name.StartsWith("Serialize", System.StringComparison.Ordinal) && MetadataNames.Is(type, "System.Text.Json.JsonSerializer"))
            || (method.Name == "SerializeObject" && MetadataNames.Is(type, "Newtonsoft.Json.JsonConvert"))
            || (method.Name == "Create" && MetadataNames.Is(type, "System.Net.Http.Json.JsonContent"));
    }

    /// <summary>A hit being collected: the same sink call may be met again in later rounds of a loop.</summary>
    private sealed class SinkHitBuilder
    {
        private readonly SinkKind _kind;
        private readonly string _sink;
        private readonly Location _location;
        private ImmutableArray<IMethodSymbol> _via;
        private ISymbol? _sinkOwner;
        private readonly bool _fromCallee;
        private Taints _data;
        private bool _inLoop;

        private readonly IOperation? _call;
        private readonly ITypeSymbol? _valueType;
        private readonly ISymbol? _group;

        public SinkHitBuilder(SinkKind kind, string sink, Location location, ImmutableArray<IMethodSymbol> via, ISymbol? sinkOwner, bool fromCallee, IOperation? call, ITypeSymbol? valueType, ISymbol? group)
        {
            _call = call;
            _valueType = valueType;
            _group = group;
            _kind = kind;
            _sink = sink;
            _location = location;
            _via = via.IsDefault ? ImmutableArray<IMethodSymbol>.Empty : via;
            _sinkOwner = sinkOwner;
            _fromCallee = fromCallee;
        }

        public void Add(Taints data, bool inLoop)
        {
            _data = _data.Union(data);
            _inLoop |= inLoop;
        }

        public void PreferShorter(ImmutableArray<IMethodSymbol> via, ISymbol? sinkOwner)
        {
            if (!via.IsDefault && via.Length < _via.Length)
            {
                _via = via;
                _sinkOwner = sinkOwner;
            }
        }

        public SinkHit Build() => new(_kind, _sink, _location, _data, _via, _sinkOwner, _fromCallee, _inLoop, _call, _valueType, _group);
    }
}
