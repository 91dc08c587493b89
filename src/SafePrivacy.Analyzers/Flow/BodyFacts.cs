using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// What a body touches, found by one cheap pass over its operations: does it read personal data, call a sink,
/// and which methods of this compilation does it call. The flow itself runs only where a source meets a sink.
/// </summary>
internal sealed class BodyFacts
{
    public static readonly BodyFacts None = new(false, false, ImmutableArray<IMethodSymbol>.Empty);

    private BodyFacts(bool hasSource, bool hasSink, ImmutableArray<IMethodSymbol> callees)
    {
        HasSource = hasSource;
        HasSink = hasSink;
        Callees = callees;
    }

    public bool HasSource { get; }

    public bool HasSink { get; }

    /// <summary>Methods with a body in this compilation that the body calls (property getters included).</summary>
    public ImmutableArray<IMethodSymbol> Callees { get; }

    public static BodyFacts Collect(IEnumerable<IOperation> roots, PrivacyModel model, ConfiguredSinks configured)
    {
        var hasSource = false;
        var hasSink = false;
        var callees = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var ordered = ImmutableArray.CreateBuilder<IMethodSymbol>();
        var classifier = model.Classifier;

        void Call(IMethodSymbol? method)
        {
            if (method is null)
            {
                return;
            }

            hasSink |= model.IsSink(method, configured);
            hasSource |= classifier.ClassifyReturn(method).Kinds != DataKinds.None;
            var definition = (method.PartialImplementationPart ?? method).OriginalDefinition;
            if (model.Bodies.HasSourceBody(definition) && callees.Add(definition))
            {
                ordered.Add(definition);
            }
        }

        foreach (var root in roots)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        Call(invocation.TargetMethod);
                        hasSource |= classifier.ClassifyType(invocation.Type).IsPersonal;
                        break;
                    case IObjectCreationOperation creation:
                        Call(creation.Constructor);
                        break;
                    case IPropertyReferenceOperation property:
                        hasSource |= classifier.ClassifyMember(property.Property).IsPersonal || classifier.ClassifyType(property.Type).IsPersonal;
                        Call(property.Property.GetMethod);
                        if (property.Property.SetMethod is { } setter && model.IsSink(setter, configured))
                        {
                            hasSink = true;
                        }

                        break;
                    case IFieldReferenceOperation field:
                        hasSource |= classifier.ClassifyMember(field.Field).IsPersonal || classifier.ClassifyType(field.Type).IsPersonal;
                        break;
                    case IParameterReferenceOperation parameter:
                        hasSource |= classifier.ClassifyMember(parameter.Parameter).IsPersonal || classifier.ClassifyType(parameter.Type).IsPersonal;
                        break;
                    case IInstanceReferenceOperation instance:
                        hasSource |= classifier.ClassifyType(instance.Type).IsPersonal;
                        break;
                }
            }
        }

        return !hasSource && !hasSink && ordered.Count == 0 ? None : new BodyFacts(hasSource, hasSink, ordered.ToImmutable());
    }
}
