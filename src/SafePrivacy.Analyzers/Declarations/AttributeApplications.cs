using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>One application of an attribute: the attribute, the symbol it is on, and a way to report on it.</summary>
internal readonly struct AttributeApplication
{
    private readonly Action<Diagnostic> _report;

    public AttributeApplication(AttributeData attribute, ISymbol target, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Attribute = attribute;
        Target = target;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public AttributeData Attribute { get; }

    /// <summary>The type, member or assembly the attribute is applied to.</summary>
    public ISymbol Target { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>How the target is named in messages: the type-qualified member, or "the assembly".</summary>
    public string TargetName => SymbolNames.ForMessage(Target);

    public void Report(Diagnostic diagnostic) => _report(diagnostic);
}

/// <summary>
/// Visits every application of one SafePrivacy attribute in the compilation — on types (nested too), methods,
/// properties and the assembly — as the user types, so declaration rules are simple predicates over one attribute.
/// </summary>
internal static class AttributeApplications
{
    public static void Register(CompilationStartAnalysisContext context, string attributeName, Action<AttributeApplication> check)
    {
        context.RegisterSymbolAction(
            symbolContext =>
            {
                foreach (var attribute in symbolContext.Symbol.GetAttributes())
                {
                    if (IsBound(attribute, attributeName))
                    {
                        check(new AttributeApplication(attribute, symbolContext.Symbol, symbolContext.ReportDiagnostic, symbolContext.CancellationToken));
                    }
                }
            },
            SymbolKind.NamedType,
            SymbolKind.Method,
            SymbolKind.Property);

        // Assembly attributes belong to no symbol action; each `[assembly: ...]` list is visited where it is written.
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var list = (AttributeListSyntax)nodeContext.Node;
                if (list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) != true)
                {
                    return;
                }

                var assembly = nodeContext.SemanticModel.Compilation.Assembly;
                foreach (var attribute in assembly.GetAttributes())
                {
                    if (IsBound(attribute, attributeName)
                        && attribute.ApplicationSyntaxReference is { } reference
                        && reference.SyntaxTree == list.SyntaxTree
                        && list.Span.Contains(reference.Span))
                    {
                        check(new AttributeApplication(attribute, assembly, nodeContext.ReportDiagnostic, nodeContext.CancellationToken));
                    }
                }
            },
            SyntaxKind.AttributeList);
    }

    // A half-typed attribute (no matching constructor yet, an argument still missing) is the compiler's to report:
    // judging what the user has not finished writing would only be noise.
    private static bool IsBound(AttributeData attribute, string attributeName)
    {
        if (attribute.AttributeConstructor is null || !AttributeNames.Is(attribute.AttributeClass, attributeName))
        {
            return false;
        }

        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Error)
            {
                return false;
            }
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.Kind == TypedConstantKind.Error)
            {
                return false;
            }
        }

        return attribute.ApplicationSyntaxReference?.GetSyntax().ContainsDiagnostics != true;
    }
}
