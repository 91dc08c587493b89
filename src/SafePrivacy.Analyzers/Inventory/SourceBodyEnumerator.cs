using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafePrivacy.Analyzers.Inventory;

/// <summary>One body of the compilation and the member it belongs to, as the analyzer driver hands them to rules.</summary>
internal readonly struct SourceBody
{
    public SourceBody(ISymbol owner, IOperation block)
    {
        Owner = owner;
        Block = block;
    }

    public ISymbol Owner { get; }

    public IOperation Block { get; }
}

/// <summary>
/// Finds every body in the compilation's source — methods, constructors, operators, accessors, expression-bodied
/// properties, field and property initializers — paired with the symbol that owns it, the same owner and operation
/// root an operation-block action sees, so the inventory asks the engine exactly what the rules ask it.
/// </summary>
internal static class SourceBodyEnumerator
{
    public static IEnumerable<SourceBody> Enumerate(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
#pragma warning disable RS1030 // The inventory runs outside the analyzer driver, over a compilation it was handed.
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(DescendInto))
            {
                if (BodyOf(node, model, cancellationToken) is { } body)
                {
                    yield return body;
                }
            }
        }
    }

    // Bodies nest nothing the inventory needs separately: lambdas and local functions belong to their member.
    private static bool DescendInto(SyntaxNode node) =>
        node is not (BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax);

    private static SourceBody? BodyOf(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case BaseMethodDeclarationSyntax { Body: null, ExpressionBody: null }:
            case AccessorDeclarationSyntax { Body: null, ExpressionBody: null }:
                return null;
            case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                return Pair(model.GetDeclaredSymbol(node, cancellationToken), node, model, cancellationToken);
            case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } arrow:
                var getter = (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod;
                return Pair(getter, arrow, model, cancellationToken);
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } initializer:
                return Pair(model.GetDeclaredSymbol(property, cancellationToken), initializer, model, cancellationToken);
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } declarator } initializer:
                return Pair(model.GetDeclaredSymbol(declarator, cancellationToken), initializer, model, cancellationToken);
            default:
                return null;
        }
    }

    private static SourceBody? Pair(ISymbol? owner, SyntaxNode syntax, SemanticModel model, CancellationToken cancellationToken) =>
        owner is not null && model.GetOperation(syntax, cancellationToken) is { } operation ? new SourceBody(owner, operation) : null;
}
