using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>SP1004: a <c>[Retention]</c> whose period is not an ISO 8601 duration, or indefinite without a justification.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidRetentionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The value of <c>SafePrivacy.Retention.Indefinite</c>.</summary>
    internal const string Indefinite = "Indefinite";

    private const string JustificationArgument = "Justification";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.InvalidRetentionPeriod,
        Descriptors.IndefiniteRetentionWithoutJustification);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a declaration is as wrong there as anywhere.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (AttributeNames.IsDeclaredIn(start.Compilation, AttributeNames.Retention))
            {
                AttributeApplications.Register(start, AttributeNames.Retention, Check);
            }
        });
    }

    private static void Check(AttributeApplication application)
    {
        var attribute = application.Attribute;
        if (AttributeArguments.Positional(attribute, 0) is not { Kind: TypedConstantKind.Primitive } argument)
        {
            return;
        }

        var period = argument.Value as string;
        if (period == Indefinite)
        {
            if (DeclaredText.IsMissing(AttributeArguments.NamedString(attribute, JustificationArgument)))
            {
                application.Report(Diagnostic.Create(
                    Descriptors.IndefiniteRetentionWithoutJustification,
                    AttributeArguments.AttributeLocation(attribute, application.CancellationToken),
                    application.TargetName));
            }

            return;
        }

        if (!IsoDuration.TryParse(period, out _, out var problem))
        {
            application.Report(Diagnostic.Create(
                Descriptors.InvalidRetentionPeriod,
                AttributeArguments.PositionalLocation(attribute, 0, application.CancellationToken),
                period ?? string.Empty,
                application.TargetName,
                problem));
        }
    }
}
