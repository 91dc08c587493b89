using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>Finds the bodies of methods declared in the compilation, for cross-method summaries.</summary>
internal static class SourceBodies
{
    /// <summary>The declaration with a body, without binding anything: cheap enough to ask of every call.</summary>
    public static SyntaxReference? FindBodyDeclaration(IMethodSymbol method, Compilation compilation)
    {
        var definition = (method.PartialImplementationPart ?? method).OriginalDefinition;
        if (definition.IsAbstract || definition.IsExtern || definition.MethodKind == MethodKind.DelegateInvoke)
        {
            return null;
        }

        foreach (var reference in definition.DeclaringSyntaxReferences)
        {
            if (compilation.ContainsSyntaxTree(reference.SyntaxTree) && HasBody(reference.GetSyntax()))
            {
                return reference;
            }
        }

        return null;
    }

    /// <summary>
    /// The method's body as operations, or null when it has none in this compilation. <paramref name="semanticModelOf"/>
    /// gives the model of a tree: the one the analyzer driver bound it with, where known, so nothing is bound twice.
    /// </summary>
    public static IOperation? GetBody(IMethodSymbol method, Compilation compilation, Func<SyntaxTree, SemanticModel> semanticModelOf, CancellationToken cancellationToken)
    {
        if (FindBodyDeclaration(method, compilation) is not { } reference)
        {
            return null;
        }

        var syntax = reference.GetSyntax(cancellationToken);
        return semanticModelOf(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) switch
        {
            ILocalFunctionOperation localFunction => (IOperation?)localFunction.Body ?? localFunction.IgnoredBody,
            var operation => operation,
        };
    }

    private static bool HasBody(SyntaxNode syntax) => syntax switch
    {
        BaseMethodDeclarationSyntax method => method.Body is not null || method.ExpressionBody is not null,
        AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
        LocalFunctionStatementSyntax localFunction => localFunction.Body is not null || localFunction.ExpressionBody is not null,
        ArrowExpressionClauseSyntax => true,
        _ => false,
    };
}
