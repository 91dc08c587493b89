using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Rules;

/// <summary>
/// SP9002: a SafePrivacy rule suppressed without a justification — <c>[SuppressMessage]</c> (or
/// <c>[UnconditionalSuppressMessage]</c>, the check ID given by position or as <c>checkId:</c>) with no, an empty or a
/// placeholder <c>Justification</c>, or a <c>#pragma warning disable SPxxxx</c> — or a bare
/// <c>#pragma warning disable</c>, which suppresses every rule — with no comment on its line.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnjustifiedSuppressionAnalyzer : DiagnosticAnalyzer
{
    private const string JustificationArgument = "Justification";

    private const string CheckIdParameter = "checkId";

    private const string EveryRule = "every warning, SafePrivacy's included,";

    private static readonly ImmutableHashSet<string> SuppressionAttributes = ImmutableHashSet.Create(
        "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute",
        "System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessageAttribute");

    private static readonly Regex RuleId = new("^SP[0-9]{4}", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnjustifiedSuppression);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed and reported too: a suppression there hides findings as well.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(CheckAttribute, SyntaxKind.Attribute);
        context.RegisterSyntaxTreeAction(CheckPragmas);
    }

    private static void CheckAttribute(SyntaxNodeAnalysisContext context)
    {
        var attribute = (AttributeSyntax)context.Node;
        var name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : (attribute.Name as SimpleNameSyntax)?.Identifier.ValueText;
        if (name is null || !name.Contains("SuppressMessage") || attribute.ArgumentList is not { Arguments.Count: >= 2 } arguments)
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || !SuppressionAttributes.Contains(constructor.ContainingType.ToDisplayString()))
        {
            return;
        }

        var checkId = ArgumentFor(arguments.Arguments, constructor, CheckIdParameter);
        if (checkId is null
            || context.SemanticModel.GetConstantValue(checkId.Expression, context.CancellationToken) is not { HasValue: true, Value: string id }
            || !RuleId.IsMatch(id))
        {
            return;
        }

        var justification = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == JustificationArgument);
        var text = justification is null ? null : context.SemanticModel.GetConstantValue(justification.Expression, context.CancellationToken).Value as string;
        if (DeclaredText.IsMissing(text))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnjustifiedSuppression, attribute.GetLocation(), $"[{name.Replace("Attribute", string.Empty)}]", id.Substring(0, 6)));
        }
    }

    private static void CheckPragmas(SyntaxTreeAnalysisContext context)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        if (!root.ContainsDirectives)
        {
            return;
        }

        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            if (directive is not PragmaWarningDirectiveTriviaSyntax { DisableOrRestoreKeyword.RawKind: (int)SyntaxKind.DisableKeyword } pragma)
            {
                continue;
            }

            // A bare disable suppresses every rule. In generated code it is the generator's blanket choice, which no one
            // can comment, not a decision about a SafePrivacy finding; a named SP rule there is still reported.
            var ids = pragma.ErrorCodes.Select(code => code.ToString().Trim()).Where(code => RuleId.IsMatch(code)).ToList();
            var suppressed = ids.Count > 0 ? string.Join(", ", ids)
                : pragma.ErrorCodes.Count == 0 && !context.IsGeneratedCode ? EveryRule
                : null;
            if (suppressed is not null && DeclaredText.IsMissing(Comment(pragma)))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnjustifiedSuppression, pragma.GetLocation(), "#pragma warning disable", suppressed));
            }
        }
    }

    /// <summary>
    /// The argument for the constructor parameter <paramref name="parameter"/>: named (<c>checkId: "SP2001"</c>) or by
    /// position. Named property assignments (<c>Justification = ...</c>) are not constructor arguments.
    /// </summary>
    private static AttributeArgumentSyntax? ArgumentFor(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, IMethodSymbol constructor, string parameter)
    {
        var position = 0;
        foreach (var argument in arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            var name = argument.NameColon?.Name.Identifier.ValueText
                ?? (position < constructor.Parameters.Length ? constructor.Parameters[position].Name : null);
            position++;
            if (name == parameter)
            {
                return argument;
            }
        }

        return null;
    }

    // The text of a `// why` comment on the pragma's own line, if any.
    private static string? Comment(PragmaWarningDirectiveTriviaSyntax pragma)
    {
        var comment = pragma.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
        return comment.IsKind(SyntaxKind.SingleLineCommentTrivia) ? comment.ToString().TrimStart('/').Trim() : null;
    }
}
