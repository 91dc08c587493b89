using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Discovery;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP9004: a <c>safe_privacy.*</c> option value SafePrivacy cannot read — a discovery pattern whose category is no
/// <c>DataCategory</c> member (wrong case, a number), a discovery switch that is neither true nor false, a listed sink
/// that names no method the compilation can call — which would otherwise silently become a default, or no sink.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnusableOptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnusableOption);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too (the rule reads only options, so this changes nothing).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        // Options are read per file, and one .editorconfig section can hold a bad value for some files only; each
        // value is reported once, in the order the files come, so the same configuration reports the same way.
        context.RegisterCompilationAction(compilation =>
        {
            var problems = new List<(string Key, string Value, string Problem)>();
            var checkedSinks = new Dictionary<string, string?>(System.StringComparer.Ordinal);
            foreach (var tree in compilation.Compilation.SyntaxTrees)
            {
                var options = compilation.Options.AnalyzerConfigOptionsProvider.GetOptions(tree);
                foreach (var problem in NamePatterns.Problems(options).Concat(ConfiguredSinks.Problems(options, compilation.Compilation, checkedSinks)))
                {
                    if (!problems.Contains(problem))
                    {
                        problems.Add(problem);
                    }
                }
            }

            foreach (var (key, value, problem) in problems)
            {
                compilation.ReportDiagnostic(Diagnostic.Create(Descriptors.UnusableOption, Location.None, key, value, problem));
            }
        });
    }
}
