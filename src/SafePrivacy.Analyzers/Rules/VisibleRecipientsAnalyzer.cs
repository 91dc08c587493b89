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
/// SP4003: several people in the visible To or CC of one email — a <c>System.Net.Mail.MailMessage</c>, a MimeKit
/// <c>MimeMessage</c> (MailKit), one SendGrid personalisation — added in a loop over people, as a list or a joined text
/// of addresses, or by more than one add of personal addresses to the same message. One fixed address in To with the
/// people in Bcc is fine: Bcc is never reported, nor are SendGrid personalisations of one person each.
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
        var recipients = context.Hits
            .Where(h => h.Kind == SinkKind.EmailRecipient && !h.FromCallee)
            .Select(h => (Hit: h, Destination: Destination.Of(h)))
            .Where(r => !r.Destination.OwnPersonalisation)
            .ToList();
        var addsPerMessage = recipients
            .Where(r => r.Destination.Message is not null)
            .GroupBy(r => r.Destination, DestinationComparer.Instance)
            .ToDictionary(g => g.Key, g => g.Count(), DestinationComparer.Instance);

        foreach (var (hit, destination) in recipients)
        {
            var reason = Reason(hit, destination, addsPerMessage);
            if (reason is not null)
            {
                context.Report(Descriptors.VisibleRecipients, hit, hit.DescribeData(context.Model.Classifier), ListName(hit), reason);
            }
        }
    }

    private static string? Reason(SinkHit hit, Destination destination, Dictionary<Destination, int> addsPerMessage)
    {
        // A message constructed with its recipient is one message for one person, in a loop or not.
        if (hit.InLoop && hit.Call is not IObjectCreationOperation && !IsCreatedInTheSameLoop(hit, destination.Container))
        {
            return " inside a loop";
        }

        if (hit.Data.Items.Any(t => t.Joined))
        {
            return " as a joined list of addresses";
        }

        if (IsSeveralAddresses(hit))
        {
            return " as a list of addresses";
        }

        return destination.Message is not null && addsPerMessage.TryGetValue(destination, out var adds) && adds > 1
            ? " next to other people's addresses"
            : null;
    }

    // A collection of addresses (AddRange, AddTos, a MimeMessage built with a list) holds several people, unless it
    // is written in place with one element.
    private static bool IsSeveralAddresses(SinkHit hit)
    {
        if (hit.ValueType is not { } type || DataClassifier.ElementType(type) is null)
        {
            return false;
        }

        var argument = ArgumentAt(hit);
        return OperationShapes.StripConversions(argument) switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.Length != 1,
            IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers.Length != 1,
            ICollectionExpressionOperation collection => collection.Elements.Length != 1,
            _ => true,
        };
    }

    private static IOperation? ArgumentAt(SinkHit hit)
    {
        if (hit.Call is ISimpleAssignmentOperation assignment)
        {
            return assignment.Value;
        }

        var arguments = hit.Call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        return arguments.FirstOrDefault(a => a.Value.Syntax.Span == hit.Location.SourceSpan && a.Value.Syntax.SyntaxTree == hit.Location.SourceTree)?.Value;
    }

    // One message per recipient (or one personalisation per recipient), created inside the loop that adds to it, is
    // exactly the compliant form.
    private static bool IsCreatedInTheSameLoop(SinkHit hit, ISymbol? container)
    {
        if (container is not ILocalSymbol local || hit.Call is null)
        {
            return false;
        }

        for (var operation = hit.Call.Parent; operation is not null; operation = operation.Parent)
        {
            if (operation is ILoopOperation loop)
            {
                var declaration = local.DeclaringSyntaxReferences.FirstOrDefault();
                return declaration is not null
                    && declaration.SyntaxTree == loop.Syntax.SyntaxTree
                    && loop.Syntax.Span.Contains(declaration.Span);
            }
        }

        return false;
    }

    // "MailMessage.CC.Add" → "CC", "MimeMessage.Cc.AddRange" → "Cc", "SendGridMessage.AddCcs" → "Cc",
    // "Personalization.Ccs" → "Cc"; the rest go to To.
    private static string ListName(SinkHit hit)
    {
        var parts = hit.Sink.Split('.');
        if (parts.Length >= 3 && parts[1] is "To" or "CC" or "Cc")
        {
            return parts[1];
        }

        return parts[parts.Length - 1] is "Ccs" || parts[parts.Length - 1].StartsWith("AddCc", System.StringComparison.Ordinal) ? "Cc" : "To";
    }

    /// <summary>
    /// Where a recipient goes: the message whose list it joins (a MailMessage's or MimeMessage's To, a SendGridMessage)
    /// and, for SendGrid, which personalisation; the local a loop must create for each person to be on their own.
    /// </summary>
    private readonly struct Destination
    {
        private Destination(ISymbol? message, object? personalisation, bool ownPersonalisation, ISymbol? container)
        {
            Message = message;
            Personalisation = personalisation;
            OwnPersonalisation = ownPersonalisation;
            Container = container;
        }

        public ISymbol? Message { get; }

        /// <summary>The personalisation's index or local; null for mail with one list of recipients.</summary>
        public object? Personalisation { get; }

        /// <summary>Each call puts its recipient in a personalisation of its own (a computed index): nobody sees another.</summary>
        public bool OwnPersonalisation { get; }

        public ISymbol? Container { get; }

        public static Destination Of(SinkHit hit)
        {
            if (hit.Group is not null || hit.Call is not IInvocationOperation { Instance: { } instance } invocation)
            {
                return new Destination(hit.Group, null, false, hit.Group);
            }

            var message = OperationShapes.TrackedSymbol(instance);
            object? personalisation = 0;
            ISymbol? container = message;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                switch (argument.Parameter?.Name)
                {
                    case "personalizationIndex" when argument.Value.ConstantValue is { HasValue: true, Value: int index }:
                        personalisation = index;
                        break;
                    case "personalizationIndex":
                        return new Destination(message, null, true, null);
                    case "personalization" when OperationShapes.StripConversions(argument.Value) is not ILiteralOperation:
                        container = OperationShapes.TrackedSymbol(argument.Value);
                        if (container is null)
                        {
                            return new Destination(message, null, true, null);
                        }

                        personalisation = container;
                        break;
                }
            }

            return new Destination(message, personalisation, false, container);
        }
    }

    private sealed class DestinationComparer : IEqualityComparer<Destination>
    {
        public static readonly DestinationComparer Instance = new();

        public bool Equals(Destination x, Destination y) =>
            SymbolEqualityComparer.Default.Equals(x.Message, y.Message)
            && (x.Personalisation is ISymbol a && y.Personalisation is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : Equals(x.Personalisation, y.Personalisation));

        public int GetHashCode(Destination destination) => SymbolEqualityComparer.Default.GetHashCode(destination.Message);
    }
}
