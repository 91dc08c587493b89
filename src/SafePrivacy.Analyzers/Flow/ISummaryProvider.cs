using System.Threading;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>How a method of the compilation treats personal data, as its callers see it.</summary>
internal interface ISummaryProvider
{
    /// <summary>
    /// The summary of a method with a body in this compilation, following its own callees <paramref name="level"/>
    /// deep; null for a method without one (library code) or below level 0.
    /// </summary>
    MethodSummary? Summary(IMethodSymbol method, int level, CancellationToken cancellationToken);
}
