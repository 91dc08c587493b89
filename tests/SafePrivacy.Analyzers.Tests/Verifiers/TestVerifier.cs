using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Testing;

namespace SafePrivacy.Analyzers.Tests.Verifiers;

/// <summary>
/// The framework's verifier, with two additions: every failure ends with the sources annotated with the diagnostics
/// actually produced (paste them into the test if they are right), and it tells the test which states are the ones
/// a test declares, as opposed to the intermediate states of applying fixes.
/// </summary>
public sealed class TestVerifier : DefaultVerifier
{
    // Contexts the framework pushes while it applies fixes or re-runs analysis under '#pragma warning disable': the
    // states it analyses there are its own steps, not the sources or fixed sources a test declares.
    private static readonly ImmutableArray<string> IntermediateContexts = ImmutableArray.Create(
        "Iterative code fix application", "Fix all in", "Verifying exclusions in");

    public TestVerifier()
    {
    }

    private TestVerifier(ImmutableStack<string> context)
        : base(context)
    {
    }

    /// <summary>Whether this verifier checks a state the test declares: the sources, or the fixed sources.</summary>
    internal bool ChecksDeclaredState =>
        !Context.Any(frame => IntermediateContexts.Any(prefix => frame.StartsWith(prefix, System.StringComparison.Ordinal)));

    public override IVerifier PushContext(string context) => new TestVerifier(Context.Push(context));

    protected override string CreateMessage(string message) =>
        base.CreateMessage(message) + TestRun.Current?.DescribeWhatWasAnalysed(this);
}
