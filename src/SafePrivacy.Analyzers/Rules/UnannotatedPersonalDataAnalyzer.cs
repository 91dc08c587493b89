using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Discovery;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP9001: a property or field whose name and type look like personal data, or a parameter that does and whose value
/// the method sends to a sink, is neither annotated nor marked <c>[NotPersonalData]</c>. The category the name
/// suggests travels to the code fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnannotatedPersonalDataAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property naming the suggested <c>DataCategory</c> member.</summary>
    public const string CategoryProperty = "Category";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnannotatedPersonalData);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: generated DTOs carry personal data as well.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Suggesting an annotation only makes sense where the annotations can be written.
            if (!AttributeNames.IsDeclaredIn(start.Compilation, AttributeNames.PersonalData)
                || PrivacyModel.For(start.Compilation, start.Options, start.CancellationToken) is not { } model)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => Check(symbol, model), SymbolKind.Property, SymbolKind.Field, SymbolKind.Method);
        });
    }

    private static void Check(SymbolAnalysisContext context, PrivacyModel model)
    {
        switch (context.Symbol)
        {
            case IMethodSymbol method when IsDeclaringMethod(method):
                CheckParameters(context, model, method);
                break;
            // A partial property is checked on its definition only: its implementation part is a symbol of its own.
            case IPropertySymbol { IsImplicitlyDeclared: false, IsOverride: false, IsIndexer: false, PartialDefinitionPart: null } property
                when Discover(model, property, property.Type, declaredOn: property) is { } found:
                Report(context, found.Location, property, found.Pattern);
                break;
            case IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false, AssociatedSymbol: null } field
                when Discover(model, field, field.Type, declaredOn: field) is { } found:
                Report(context, found.Location, field, found.Pattern);
                break;
        }
    }

    // A parameter is only a conduit: what it holds is the caller's, and usually lands in a member that is reported
    // itself (a constructor's displayName in DisplayName). It is reported only where the method sends its value to a
    // sink — a log, a store, another party, an exception — itself or through a helper: then no member may ever
    // hold it, and the annotation on the parameter is what makes the flow rules see that sink.
    private static void CheckParameters(SymbolAnalysisContext context, PrivacyModel model, IMethodSymbol method)
    {
        ImmutableArray<ParameterSink>? sinks = null;
        foreach (var parameter in method.Parameters)
        {
            if (IsRecordPropertyParameter(parameter, method) || Discover(model, parameter, parameter.Type, declaredOn: method) is not { } found)
            {
                continue;
            }

            // Asked once per method, and only once a parameter's name matched: most methods never get here.
            sinks ??= ParameterSinks(model, method, context.CancellationToken);
            if (sinks.Value.Any(s => s.Ordinal == parameter.Ordinal))
            {
                Report(context, found.Location, parameter, found.Pattern);
            }
        }
    }

    /// <summary>
    /// The sinks the method's parameters reach: its summary, or for an interface, abstract or virtual member the
    /// union of its implementations' in source (the annotation goes where the parameter is declared first). Bodies
    /// the candidate index says cannot sink what they are given are not walked.
    /// </summary>
    private static ImmutableArray<ParameterSink> ParameterSinks(PrivacyModel model, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var implementations = model.Bodies.ImplementationsInSource(method);
        if (model.Index is { } index && !implementations.Any(index.MaySinkWhatItIsGiven))
        {
            return ImmutableArray<ParameterSink>.Empty;
        }

        return model.SummaryOf(implementations, cancellationToken)?.ParameterSinks ?? ImmutableArray<ParameterSink>.Empty;
    }

    // Annotations are written where a member is declared first: not on an interface implementation, whose interface
    // carries them (asked only once a name matched — it walks every interface of the type).
    private static (Location Location, NamePattern Pattern)? Discover(PrivacyModel model, ISymbol member, ITypeSymbol type, ISymbol declaredOn)
    {
        var location = member.Locations.FirstOrDefault(l => l.IsInSource);
        if (location is null
            || model.NamePatternsFor(location.SourceTree!) is not { } patterns
            || patterns.Match(member.Name, type, declaredOn.ContainingType) is not { } pattern
            || DataClassifier.ImplementsInterface(declaredOn))
        {
            return null;
        }

        var memberClass = model.Classifier.ClassifyMember(member);
        return memberClass.IsPersonal || memberClass.IsSilenced || IsInsideDeclaredType(member, model) ? null : (location, pattern);
    }

    private static void Report(SymbolAnalysisContext context, Location location, ISymbol member, NamePattern pattern)
    {
        var category = pattern.Category.ToString();
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnannotatedPersonalData,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(CategoryProperty, category),
            member.Name,
            Flow.CategoryWords.Describe((int)pattern.Category),
            category));
    }

    // The whole type is declared already: [PersonalData] class Address needs no annotation on Postcode, and a type
    // marked [NotPersonalData] is settled.
    private static bool IsInsideDeclaredType(ISymbol member, PrivacyModel model) =>
        member.ContainingType is { } type
        && (model.Classifier.ClassifyType(type) is { IsPersonal: true, Shape: TaintShape.Data }
            || AttributeNames.Find(type, AttributeNames.NotPersonalData) is not null);

    // Parameters are annotated where they are declared first: not on overrides, property setters or a partial
    // method's implementation (its definition is checked, and the compiler merges the attributes of both).
    private static bool IsDeclaringMethod(IMethodSymbol method) =>
        !method.IsImplicitlyDeclared && !method.IsOverride && method.PartialDefinitionPart is null
        && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor;

    // A record's primary constructor parameter whose property is checked instead.
    private static bool IsRecordPropertyParameter(IParameterSymbol parameter, IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor
        && method.ContainingType.IsRecord
        && method.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().Any();
}
