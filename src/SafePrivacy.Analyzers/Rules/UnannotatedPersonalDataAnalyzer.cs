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
            case IMethodSymbol method:
                foreach (var parameter in method.Parameters)
                {
                    if (IsCandidateParameter(parameter, method))
                    {
                        CheckMember(context, model, parameter, parameter.Type);
                    }
                }

                break;
            case IPropertySymbol { IsImplicitlyDeclared: false, IsOverride: false, IsIndexer: false } property when !ImplementsInterface(property):
                CheckMember(context, model, property, property.Type);
                break;
            case IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false, AssociatedSymbol: null } field:
                CheckMember(context, model, field, field.Type);
                break;
        }
    }

    private static void CheckMember(SymbolAnalysisContext context, PrivacyModel model, ISymbol member, ITypeSymbol type)
    {
        var location = member.Locations.FirstOrDefault(l => l.IsInSource);
        if (location is null
            || NamePatterns.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(location.SourceTree!)) is not { } patterns
            || patterns.Match(member.Name, type) is not { } pattern)
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

    // Parameters are annotated where they are declared first: not on overrides, interface implementations,
    // property setters, or a record's primary constructor (whose property is checked instead).
    private static bool IsCandidateParameter(IParameterSymbol parameter, IMethodSymbol method)
    {
        if (method.IsImplicitlyDeclared || method.IsOverride || method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction)
            || ImplementsInterface(method))
        {
            return false;
        }

        return !(method.MethodKind == MethodKind.Constructor
            && method.ContainingType.IsRecord
            && method.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().Any());
    }

    private static bool ImplementsInterface(ISymbol member) =>
        member.ContainingType is { } type
        && type.AllInterfaces.SelectMany(i => i.GetMembers(member.Name))
            .Any(candidate => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member));
}
