using System.Collections.Generic;
using System.Collections.Immutable;
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
                        Call(constructor, creation.Type, null);
                        break;
                    case IPropertyReferenceOperation property:
                        hasSource |= IsPersonal(property.Property, property.Type, context);
                        if (property.Property.GetMethod is { } getter && context.Model.Bodies.HasSourceBody(getter))
                        {
                            hasSource |= index.MayReturnData(getter);
                        }

                        if (property.Parent is IAssignmentOperation assignment && assignment.Target == property && property.Property.SetMethod is { } setter)
                        {
                            hasSink |= IsSink(setter, property.Instance) || EntityTracking.IsStoringStateChange(property, assignment.Value);
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

                if (hasSource && hasSink)
                {
                    return true;
                }
            }
        }

        return false;

        void Call(IMethodSymbol method, ITypeSymbol? type, IInvocationOperation? invocation)
        {
            hasSink |= IsSink(method, invocation?.Instance, invocation) || EntityTracking.IsSaveChanges(method);
            hasSource |= !context.Classifier.ClassifyReturn(method).IsEmpty || context.Classifier.ClassifyType(type).IsPersonal;
            if (context.Model.Bodies.HasSourceBody(method))
            {
                var definition = MethodBodies.Definition(method);
                hasSource |= index.MayReturnData(definition);
                hasSink |= index.MaySinkWhatItIsGiven(definition);

                // A helper that brings its own data to a sink is a finding of this body's where a scope follows its helpers.
                if (context.Model.DeclaresModerationPipelines && index.MayReachSink(definition))
                {
                    hasSource = hasSink = true;
                }
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
