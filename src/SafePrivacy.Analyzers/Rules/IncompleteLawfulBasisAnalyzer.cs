using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>SP1001: a <c>[LawfulBasis]</c> with no purpose, no reference where the basis needs one, or consent in a moderation pipeline.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IncompleteLawfulBasisAnalyzer : DiagnosticAnalyzer
{
    private const string PurposeArgument = "Purpose";
    private const string ReferenceArgument = "Reference";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.LawfulBasisWithoutPurpose,
        Descriptors.LawfulBasisWithoutReference,
        Descriptors.ConsentInModerationPipeline);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a declaration is as incomplete there as anywhere.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!AttributeNames.IsDeclaredIn(start.Compilation, AttributeNames.LawfulBasis))
            {
                return;
            }

            AttributeApplications.Register(start, AttributeNames.LawfulBasis, CheckDeclaration);
            if (AttributeNames.IsDeclaredIn(start.Compilation, AttributeNames.ModerationPipeline))
            {
                AttributeApplications.Register(start, AttributeNames.ModerationPipeline, CheckInheritedBasisOfPipeline);
            }
        });
    }

    private static void CheckDeclaration(AttributeApplication application)
    {
        if (AttributeArguments.Positional(application.Attribute, 0)?.Value is not int value)
        {
            return;
        }

        var basis = (LawfulBasisKind)value;
        var attribute = application.Attribute;
        var cancellationToken = application.CancellationToken;

        if (DeclaredText.Describe(AttributeArguments.NamedString(attribute, PurposeArgument), "purpose") is { } purposeProblem)
        {
            application.Report(Diagnostic.Create(
                Descriptors.LawfulBasisWithoutPurpose,
                AttributeArguments.NamedLocation(attribute, PurposeArgument, cancellationToken),
                application.TargetName,
                purposeProblem));
        }

        if (ExpectedReference(basis) is { } expected && DeclaredText.IsMissing(AttributeArguments.NamedString(attribute, ReferenceArgument)))
        {
            application.Report(Diagnostic.Create(
                Descriptors.LawfulBasisWithoutReference,
                AttributeArguments.NamedLocation(attribute, ReferenceArgument, cancellationToken),
                application.TargetName,
                basis.ToString(),
                expected));
        }

        if (basis == LawfulBasisKind.Consent && ModerationScope.EnclosingPipeline(application.Target) is { } pipeline)
        {
            application.Report(Diagnostic.Create(
                Descriptors.ConsentInModerationPipeline,
                AttributeArguments.PositionalLocation(attribute, 0, cancellationToken),
                SymbolNames.ForMessage(pipeline),
                string.Empty));
        }
    }

    // A pipeline without its own basis inherits the nearest one; consent declared further out (on a plain
    // containing type or the assembly) is reported on the pipeline, because that is where it is wrong.
    private static void CheckInheritedBasisOfPipeline(AttributeApplication application)
    {
        var pipeline = application.Target;
        if (DeclarationScope.Nearest(pipeline, AttributeNames.LawfulBasis) is not { } basis
            || SymbolEqualityComparer.Default.Equals(basis.DeclaredOn, pipeline)
            || AttributeArguments.Positional(basis.Attribute, 0)?.Value is not (int)LawfulBasisKind.Consent
            || (basis.DeclaredOn is not IAssemblySymbol && ModerationScope.EnclosingPipeline(basis.DeclaredOn) is not null))
        {
            return;
        }

        application.Report(Diagnostic.Create(
            Descriptors.ConsentInModerationPipeline,
            AttributeArguments.AttributeLocation(application.Attribute, application.CancellationToken),
            application.TargetName,
            " declared on " + SymbolNames.ForMessage(basis.DeclaredOn)));
    }

    private static string? ExpectedReference(LawfulBasisKind basis) => basis switch
    {
        LawfulBasisKind.LegalObligation => "the statute, e.g. \"Online Safety Act 2023 s.10\"",
        LawfulBasisKind.LegitimateInterests => "the legitimate interests assessment",
        LawfulBasisKind.RecognisedLegitimateInterest => "the Annex 1 condition",
        _ => null,
    };
}
