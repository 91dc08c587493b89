using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Sinks;
using static SafePrivacy.Analyzers.Flow.OperationShapes;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// One forward pass over a body's operations — an abstract interpretation whose values are the personal data
/// each expression carries. Branches are walked separately and joined, loops until nothing changes. What calls do
/// to values is <see cref="CallTransfer"/>'s to say; what reaches a sink, <see cref="SinkRecorder"/>'s to record.
/// </summary>
internal sealed class FlowWalker
{
    // A loop's state grows monotonically over a finite set of origins; a few rounds always reach the fixpoint,
    // and the bound keeps a pathological body from costing more.
    private const int MaximumLoopRounds = 8;

    // Rounds of nested loops multiply. Past this many operations visited per character of the body, no loop starts
    // another round: the walk stays linear in the body's size, whatever its nesting (its first round is always walked).
    private const int VisitsPerCharacter = 4;

    // An operation tree is as deep as the code it comes from: a fluent chain of hundreds of calls, patterns inside
    // patterns. Past this depth, or where the thread's stack runs low, the walk stops descending (a stack overflow
    // cannot be caught: it would take the compiler down).
    private const int MaximumDepth = 1000;

    private readonly WalkContext _context;
    private readonly DataClassifier _classifier;
    private readonly SinkRecorder _recorder;
    private readonly CallTransfer _calls;

    private FlowState _state = new();
    private Taints _returned;
    private Dictionary<int, Taints>? _outValues;

    // Locals holding entities EF Core tracks, and the changes to their members not yet saved (see EntityTracking).
    private HashSet<ISymbol>? _trackedEntities;
    private List<(IPropertyReferenceOperation Property, IOperation Value, Taints Data)>? _unsavedChanges;
    private Taints _lambdaInput;
    private Taints _conditionalReceiver;
    private int _depth;
    private int _visits;
    private int _budget = int.MaxValue;

    /// <param name="model">The compilation's model.</param>
    /// <param name="owner">The member whose body is walked.</param>
    /// <param name="summaryOf">When set, the walk computes this method's summary: parameters carry markers, not their annotations.</param>
    /// <param name="calleeLevel">The summary level used for callees; below zero, callees are treated like library code.</param>
    /// <param name="configured">The sinks .editorconfig lists for the body's file.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <param name="recordsFieldWrites">
    /// The walk is one of <see cref="FieldValues"/>': it records what the body assigns to fields, and reads no field
    /// values of other bodies itself.
    /// </param>
    public FlowWalker(PrivacyModel model, ISymbol owner, IMethodSymbol? summaryOf, int calleeLevel, ConfiguredSinks configured, CancellationToken cancellationToken, bool recordsFieldWrites = false)
    {
        _context = new WalkContext(model, owner, summaryOf, calleeLevel, configured, cancellationToken);
        if (recordsFieldWrites)
        {
            FieldWrites = new Dictionary<IFieldSymbol, Taints>(SymbolEqualityComparer.Default);
        }

        _classifier = model.Classifier;
        _recorder = new SinkRecorder(_context);
        _calls = new CallTransfer(_context, _recorder);
    }

    /// <summary>What the body assigns to each field, where the walk records it (see the constructor).</summary>
    public Dictionary<IFieldSymbol, Taints>? FieldWrites { get; }

    /// <inheritdoc cref="WalkContext.RequiredLevel"/>
    public int RequiredLevel => _context.RequiredLevel;

    /// <summary>Whether personal data may meet a sink in the body at all, by its operations (see <see cref="BodyFacts"/>).</summary>
    public bool MayMeet(ImmutableArray<IOperation> blocks, CandidateIndex index) => BodyFacts.MayMeet(blocks, _context, index);

