using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP2005: a type holding personal data whose ToString prints it — a record's compiler-generated ToString, or an
/// override that returns personal members — so logging or interpolating it leaks every one of them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PrintingToStringAnalyzer : DiagnosticAnalyzer
{
    private const string PrintMembers = "PrintMembers";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PrintingToString);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a leak in generated code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (PrivacyModel.ForDeclaredData(start.Compilation, start.Options, start.CancellationToken) is { } model)
            {
                start.RegisterSymbolAction(symbol => Check(symbol, model), SymbolKind.NamedType);
            }
        });
    }

    private static void Check(SymbolAnalysisContext context, PrivacyModel model)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || !model.Classifier.ClassifyType(type).IsPersonal)
        {
            return;
        }

        var printed = PrintedPersonalMembers(type, model, context.CancellationToken, out var how);
        if (printed.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PrintingToString, type.Locations[0], type.Name, string.Join(", ", printed), how));
        }
    }

    private static List<string> PrintedPersonalMembers(INamedTypeSymbol type, PrivacyModel model, CancellationToken cancellationToken, out string how)
    {
        var toString = ValuePrinting.ToStringOverride(type);
        if (toString is not null && !toString.IsImplicitlyDeclared)
        {
            how = "overridden";
            if (model.SummaryOf(ImmutableArray.Create(toString), cancellationToken) is not { } summary)
            {
                return new List<string>();
            }

            return summary.ReturnTaints.Items
                .Select(t => t.Origin)
                .Where(o => o is not ITypeSymbol && !SymbolEqualityComparer.Default.Equals(o, toString))
                .Select(o => o.Name)
                .Distinct()
                .OrderBy(n => n, System.StringComparer.Ordinal)
                .ToList();
        }

        how = "compiler-generated";
        var curated = type.GetMembers(PrintMembers).Any(m => !m.IsImplicitlyDeclared);
        if (!type.IsRecord || curated)
        {
            return new List<string>();
        }

        return SynthesisedPrint(type, model.Classifier).Where(m => m.IsPersonal).Select(m => m.Name).ToList();
    }

    /// <summary>
    /// What a record's synthesised ToString prints — every public instance property and field, inherited ones too —
    /// each with whether it is personal data. The rule reports the personal ones; its fix prints only the others.
    /// </summary>
    internal static IEnumerable<(string Name, bool IsPersonal)> SynthesisedPrint(INamedTypeSymbol type, DataClassifier classifier)
    {
        var wholeIsPersonal = classifier.ClassifyType(type).Shape == TaintShape.Data;
        return DataClassifier.InstanceDataMembers(type)
            .Where(m => m.Member.DeclaredAccessibility == Accessibility.Public)
            .GroupBy(m => m.Member.Name)
            .Select(members =>
            {
                var (member, memberType) = members.First();
                var memberClass = classifier.ClassifyMember(member);
                var isPersonal = !memberClass.IsSilenced && (wholeIsPersonal || memberClass.IsPersonal || classifier.ClassifyType(memberType).IsPersonal);
                return (members.Key, isPersonal);
            });
    }
}
