using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP5001: a significant <c>[ModerationAction]</c> (account suspension or ban) reachable from a
/// <c>[ModerationPipeline]</c> with no <c>[HumanReview]</c> member on the path. Reported at the call that takes
/// effect, naming the path; calls are followed through the compilation, interfaces to their implementations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AutomatedSignificantDecisionAnalyzer : DiagnosticAnalyzer
{
    // How many calls back from the action a pipeline is looked for.
    private const int MaximumPathLength = 8;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AutomatedSignificantDecision);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: an automated ban in generated code is still one.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!AttributeNames.IsDeclaredIn(start.Compilation, AttributeNames.ModerationAction)
                || !AttributeNames.IsDeclaredIn(start.Compilation, AttributeNames.ModerationPipeline)
                || PrivacyModel.For(start.Compilation, start.Options, start.CancellationToken) is not { DeclaresModerationActions: true } model)
            {
                return;
            }

            start.RegisterOperationBlockAction(block => AnalyzeBody(block, model));
        });
    }

    private static void AnalyzeBody(OperationBlockAnalysisContext context, PrivacyModel model)
    {
        if (context.OwningSymbol is not IMethodSymbol owner)
        {
            return;
        }

        foreach (var invocation in context.OperationBlocks.SelectMany(b => b.DescendantsAndSelf()).OfType<IInvocationOperation>())
        {
            if (SignificantAction(invocation.TargetMethod, model) is not { } action)
            {
                continue;
            }

            if (PathFromPipeline(owner, model, context.CancellationToken) is not { } path)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.AutomatedSignificantDecision,
                invocation.Syntax.GetLocation(),
                SymbolNames.ForMessage(action.Method),
                action.Effect,
                SymbolNames.ForMessage(path[0]),
                string.Join(" → ", path.Append(action.Method).Select(SymbolNames.ForMessage))));
        }
    }

    // The action the call takes effect through: the target itself, or its implementation in source.
    private static (IMethodSymbol Method, string Effect)? SignificantAction(IMethodSymbol target, PrivacyModel model)
    {
        foreach (var candidate in new[] { target.OriginalDefinition }.Concat(model.Bodies.ImplementationsInSource(target)))
        {
            if (AttributeNames.Find(candidate, AttributeNames.ModerationAction) is { } attribute
                && AttributeArguments.Positional(attribute, 0)?.Value is int effect
                && (ModerationEffectKind)effect is ModerationEffectKind.AccountSuspension or ModerationEffectKind.AccountBan)
            {
                return (candidate, (ModerationEffectKind)effect == ModerationEffectKind.AccountBan ? "account ban" : "account suspension");
            }
        }

        return null;
    }

    // The shortest chain of calls from a pipeline to the method, passing through no human review; null when none.
    private static ImmutableArray<IMethodSymbol>? PathFromPipeline(IMethodSymbol method, PrivacyModel model, CancellationToken cancellationToken)
    {
        if (IsReview(method))
        {
            return null;
        }

        if (ModerationScope.EnclosingPipeline(method) is not null)
        {
            return ImmutableArray.Create(method);
        }

        return model.CallGraph(cancellationToken).ShortestCallerPath(
            method,
            isStart: caller => ModerationScope.EnclosingPipeline(caller) is not null,
            isBarrier: IsReview,
            MaximumPathLength);
    }

    private static bool IsReview(IMethodSymbol method) =>
        DeclarationScope.Outward(method).Any(scope => scope is not IAssemblySymbol && HasReview(scope));

    private static bool HasReview(ISymbol symbol)
    {
        if (AttributeNames.Find(symbol, AttributeNames.HumanReview) is not null)
        {
            return true;
        }

        for (var type = (symbol as INamedTypeSymbol)?.BaseType; type is not null; type = type.BaseType)
        {
            if (AttributeNames.Find(type, AttributeNames.HumanReview) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