    public BodyResult Run(IEnumerable<IOperation> roots)
    {
        Seed();
        var list = roots as IReadOnlyCollection<IOperation> ?? roots.ToList();
        _budget = 1000 + (VisitsPerCharacter * list.Sum(r => r.Syntax.Span.Length));
        foreach (var root in list)
        {
            Visit(root);
        }

        CaptureOutValues();
        return _recorder.Result(_returned, _outValues?.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key).ToImmutableArray() ?? ImmutableArray<(int, Taints)>.Empty);
    }

    // In a summary walk, what the method's out and ref parameters hold wherever it returns.
    private void CaptureOutValues()
    {
        if (_context.SummaryOf is not { } method)
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Out or RefKind.Ref && !KnownCalls.ReturnsNumberOrFlag(parameter.Type))
            {
                _outValues ??= new Dictionary<int, Taints>();
                _outValues[parameter.Ordinal] = (_outValues.TryGetValue(parameter.Ordinal, out var before) ? before : Taints.None).Union(_state.Get(parameter));
            }
        }
    }

    private void Seed()
    {
        var owner = _context.Owner;
        var thisKey = _context.ThisKey;
        if (_context.SummaryOf is { } summaryOf)
        {
            foreach (var parameter in summaryOf.Parameters)
            {
                _state.Set(parameter, Taints.Of(Taint.Marker(summaryOf, parameter.Ordinal, parameter.Type)));
            }

            if (!summaryOf.IsStatic)
            {
                _state.Set(thisKey, Taints.Of(Taint.Marker(summaryOf, -1, summaryOf.ContainingType)));
            }

            return;
        }

        if (owner is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                _state.Set(parameter, ParameterTaints(parameter));
            }
        }

        if (!owner.IsStatic && owner.ContainingType is { } type)
        {
            _state.Set(thisKey, _context.TypeTaints(type));
        }
    }

    // A primary constructor's parameter read in a member of its type is captured: it holds what it is declared to.
    private Taints ParameterValue(IParameterSymbol parameter)
    {
        var value = _state.Get(parameter);
        return value.IsEmpty && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && !SymbolEqualityComparer.Default.Equals(constructor, _context.Owner)
            ? ParameterTaints(parameter)
            : value;
    }

    private void NoteTrackedEntity(ISymbol local, IOperation? value)
    {
        if (EntityTracking.IsTrackedQuery(value))
        {
            (_trackedEntities ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(local);
        }
    }

    // SaveChanges writes every change made to a tracked entity before it.
    private void SaveTrackedChanges(IInvocationOperation saveChanges)
    {
        if (_unsavedChanges is null || !EntityTracking.IsSaveChanges(saveChanges.TargetMethod))
        {
            return;
        }

        foreach (var (property, value, data) in _unsavedChanges)
        {
            _recorder.RecordStored($"{saveChanges.TargetMethod.ContainingType.Name}.{saveChanges.TargetMethod.Name}", property.Parent ?? property, value, data);
        }

        // Inside a loop the same changes are saved again in later rounds: recorded once per assignment all the same.
        if (_context.LoopDepth == 0)
        {
            _unsavedChanges = null;
        }
    }

    private void RecordFieldWrite(IFieldSymbol field, Taints value)
    {
        if (FieldWrites is not null && !value.IsEmpty)
        {
            var written = value.WithoutMarkers();
            FieldWrites[field.OriginalDefinition] = FieldWrites.TryGetValue(field.OriginalDefinition, out var before) ? before.Union(written) : written;
        }
    }

    private Taints ParameterTaints(IParameterSymbol parameter)
    {
        var taints = _context.TypeTaints(parameter.Type);
        var parameterClass = _classifier.ClassifyMember(parameter);
        if (parameterClass.IsSilenced)
        {
            return Taints.None;
        }

        return parameterClass.IsPersonal ? taints.Add(Taint.Data(parameter, parameterClass.Class, parameter.Type)) : taints;
    }

    private Taints Visit(IOperation? operation)
    {
        if (operation is null)
        {
            return Taints.None;
        }

        _context.CancellationToken.ThrowIfCancellationRequested();
        _visits++;
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
                var initializerValue = declarator.GetVariableInitializer()?.Value;
                var initial = Visit(initializerValue);
                _state.Set(declarator.Symbol, initial);
                NoteTrackedEntity(declarator.Symbol, initializerValue);
                return initial;
            case IVariableInitializerOperation:
                return Taints.None;
            case IReturnOperation returned:
                _returned = _returned.Union(Visit(returned.ReturnedValue));
                CaptureOutValues();
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
                return _state.Get(local.Local).ReadAt(local);
            case IParameterReferenceOperation parameter:
                return ParameterValue(parameter.Parameter).ReadAt(parameter);
            case IInstanceReferenceOperation instance:
                return instance.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance ? _state.Get(_context.ThisKey) : Taints.None;
            case IMemberReferenceOperation member when member is IFieldReferenceOperation or IPropertyReferenceOperation:
                return VisitMemberReference(member).ReadAt(member);
            case IArrayElementReferenceOperation element:
                VisitAll(element.Indices);
                return Visit(element.ArrayReference).Retyped(element.Type);
            case IInvocationOperation invocation:
                return VisitInvocation(invocation);
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
                return VisitTuple(tuple);
            case IArrayCreationOperation array:
                VisitAll(array.DimensionSizes);
                return Visit(array.Initializer).Retyped(array.Type);
            case IArrayInitializerOperation arrayInitializer:
                return VisitAll(arrayInitializer.ElementValues);
            case ICollectionExpressionOperation collection:
                return VisitAll(collection.Elements).Retyped(collection.Type);
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
                return KnownCalls.IsBoolean(unary.Type) ? Taints.None : operand;
            case ICoalesceOperation coalesce:
                return Visit(coalesce.Value).Union(Visit(coalesce.WhenNull));
            case IConditionalAccessOperation conditionalAccess:
                return VisitConditionalAccess(conditionalAccess);
            case IConditionalAccessInstanceOperation:
                return _conditionalReceiver;
            case IAwaitOperation await:
                return Visit(await.Operation).Retyped(await.Type);
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
                    RecordFieldWrite(field, fieldValue);
                }

                return Taints.None;
            case IArgumentOperation argument:
                return Visit(argument.Value);
            default:
                return VisitAll(operation.ChildOperations).Retyped(operation.Type);
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
                if (forEach.LoopControlVariable is IVariableDeclaratorOperation { Symbol: var loopVariable })
                {
                    NoteTrackedEntity(loopVariable, forEach.Collection);
                }

                break;
        }

        _context.LoopDepth++;
        for (var round = 0; round < MaximumLoopRounds && (round == 0 || _visits < _budget); round++)
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
                    AssignAll(forEach.LoopControlVariable, element.Retyped(LoopVariableType(forEach)));
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

        _context.LoopDepth--;
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
                _state.Set(local, input.Retyped(declaration.NarrowedType));
                break;
            case IRecursivePatternOperation recursive:
                if (recursive.DeclaredSymbol is { } declared)
                {
                    _state.Set(declared, input.Retyped(recursive.NarrowedType));
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
            _state.Set(parameter, input.Retyped(parameter.Type).Union(ParameterTaints(parameter)));
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
                return receiver.Retyped(reference.Type).Union(_context.TypeTaints(reference.Type));
            }
        }

        if (reference is IFieldReferenceOperation { Field: var element } && TupleElementIndex(element) is { } index)
        {
            return receiver.OfElement(index).Retyped(reference.Type);
        }

        var result = MemberValue(reference.Member, receiver, reference.Type, reference.Instance);
        if (reference is IFieldReferenceOperation field && IsTracked(reference))
        {
            result = result.Union(_state.Get(field.Field));
            if (FieldWrites is null)
            {
                result = result.Union(_context.Model.Fields.Of(field.Field, _context.CancellationToken));
            }
        }

        if (reference is IPropertyReferenceOperation property && property.Property.GetMethod is { } getter)
        {
            result = result.Union(_calls.GetterResult(getter, receiver));
        }

        return result;
    }

    // The value of a member read from a receiver: the member's own annotation, the member's type, and — when the
    // receiver is personal data itself — the projection of it (an address's street is personal data too).
    private Taints MemberValue(ISymbol member, Taints receiver, ITypeSymbol? type, IOperation? instance = null)
    {
        var memberClass = _classifier.ClassifyMember(member);
        if (memberClass.IsSilenced)
        {
            return Taints.None;
        }

        var result = _context.TypeTaints(type);
        if (memberClass.IsPersonal)
        {
            result = result.Add(Taint.Data(member, memberClass.Class, type).Through(NavigationPath(instance)));
        }

        if (!KnownCalls.IsNonIdentifyingProjection(member, type))
        {
            result = result.Union(receiver.Where(t => t.Shape == TaintShape.Data && !t.IsMarker).Retyped(type));
        }

        return result;
    }

    // How many members of a navigation chain (order.Customer.Address.Street) a message names.
    private const int MaximumPathMembers = 6;

    // The members a receiver was reached through from its root, through the queries between them:
    // `film.Ratings.First().Member` gives "Film.Ratings → Rating.Member"; a root itself (`user`) gives none.
    private static string? NavigationPath(IOperation? instance)
    {
        List<string>? members = null;
        var current = instance;
        for (var step = 0; step < 64 && current is not null && (members?.Count ?? 0) < MaximumPathMembers; step++)
        {
            switch (StripConversions(current))
            {
                case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } reference when reference.Member.ContainingType is { } type && !type.IsTupleType:
                    (members ??= new List<string>()).Add(type.Name + "." + reference.Member.Name);
                    current = reference.Instance;
                    break;
                case IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } extension:
                    current = extension.Arguments[0].Value;
                    break;
                case IInvocationOperation invocation:
                    current = invocation.Instance;
                    break;
                case IAwaitOperation await:
                    current = await.Operation;
                    break;
                case IConditionalAccessInstanceOperation conditionalInstance:
                    current = OperationShapes.ConditionalReceiverOf(conditionalInstance);
                    break;
                default:
                    current = null;
                    break;
            }
        }

        if (members is null)
        {
            return null;
        }

        members.Reverse();
        return string.Join(" → ", members);
    }

    private Taints VisitInvocation(IInvocationOperation invocation) => VisitInvocation(invocation, out _);

    private Taints VisitInvocation(IInvocationOperation invocation, out CallArguments arguments)
    {
        var method = invocation.TargetMethod;
        var receiver = Visit(invocation.Instance);
        arguments = VisitArguments(invocation.Arguments, receiver, method);
        SinkKind? directSink = null;
        foreach (var sink in _context.ResolveSinks(method))
        {
            if (SinkRecorder.Matches(sink, invocation))
            {
                _recorder.RecordCall(sink, invocation, invocation.Instance, arguments);
                directSink ??= sink.Kind;
            }
        }

        SaveTrackedChanges(invocation);
        return _calls.Result(method, invocation, invocation.Instance, receiver, arguments, directSink, _state);
    }

    private Taints VisitCreation(IObjectCreationOperation creation)
    {
        var constructor = creation.Constructor;
        if (constructor is null)
        {
            return VisitAll(creation.ChildOperations);
        }

        var arguments = VisitArguments(creation.Arguments, Taints.None, constructor);
        SinkKind? directSink = null;
        foreach (var sink in _context.ResolveSinks(constructor))
        {
            _recorder.RecordCall(sink, creation, null, arguments);
            directSink ??= sink.Kind;
        }

        // A new object holds what it is given: constructor arguments, and what its initializer puts in its members
        // (held, so reading another member of it is not reading that data). Only a constructor with a body of its
        // own may store more than can be seen here, so its type says what the object may hold. (Where the object is
        // stored, its type says what is stored whatever it was given: see SinkRecorder.)
        var result = _calls.Result(constructor, creation, null, Taints.None, arguments, directSink, _state);
        if (creation.Initializer is { } initializer)
        {
            result = result.Union(VisitInitializer(initializer, creation.Type));
        }

        return _context.Model.Bodies.HasSourceBody(constructor) ? result.Union(_context.TypeTaints(creation.Type)) : result;
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
                result = result.Union(added.Union().Retyped(type));
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
    private CallArguments VisitArguments(ImmutableArray<IArgumentOperation> operations, Taints receiver, IMethodSymbol method)
    {
        var arguments = new CallArguments(operations);
        for (var i = 0; i < operations.Length; i++)
        {
            var argument = operations[i];
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

                arguments.SetElements(i, list);
                arguments[i] = union;
            }
            else
            {
                arguments[i] = Visit(argument.Value);
            }
        }

        var input = receiver;
        if (method.IsExtensionMethod && operations.Length > 0)
        {
            input = input.Union(arguments[0]);
        }

        for (var i = 0; i < operations.Length; i++)
        {
            if (!IsLambda(operations[i].Value))
            {
                continue;
            }

            _lambdaInput = input;
            arguments[i] = Visit(operations[i].Value);
            _lambdaInput = Taints.None;
        }

        return arguments;
    }

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
                    result = result.Union(_context.AsText(Visit(interpolation.Expression)));
                    break;
                case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation append }:
                    // A handler's AppendFormatted(value): the value becomes text, the call itself is plumbing.
                    foreach (var argument in append.Arguments)
                    {
                        result = result.Union(_context.AsText(Visit(argument.Value)));
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
        if (KnownCalls.IsBoolean(binary.Type))
        {
            return Taints.None;
        }

        return binary.Type?.SpecialType == SpecialType.System_String ? _context.AsText(left.Union(right)) : left.Union(right);
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
            value = assignment.Type?.SpecialType == SpecialType.System_String ? _context.AsText(value.Union(current)) : value.Union(current);
        }

        var strong = assignment is ISimpleAssignmentOperation;
        switch (assignment.Target)
        {
            case ILocalReferenceOperation local:
                Assign(local.Local, value, strong);
                NoteTrackedEntity(local.Local, assignment.Value);
                break;
            case IParameterReferenceOperation parameter:
                Assign(parameter.Parameter, value, strong);
                break;
            case IFieldReferenceOperation field:
                Visit(field.Instance);
                if (IsTracked(field))
                {
                    _state.Add(field.Field, value);
                    RecordFieldWrite(field.Field, value);
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
        var receiver = Visit(property.Instance);
        VisitAll(property.Arguments);
        if (EntityTracking.IsStoringStateChange(property, valueOperation) && property.Instance is { } entry)
        {
            _recorder.RecordStored("EntityEntry.State", property.Parent ?? property, entry, receiver);
        }

        // A change to a tracked entity's member is written by the SaveChanges that follows: the member decides what.
        if (_trackedEntities is not null && TrackedSymbol(property.Instance) is { } entity && _trackedEntities.Contains(entity))
        {
            var memberClass = _classifier.ClassifyMember(property.Property);
            var written = memberClass.IsPersonal ? value.Add(Taint.Data(property.Property, memberClass.Class, property.Type)) : value;
            if (!written.IsEmpty)
            {
                (_unsavedChanges ??= new()).Add((property, valueOperation, written.ReadAt(valueOperation)));
            }
        }

        if (property.Property.SetMethod is not { } setter)
        {
            return;
        }

        var valueOrdinal = setter.Parameters.Length - 1;
        foreach (var sink in _context.ResolveSinks(setter))
        {
            if (SinkRecorder.ReceiverMatches(sink, property.Instance) && sink.Modes.ElementAtOrDefault(valueOrdinal) is { } mode)
            {
                _recorder.RecordSetter(sink, property, valueOperation, value, mode);
            }
        }

        _calls.AssignThroughSetter(setter, value, valueOperation, property.Parent ?? property);

        // The object now holds the value: `dto.Name = user.Name` makes `dto` carry the name. What an indexer puts in
        // a collection (`map[key] = email`) is the collection's content: reading it back is reading the data.
        if (!property.Property.IsStatic && TrackedSymbol(property.Instance) is { } holder)
        {
            _state.Add(holder, property.Property.IsIndexer ? value.Retyped(property.Instance?.Type) : value.Select(t => t.HeldBy(property.Instance?.Type)));
        }
    }

    // Each element of a tuple keeps its own data: `(name, visits)` then `visits` carries only what visits did.
    private Taints VisitTuple(ITupleOperation tuple)
    {
        var result = Taints.None;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            result = result.Union(Visit(tuple.Elements[i]).AsElement(i));
        }

        return result;
    }

    private static int? TupleElementIndex(IFieldSymbol field)
    {
        if (field.ContainingType is not { IsTupleType: true } tuple)
        {
            return null;
        }

        // By position: a named element's underlying field is ItemN (the symbols of a literal's natural tuple type and
        // of its elements need not be the same instances).
        var underlying = (field.CorrespondingTupleField ?? field).Name;
        if (underlying.StartsWith("Item", System.StringComparison.Ordinal)
            && int.TryParse(underlying.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            && position >= 1 && position <= tuple.TupleElements.Length)
        {
            return position - 1;
        }

        var elements = tuple.TupleElements;
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i].Name == field.Name)
            {
                return i;
            }
        }

        return null;
    }

    // var (a, b) = value: each variable receives its element — of a tuple, or through a record's (or any type's
    // compiler-written) Deconstruct, the positional property of the same name.
    private Taints VisitDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        if (UnwrapTuple(deconstruction.Target) is not { } targets)
        {
            var value = Visit(deconstruction.Value);
            AssignAll(deconstruction.Target, value);
            return value;
        }

        if (UnwrapTuple(deconstruction.Value) is { } values && targets.Elements.Length == values.Elements.Length)
        {
            var all = Taints.None;
            for (var i = 0; i < targets.Elements.Length; i++)
            {
                var value = Visit(values.Elements[i]);
                AssignAll(targets.Elements[i], value);
                all = all.Union(value.AsElement(i));
            }

            return all;
        }

        var whole = Visit(deconstruction.Value);
        var positional = PositionalMembers(StripConversions(deconstruction.Value)?.Type, targets.Elements.Length);
        for (var i = 0; i < targets.Elements.Length; i++)
        {
            var element = positional is null
                ? whole.OfElement(i)
                : MemberValue(positional[i], whole, positional[i] is IPropertySymbol property ? property.Type : null);
            AssignAll(targets.Elements[i], element);
        }

        return whole;
    }

    // The members a record's synthesised Deconstruct gives out, in order: its positional properties.
    private static ISymbol[]? PositionalMembers(ITypeSymbol? type, int count)
    {
        if (type is not INamedTypeSymbol { IsRecord: true } record)
        {
            return null;
        }

        foreach (var method in record.GetMembers("Deconstruct"))
        {
            if (method is IMethodSymbol { IsImplicitlyDeclared: true } deconstruct && deconstruct.Parameters.Length == count)
            {
                var members = new ISymbol[count];
                for (var i = 0; i < count; i++)
                {
                    if (record.GetMembers(deconstruct.Parameters[i].Name).FirstOrDefault(m => m is IPropertySymbol) is not { } member)
                    {
                        return null;
                    }

                    members[i] = member;
                }

                return members;
            }
        }

        return null;
    }

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
}
