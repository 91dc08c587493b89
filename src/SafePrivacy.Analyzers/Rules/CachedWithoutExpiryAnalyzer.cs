using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP3003: a cache entry holding personal data with no expiry — <c>IDistributedCache</c> writes whose options set
/// no absolute or sliding expiration (or have none), <c>IMemoryCache</c> writes without an expiration argument or
/// with options, a factory or an entry that sets none, Redis writes with no time to live and no later KeyExpire of the
/// same key. HybridCache entries always expire and are never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CachedWithoutExpiryAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CachedWithoutExpiry);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a leak in generated code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        FlowAnalysis.Register(context, AnalyzeBody);
    }

    private static void AnalyzeBody(FlowContext context)
    {
        foreach (var hit in context.Hits)
        {
            if (hit.Kind == SinkKind.Storage && !hit.FromCallee && hit.Via.IsDefaultOrEmpty && hit.IsCacheWriteWithoutExpiry)
            {
                context.Report(Descriptors.CachedWithoutExpiry, hit, hit.DescribeData(context.Model.Classifier), hit.Sink);
            }
        }
    }
}
