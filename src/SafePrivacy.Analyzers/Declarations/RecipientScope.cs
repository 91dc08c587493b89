using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>
/// Which sinks hand data to another party, and so need a <c>[Recipient]</c>: the one decision SP4001 reports on and
/// the inventory records as leaving the service, so the two never disagree.
/// </summary>
internal static class RecipientScope
{
    /// <summary>
    /// Transfers (request bodies, <c>[ExternalTransfer]</c>, configured transfer sinks) and URLs, whose host receives
    /// what they carry; and a classifier the compilation does not implement — one declared here but implemented
    /// elsewhere (a vendor SDK, a remote service behind an interface). A classifier implemented in the compilation
    /// runs in-house. And every sink of a vendor's SDK the catalogue names a party for (Sentry, Application Insights,
    /// Twilio, an LLM), whatever else its kind says (telemetry too).
    /// </summary>
    public static bool ReachesAnotherParty(SinkHit hit, PrivacyModel model) => ThirdParties.Of(hit) is not null || hit.Kind switch
    {
        SinkKind.Transfer or SinkKind.Url => true,
        SinkKind.Classifier => hit.Via.IsDefaultOrEmpty
            && hit.Call is IInvocationOperation { TargetMethod: var classifier }
            && model.Bodies.ImplementationsInSource(classifier).IsEmpty,
        _ => false,
    };
}
