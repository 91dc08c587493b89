using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SafePrivacy.Analyzers;

namespace SafePrivacy.CodeFixes.Rules;

/// <summary>
/// SP2001–SP2004: wraps the personal data in <c>Redact.Value(...)</c> — each place the data entered the argument
/// (the interpolation hole, the member read), or the whole argument when it cannot tell.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactValueCodeFixProvider)), Shared]
public sealed class RedactValueCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.PersonalDataLogged, RuleIds.ContentLoggedInModeration, RuleIds.PersonalDataInException, RuleIds.PersonalDataInTelemetry);

    protected override string EquivalenceKey => "SafePrivacy.RedactValue";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        Targets(diagnostic, root, model, cancellationToken).Any() ? "Redact the value with Redact.Value(...)" : null;

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var targets = diagnostics
            .SelectMany(d => Targets(d, editor.OriginalRoot, editor.SemanticModel, cancellationToken))
            .Distinct()
            .ToList();

        // An expression inside another one being wrapped is covered by the outer wrap.
        foreach (var target in targets.Where(t => !targets.Any(o => o != t && o.Span.Contains(t.Span))))
        {
            editor.ReplaceNode(target, (node, _) => Wrap((ExpressionSyntax)node));
        }
    }

    private static InvocationExpressionSyntax Wrap(ExpressionSyntax value) =>
        SyntaxFactory.InvocationExpression(
                SafePrivacySyntax.Member("Redact", "Value"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value.WithoutTrivia()))))
            .WithTriviaFrom(value);

    private static IEnumerable<ExpressionSyntax> Targets(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var reads = diagnostic.AdditionalLocations
            .Select(l => root.FindNode(l.SourceSpan, getInnermostNodeForTie: true))
            .OfType<ExpressionSyntax>()
            .Where(e => CanWrap(e, model, cancellationToken))
            .ToList();
        if (reads.Count > 0)
        {
            return reads;
        }

        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax whole && CanWrap(whole, model, cancellationToken)
            ? new[] { whole }
            : Enumerable.Empty<ExpressionSyntax>();
    }

    // Redact.Value returns a string: the expression must be read (not assigned or passed by reference) where a
    // string fits — text, an object, an interpolation hole.
    private static bool CanWrap(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 }
            || (expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression)
            || expression.Parent is MemberAccessExpressionSyntax { Name: var name } && name == expression)
        {
            return false;
        }

        var converted = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
        return expression.Parent is InterpolationSyntax
            || converted is null
            || converted.SpecialType is SpecialType.System_String or SpecialType.System_Object
            || converted.TypeKind == TypeKind.Dynamic;
    }
}
