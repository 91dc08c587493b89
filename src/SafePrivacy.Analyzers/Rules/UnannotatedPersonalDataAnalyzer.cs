using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Discovery;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP9001: a property, field or parameter whose name and type look like personal data is neither annotated nor
/// marked <c>[NotPersonalData]</c>. The category the name suggests travels to the code fix.
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
                foreach (var parameter in method.Parameters)
                {
                    if (!IsRecordPropertyParameter(parameter, method))
                    {
                        CheckMember(context, model, parameter, parameter.Type, declaredOn: method);
                    }
                }

                break;
            case IPropertySymbol { IsImplicitlyDeclared: false, IsOverride: false, IsIndexer: false } property:
                CheckMember(context, model, property, property.Type, declaredOn: property);
                break;
            case IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false, AssociatedSymbol: null } field:
                CheckMember(context, model, field, field.Type, declaredOn: field);
                break;
        }
    }

    // Annotations are written where a member is declared first: not on an interface implementation, whose interface
    // carries them (asked only once a name matched — it walks every interface of the type).
    private static void CheckMember(SymbolAnalysisContext context, PrivacyModel model, ISymbol member, ITypeSymbol type, ISymbol declaredOn)
    {
        var location = member.Locations.FirstOrDefault(l => l.IsInSource);
        if (location is null
            || model.NamePatternsFor(location.SourceTree!) is not { } patterns
            || patterns.Match(member.Name, type) is not { } pattern
            || DataClassifier.ImplementsInterface(declaredOn))
        {
            return;
        }

        var memberClass = model.Classifier.ClassifyMember(member);
        if (memberClass.IsPersonal || memberClass.IsSilenced || IsInsideDeclaredType(member, model))
        {
            return;
        }

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

    // Parameters are annotated where they are declared first: not on overrides or property setters.
    private static bool IsDeclaringMethod(IMethodSymbol method) =>
        !method.IsImplicitlyDeclared && !method.IsOverride && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor;

    // A record's primary constructor parameter whose property is checked instead.
    private static bool IsRecordPropertyParameter(IParameterSymbol parameter, IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor
        && method.ContainingType.IsRecord
        && method.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().Any();
}
