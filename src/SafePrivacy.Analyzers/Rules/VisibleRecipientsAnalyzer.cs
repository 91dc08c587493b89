using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP4003: several people in the visible To or CC of one <c>System.Net.Mail.MailMessage</c> — added in a loop over
/// people, as a joined list of addresses, or by more than one Add of personal addresses to the same message.
/// One fixed address in To with the people in Bcc is fine: Bcc is never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VisibleRecipientsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.VisibleRecipients);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a leak in generated code is still a leak.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        FlowAnalysis.Register(context, AnalyzeBody);
    }

    private static void AnalyzeBody(FlowContext context)
    {
        var recipients = context.Hits.Where(h => h.Kind == SinkKind.EmailRecipient && !h.FromCallee).ToList();
        var addsPerMessage = recipients
            .Where(h => h.Group is not null)
            .GroupBy(h => h.Group!, SymbolEqualityComparer.Default)
            .ToDictionary(g => g.Key, g => g.Count(), SymbolEqualityComparer.Default);

        foreach (var hit in recipients)
        {
            var reason = Reason(hit, addsPerMessage);
            if (reason is not null)
            {
                context.Report(Descriptors.VisibleRecipients, hit, hit.DescribeData(context.Model.Classifier), ListName(hit), reason);
            }
        }
    }

    private static string? Reason(SinkHit hit, Dictionary<ISymbol, int> addsPerMessage)
    {
        // A message constructed with its recipient is one message for one person, in a loop or not.
        if (hit.InLoop && hit.Call is not IObjectCreationOperation && !IsCreatedInTheSameLoop(hit))
        {
            return " inside a loop";
        }

        if (hit.Data.Items.Any(t => t.Joined))
        {
            return " as a joined list of addresses";
        }

        return hit.Group is { } message && addsPerMessage.TryGetValue(message, out var adds) && adds > 1
            ? " next to other people's addresses"
            : null;
    }

    // One message per recipient, created inside the loop that adds to it, is exactly the compliant form.
    private static bool IsCreatedInTheSameLoop(SinkHit hit)
    {
        if (hit.Group is not ILocalSymbol message || hit.Call is null)
        {
            return false;
        }

        for (var operation = hit.Call.Parent; operation is not null; operation = operation.Parent)
        {
            if (operation is ILoopOperation loop)
            {
                var declaration = message.DeclaringSyntaxReferences.FirstOrDefault();
                return declaration is not null
                    && declaration.SyntaxTree == loop.Syntax.SyntaxTree
                    && loop.Syntax.Span.Contains(declaration.Span);
            }
        }

        return false;
    }

    // "MailMessage.CC.Add" → "CC"; the constructor's recipients go to To.
    private static string ListName(SinkHit hit)
    {
        var parts = hit.Sink.Split('.');
        return parts.Length >= 3 && parts[1] is "To" or "CC" ? parts[1] : "To";
    }
}
