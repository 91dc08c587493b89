using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP9003: a line of an external annotations file (<c>SafePrivacy.Annotations.txt</c>, <c>*.safeprivacy.txt</c>)
/// that cannot be parsed or names no symbol, reported on that line so a typo never silently un-declares data.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnusableAnnotationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnusableAnnotation);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too (the rule reads only additional files, so this changes nothing).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!start.Options.AdditionalFiles.Any(f => ExternalAnnotations.IsAnnotationFile(f.Path)))
            {
                return;
            }

            // Reported per file so the IDE shows them live as the annotations file is edited.
            start.RegisterAdditionalFileAction(file =>
            {
                if (!ExternalAnnotations.IsAnnotationFile(file.AdditionalFile.Path))
                {
                    return;
                }

                var annotations = PrivacyModel.AnnotationsFor(file.Compilation, file.Options, file.CancellationToken);
                foreach (var problem in annotations.Problems.Where(p => string.Equals(p.Path, file.AdditionalFile.Path, StringComparison.Ordinal)))
                {
                    file.ReportDiagnostic(Diagnostic.Create(Descriptors.UnusableAnnotation, problem.Location, problem.Entry, problem.Reason));
                }
            });
        });
    }
}
