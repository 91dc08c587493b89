using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SafePrivacy.Analyzers.Switches;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP2006: a framework switch that logs or ships personal data wholesale — EF Core's
/// <c>EnableSensitiveDataLogging</c>, IdentityModel's <c>ShowPII</c> and <c>LogCompleteSecurityArtifact</c>, Sentry's
/// <c>SendDefaultPii</c> and request bodies, ASP.NET Core HTTP logging of bodies, W3C logging of cookies and user
/// names — switched on outside a development-only check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PrivacySwitchEnabledAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property that tells the fix how the switch is set.</summary>
    public const string ShapeProperty = "Shape";

    /// <summary>A method whose bool argument turns the switch on: the fix passes a development check instead.</summary>
    public const string ArgumentShape = "Argument";

    /// <summary>A bool property set: the fix may guard the statement or set the property to a development check.</summary>
    public const string BooleanShape = "Boolean";

    /// <summary>Any other switch: the fix may guard the statement.</summary>
    public const string OtherShape = "Other";

    // Beyond this the value is not read further (a deep ?: chain); what was found so far stands.
    private const int MaxDepth = 16;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PrivacySwitchEnabled);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a switch set in generated code is still on.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // A compilation without any of the switch types pays nothing.
            if (PrivacySwitchResolver.Create(start.Compilation) is not { } switches)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeCall(c, switches), OperationKind.Invocation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, switches), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
        });
    }

    private static void AnalyzeCall(OperationAnalysisContext context, PrivacySwitchResolver switches)
    {
        var (member, arguments) = context.Operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        if (member is null || switches.Find(member) is not { Entry.Parameter: { } parameter } found)
        {
            return;
        }

        var argument = arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);
        if (argument is not null)
        {
            Report(context, found, argument.Value, found.Entry.Value == SwitchValue.Boolean ? ArgumentShape : OtherShape);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, PrivacySwitchResolver switches)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || switches.Find(property) is not { Entry.Parameter: null } found)
        {
            return;
        }

        // Only `|=` adds fields to a flags switch; `&=` and `^=` take them away or are too clever to judge.
        if (assignment is ICompoundAssignmentOperation compound
            && (found.Entry.Value != SwitchValue.Flags || compound.OperatorKind != BinaryOperatorKind.Or))
        {
            return;
        }

        Report(context, found, assignment.Value, found.Entry.Value == SwitchValue.Boolean ? BooleanShape : OtherShape);
    }

    private static void Report(OperationAnalysisContext context, ResolvedSwitch found, IOperation value, string shape)
    {
        var exposed = Exposed(found, value, 0);
        if (exposed == 0 || DevelopmentChecks.IsGuarded(context.Operation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.PrivacySwitchEnabled,
            Location(context.Operation.Syntax),
            ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, shape),
            found.Entry.Display,
            found.Describe(exposed),
            found.Entry.Fix));
    }

    /// <summary>
    /// What <paramref name="value"/> switches on outside development: the exposing bits of a flags value, else 1
    /// when the switch is on. A bool that is neither a constant nor a development check is on (a configuration
    /// value can be true in production); a flags or enum value that is not constant cannot be read, so it is not.
    /// </summary>
    private static long Exposed(ResolvedSwitch found, IOperation value, int depth)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (depth > MaxDepth)
        {
            return 0;
        }

        if (value is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
        {
            var whenTrue = DevelopmentChecks.Implies(conditional.Condition, true, 0) ? 0 : Exposed(found, conditional.WhenTrue, depth + 1);
            return whenTrue | (DevelopmentChecks.Implies(conditional.Condition, false, 0) ? 0 : Exposed(found, whenFalse, depth + 1));
        }

        if (value.ConstantValue is { HasValue: true, Value: var constant })
        {
            return found.Entry.Value switch
            {
                SwitchValue.Boolean => constant is true ? 1 : 0,
                SwitchValue.Enum => Bits(constant) is { } bits && bits != found.OffValue ? 1 : 0,
                _ => (Bits(constant) ?? 0) & found.AllExposed,
            };
        }

        return found.Entry.Value switch
        {
            SwitchValue.Boolean => DevelopmentChecks.Implies(value, true, 0) ? 0 : 1,
            SwitchValue.Flags when value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } or =>
                Exposed(found, or.LeftOperand, depth + 1) | Exposed(found, or.RightOperand, depth + 1),
            _ => 0,
        };
    }

    // An enum constant is its underlying integer; ulong flags beyond long keep their bits.
    private static long? Bits(object? constant) => constant switch
    {
        int i => i,
        long l => l,
        uint u => u,
        ulong u => unchecked((long)u),
        short s => s,
        ushort s => s,
        byte b => b,
        sbyte b => b,
        _ => null,
    };

    // The member and its arguments (`EnableSensitiveDataLogging()` at the end of a chain), the assignment, the attribute.
    private static Location Location(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            return Microsoft.CodeAnalysis.Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End));
        }

        if (syntax is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } conditional)
        {
            return Microsoft.CodeAnalysis.Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(binding.Name.SpanStart, conditional.Span.End));
        }

        return (syntax.FirstAncestorOrSelf<AttributeSyntax>() ?? syntax).GetLocation();
    }
}
