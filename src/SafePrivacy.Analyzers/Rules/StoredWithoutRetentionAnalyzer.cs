using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP3002: personal data stored with no <c>[Retention]</c> on the stored type, the storing member or its types, or
/// the assembly — at each store, and once on every EF Core <c>DbSet&lt;T&gt;</c> of an entity holding personal data,
/// so the finding exists before anything is added.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StoredWithoutRetentionAnalyzer : DiagnosticAnalyzer
{
    private const string DbSet = "Microsoft.EntityFrameworkCore.DbSet`1";
    private const string DbContext = "Microsoft.EntityFrameworkCore.DbContext";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.StoredWithoutRetention, Descriptors.EntityWithoutRetention);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a leak in generated code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        FlowAnalysis.Register(context, AnalyzeBody);
        context.RegisterCompilationStartAction(start =>
        {
            if (PrivacyModel.ForDeclaredData(start.Compilation, start.Options, start.CancellationToken) is { } model
                && !start.Compilation.GetTypesByMetadataName(DbContext).IsEmpty)
            {
                start.RegisterSymbolAction(symbol => CheckDbSet(symbol, model), SymbolKind.Property);
            }
        });
    }

    private static void AnalyzeBody(FlowContext context)
    {
        foreach (var hit in context.Hits)
        {
            if (hit.Kind != SinkKind.Storage || hit.FromCallee || RetentionScope.For(context.Model, context.Owner, hit) is not null)
            {
                continue;
            }

            var storedType = StoredTypeName(hit);
            context.Report(
                Descriptors.StoredWithoutRetention,
                hit,
                hit.DescribeData(context.Model.Classifier),
                hit.Sink,
                hit.DescribeVia(),
                storedType is null ? string.Empty : $"the stored type '{storedType}', ",
                context.OwnerName);
        }
    }

    // The type a [Retention] could be put on: the stored entity, or the type the data was read from.
    private static string? StoredTypeName(SinkHit hit)
    {
        var type = hit.ValueType is { } valueType ? DataClassifier.ElementType(valueType) ?? valueType : null;
        if (type is INamedTypeSymbol { SpecialType: SpecialType.None } named && named.Locations.Any(l => l.IsInSource))
        {
            return named.Name;
        }

        var origin = hit.Data.Items.Select(t => t.Origin as ITypeSymbol ?? t.Origin.ContainingType).FirstOrDefault(t => t is not null && t.Locations.Any(l => l.IsInSource));
        return origin?.Name;
    }

    private static void CheckDbSet(SymbolAnalysisContext context, PrivacyModel model)
    {
        var property = (IPropertySymbol)context.Symbol;
        if (property.Type is not INamedTypeSymbol { IsGenericType: true } type
            || !MetadataNames.Is(type, DbSet)
            || !MetadataNames.DerivesFrom(property.ContainingType, DbContext))
        {
            return;
        }

        var entity = type.TypeArguments[0];
        var data = model.Classifier.ClassifyType(entity);
        if (!data.IsPersonal
            || RetentionScope.ForStoredType(entity) is not null
            || AttributeNames.Find(property, AttributeNames.Retention) is not null
            || model.Nearest(property.ContainingType, AttributeNames.Retention) is not null)
        {
            return;
        }

        var held = data.HeldMembers.IsEmpty ? data.Class.Describe() : string.Join(", ", data.HeldMembers);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.EntityWithoutRetention,
            property.Locations[0],
            entity.Name,
            held,
            $"{property.ContainingType.Name}.{property.Name}"));
    }
}
