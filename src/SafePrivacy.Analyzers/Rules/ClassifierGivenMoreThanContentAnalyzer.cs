using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP5002: a <c>[ModerationClassifier]</c> is given personal data beyond the content — an object whose members
/// include other personal data (a whole user, a post with its author), or a separate personal-data argument next to
/// the content. The content itself, a content-only type, and pseudonymous identifiers are fine. Inside a
/// <c>[ModerationPipeline]</c>, an LLM or moderation API (IChatClient, OpenAI's chat and moderation clients) is such
/// a classifier too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClassifierGivenMoreThanContentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ClassifierGivenMoreThanContent);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a leak in generated code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        FlowAnalysis.Register(context, AnalyzeBody);
    }

    private static void AnalyzeBody(FlowContext context)
    {
        var inPipeline = ModerationScope.EnclosingPipeline(context.Owner) is not null;
        foreach (var hit in context.Hits)
        {
            if (hit.FromCallee || !(hit.Kind == SinkKind.Classifier || (inPipeline && ThirdParties.Of(hit) is { AnalysesContent: true })))
            {
                continue;
            }

            var beyond = hit.Data.Items.Select(t => BeyondContent(t, context.Model.Classifier)).OfType<string>().Distinct().OrderBy(d => d, System.StringComparer.Ordinal).ToList();
            if (beyond.Count > 0)
            {
                context.Report(Descriptors.ClassifierGivenMoreThanContent, hit, hit.Sink, Join(beyond));
            }
        }
    }

    // How a piece of data goes beyond the content, or null when it is the content (or only an identifier).
    private static string? BeyondContent(Taint taint, DataClassifier classifier)
    {
        if (taint.Class.Has(DataKinds.Pseudonymous))
        {
            return null;
        }

        // A whole object, or its serialised text (a prompt made of JsonSerializer.Serialize(post)), holds its members.
        if (taint.Origin is ITypeSymbol type && (taint.Shape == TaintShape.Holder || classifier.ClassifyType(type).Shape == TaintShape.Holder))
        {
            var others = classifier.NonContentMembers(taint.Shape == TaintShape.Holder ? taint.Type ?? type : type);
            return others.IsEmpty ? null : $"the whole '{type.Name}' with {string.Join(", ", others)}";
        }

        return (taint.Class.Kinds & ~DataKinds.Personal) == DataKinds.UserGeneratedContent ? null : taint.Describe();
    }

    private static string Join(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[parts.Count - 1];
}
