using System;
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
using SafePrivacy.Analyzers.Rules;

namespace SafePrivacy.CodeFixes.Rules;

/// <summary>
/// SP2006: switches the framework switch on only in development, with a host environment the code can read (a
/// parameter, local, field or property, or <c>builder.Environment</c>). A statement that is the switch on its own is
/// wrapped in <c>if (environment.IsDevelopment()) { … }</c>, and so is the assignment an expression-bodied lambda
/// makes (<c>o => o.LoggingFields = …</c>); <c>EnableSensitiveDataLogging</c> is passed
/// <c>environment.IsDevelopment()</c>, which keeps a fluent chain intact, and a bool switch set where it is no
/// statement of its own (an object initialiser, <c>o => o.SendDefaultPii = true</c>) is set to it. Nothing is offered
/// where no environment is in scope, or where guarding would also skip other work (a switch at the end of a chain that
/// maps an endpoint).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnableOnlyInDevelopmentCodeFixProvider)), Shared]
public sealed class EnableOnlyInDevelopmentCodeFixProvider : DocumentCodeFixProvider
{
    private const string Unit = "    ";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PrivacySwitchEnabled);

    protected override string EquivalenceKey => "SafePrivacy.EnableOnlyInDevelopment";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        Plan(diagnostic, root, model, cancellationToken)?.Title;

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(diagnostic, editor.OriginalRoot, editor.SemanticModel, cancellationToken) is { } plan)
            {
                // The callback sees the node as earlier fixes left it (a switch inside a statement another fix wrapped).
                editor.ReplaceNode(plan.Target, (current, _) => plan.Rewrite(current));
            }
        }
    }

    private static FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(PrivacySwitchEnabledAnalyzer.ShapeProperty, out var shape) || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
        {
            return null;
        }

        // A bool switch that is no statement of its own (an initialiser, a lambda's body) is simply set to the check.
        return shape switch
        {
            PrivacySwitchEnabledAnalyzer.ArgumentShape => ArgumentPlan(node, model, cancellationToken),
            PrivacySwitchEnabledAnalyzer.BooleanShape => StatementPlan(node, model, inLambda: false, cancellationToken) ?? ValuePlan(node, model, cancellationToken),
            _ => StatementPlan(node, model, inLambda: true, cancellationToken),
        };
    }

    // optionsBuilder.EnableSensitiveDataLogging() → optionsBuilder.EnableSensitiveDataLogging(environment.IsDevelopment())
    private static FixPlan? ArgumentPlan(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { } invocation
            || EnvironmentInScope.Find(model, invocation.SpanStart, cancellationToken) is not { } environment)
        {
            return null;
        }

        var existing = invocation.ArgumentList.Arguments.FirstOrDefault();
        return new FixPlan(
            $"Pass {environment.Expression}.IsDevelopment()",
            invocation.ArgumentList,
            current =>
            {
                var list = (ArgumentListSyntax)current;
                var argument = list.Arguments.FirstOrDefault();
                return argument is null
                    ? list.AddArguments(SyntaxFactory.Argument(environment.DevelopmentCheck()))
                    : list.ReplaceNode(argument.Expression, OnlyInDevelopment(argument.Expression, environment).WithTriviaFrom(argument.Expression));
            });
    }

    // new SentryOptions { SendDefaultPii = true } → new SentryOptions { SendDefaultPii = environment.IsDevelopment() }
    private static FixPlan? ValuePlan(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node.AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault() is not { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
            || EnvironmentInScope.Find(model, assignment.SpanStart, cancellationToken) is not { } environment)
        {
            return null;
        }

        return new FixPlan(
            $"Set it to {environment.Expression}.IsDevelopment()",
            assignment.Right,
            current => OnlyInDevelopment((ExpressionSyntax)current, environment).WithTriviaFrom(current));
    }

    // `o.LoggingFields = HttpLoggingFields.All;` → `if (environment.IsDevelopment()) { o.LoggingFields = …; }`
    private static FixPlan? StatementPlan(SyntaxNode node, SemanticModel model, bool inLambda, CancellationToken cancellationToken)
    {
        var expression = node.AncestorsAndSelf().FirstOrDefault(n => n is AssignmentExpressionSyntax or InvocationExpressionSyntax) as ExpressionSyntax;
        if (expression is null || !HasPlainReceiver(expression))
        {
            return null;
        }

        if (expression.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax or IfStatementSyntax or ElseClauseSyntax)
        {
            return EnvironmentInScope.Find(model, statement.SpanStart, cancellationToken) is { } environment
                ? new FixPlan(GuardTitle(environment), statement, current => Guarded((StatementSyntax)current, environment))
                : null;
        }

        if (inLambda && expression.Parent is LambdaExpressionSyntax { ExpressionBody: { } body } lambda && body == expression
            && model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: true }
            && EnvironmentInScope.Find(model, expression.SpanStart, cancellationToken) is { } captured)
        {
            return new FixPlan(GuardTitle(captured), lambda, current => WithGuardedBody((LambdaExpressionSyntax)current, captured));
        }

        return null;
    }

    private static string GuardTitle(EnvironmentInScope environment) => $"Wrap in if ({environment.Expression}.IsDevelopment())";

    // Guarding `Options().LoggingFields = …` or `app.MapPost(…).WithHttpLogging(…)` would skip the call on the left too.
    private static bool HasPlainReceiver(ExpressionSyntax expression)
    {
        var receiver = expression switch
        {
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax member } => member.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Expression,
            _ => null,
        };
        while (receiver is MemberAccessExpressionSyntax access)
        {
            receiver = access.Expression;
        }

        return receiver is IdentifierNameSyntax or ThisExpressionSyntax or PredefinedTypeSyntax
            && !(expression is InvocationExpressionSyntax { ArgumentList: var arguments } && arguments.DescendantNodes().Any(n => n is InvocationExpressionSyntax or AssignmentExpressionSyntax));
    }

    // `true` becomes the check; any other value keeps its say: `environment.IsDevelopment() && (value)`.
    private static ExpressionSyntax OnlyInDevelopment(ExpressionSyntax value, EnvironmentInScope environment)
    {
        var check = environment.DevelopmentCheck();
        if (value.IsKind(SyntaxKind.TrueLiteralExpression))
        {
            return check;
        }

        var operand = value is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax
            ? value.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(value.WithoutTrivia());
        return SyntaxFactory.BinaryExpression(
            SyntaxKind.LogicalAndExpression,
            check,
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.AmpersandAmpersandToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
            operand);
    }

    private static StatementSyntax Guarded(StatementSyntax statement, EnvironmentInScope environment)
    {
        var indent = IndentOf(statement);
        var newLine = LineEndings.Of(statement.SyntaxTree.GetRoot());
        var endsLine = statement.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var inner = statement.WithLeadingTrivia(SyntaxFactory.Whitespace(indent + Unit));
        if (!endsLine)
        {
            inner = inner.WithTrailingTrivia(inner.GetTrailingTrivia().Add(newLine));
        }

        return If(environment, indent, newLine, inner)
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(endsLine ? SyntaxFactory.TriviaList(newLine) : SyntaxFactory.TriviaList());
    }

    // o => o.LoggingFields = … → o => { if (environment.IsDevelopment()) { o.LoggingFields = …; } }, laid out on lines.
    private static LambdaExpressionSyntax WithGuardedBody(LambdaExpressionSyntax lambda, EnvironmentInScope environment)
    {
        if (lambda.ExpressionBody is not { } body)
        {
            return lambda;
        }

        var indent = IndentOf(lambda);
        var newLine = LineEndings.Of(lambda.SyntaxTree.GetRoot());
        var inner = SyntaxFactory.ExpressionStatement(body.WithoutTrivia())
            .WithLeadingTrivia(SyntaxFactory.Whitespace(indent + Unit + Unit))
            .WithTrailingTrivia(newLine);
        var guard = If(environment, indent + Unit, newLine, inner)
            .WithLeadingTrivia(SyntaxFactory.Whitespace(indent + Unit))
            .WithTrailingTrivia(newLine);
        var block = SyntaxFactory.Block(
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indent)), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(newLine)),
            SyntaxFactory.SingletonList<StatementSyntax>(guard),
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indent)), SyntaxKind.CloseBraceToken, body.GetTrailingTrivia()));
        return lambda
            .WithExpressionBody(null)
            .WithArrowToken(lambda.ArrowToken.WithTrailingTrivia(newLine))
            .WithBlock(block);
    }

    // if (environment.IsDevelopment())⏎{indent}{⏎{inner}{indent}}
    private static IfStatementSyntax If(EnvironmentInScope environment, string indent, SyntaxTrivia newLine, StatementSyntax inner) =>
        SyntaxFactory.IfStatement(
            SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.IfKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
            SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.OpenParenToken, SyntaxFactory.TriviaList()),
            environment.DevelopmentCheck(),
            SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CloseParenToken, SyntaxFactory.TriviaList(newLine)),
            SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indent)), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(newLine)),
                SyntaxFactory.SingletonList(inner),
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indent)), SyntaxKind.CloseBraceToken, SyntaxFactory.TriviaList())),
            null);

    // The whitespace the node's line starts with.
    private static string IndentOf(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart).ToString();
        return line.Substring(0, line.Length - line.TrimStart().Length);
    }

    private sealed record FixPlan(string Title, SyntaxNode Target, Func<SyntaxNode, SyntaxNode> Rewrite);
}
