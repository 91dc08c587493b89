using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// The methods declared in a compilation and their bodies: which have one, each body bound once, and which
/// implementations in source a call through an interface or a virtual member may run.
/// </summary>
internal sealed class MethodBodies
{
    private readonly Compilation _compilation;
    private readonly SharedWork<IMethodSymbol, IOperation?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _semanticModels = new();
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _hasSourceBody = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _sourceTypes;
    private readonly Lazy<ImmutableDictionary<string, ImmutableArray<IMethodSymbol>>> _methodsByName;

    public MethodBodies(Compilation compilation)
    {
        _compilation = compilation;
        _sourceTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => DeclaredTypes.In(compilation.Assembly.GlobalNamespace).ToImmutableArray());
        _methodsByName = new Lazy<ImmutableDictionary<string, ImmutableArray<IMethodSymbol>>>(() => SourceTypes
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>())
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal));
    }

    /// <summary>Every type the compilation declares, nested types included.</summary>
    public ImmutableArray<INamedTypeSymbol> SourceTypes => _sourceTypes.Value;

    /// <summary>The one symbol every use of a method is keyed by: its definition, its implementation part, its unreduced form.</summary>
    public static IMethodSymbol Definition(IMethodSymbol method) => (method.PartialImplementationPart ?? method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>Whether the method has a body in this compilation, decided without binding anything.</summary>
    public bool HasSourceBody(IMethodSymbol method) =>
        ReferenceEquals(method.ContainingAssembly, _compilation.Assembly)
        && _hasSourceBody.GetOrAdd(Definition(method), m => FindBodyDeclaration(m) is not null);

    /// <summary>
    /// The driver releases a tree's semantic model (and every body bound in it) once it has analysed the tree; a
    /// helper in that tree asked for later would be bound all over again. The driver's own model is kept instead.
    /// </summary>
    public void Remember(SemanticModel? semanticModel)
    {
        if (semanticModel is not null)
        {
            _semanticModels.TryAdd(semanticModel.SyntaxTree, semanticModel);
        }
    }

    /// <summary>
    /// A method's bound body, bound once, however many threads ask at once: every summary level and the call graph
    /// share it instead of each asking the semantic model again.
    /// </summary>
    public IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken) =>
        _bodies.Get(Definition(method), Bind, cancellationToken);

    private IOperation? Bind(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (FindBodyDeclaration(method) is not { } reference)
        {
            return null;
        }

        var syntax = reference.GetSyntax(cancellationToken);
        return SemanticModelOf(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) switch
        {
            ILocalFunctionOperation localFunction => (IOperation?)localFunction.Body ?? localFunction.IgnoredBody,
            var operation => operation,
        };
    }

    /// <summary>
    /// The methods with a body in this compilation that run when <paramref name="method"/> is called: itself, or
    /// for an interface, abstract or virtual member, its implementations and overrides in source.
    /// </summary>
    public ImmutableArray<IMethodSymbol> ImplementationsInSource(IMethodSymbol method)
    {
        var overridable = method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface;
        if (!overridable)
        {
            return HasSourceBody(method) ? ImmutableArray.Create(Definition(method)) : ImmutableArray<IMethodSymbol>.Empty;
        }

        return _implementations.GetOrAdd(Definition(method), m =>
        {
            var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
            if (HasSourceBody(m))
            {
                found.Add(m);
            }

            foreach (var member in MethodsNamed(m.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(member, m) || !HasSourceBody(member))
                {
                    continue;
                }

                var implements = m.ContainingType?.TypeKind == TypeKind.Interface
                    ? SymbolEqualityComparer.Default.Equals(member.ContainingType.FindImplementationForInterfaceMember(m)?.OriginalDefinition, member.OriginalDefinition)
                    : Overrides(member, m);
                if (implements)
                {
                    found.Add(Definition(member));
                }
            }

            return found.ToImmutable();
        });
    }

    // The source methods of each name, indexed once: implementations are looked for among those of the same name.
    private ImmutableArray<IMethodSymbol> MethodsNamed(string name) =>
        _methodsByName.Value.TryGetValue(name, out var methods) ? methods : ImmutableArray<IMethodSymbol>.Empty;

    // The driver's model where it was captured, else the compilation's cached one, which the driver then shares.
    private SemanticModel SemanticModelOf(SyntaxTree tree) =>
#pragma warning disable RS1030 // Cross-method summaries need the callee's body; under analysis the compilation hands out its cached semantic models.
        _semanticModels.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    // The declaration with a body, without binding anything: cheap enough to ask of every call.
    private SyntaxReference? FindBodyDeclaration(IMethodSymbol method)
    {
        var definition = (method.PartialImplementationPart ?? method).OriginalDefinition;
        if (definition.IsAbstract || definition.IsExtern || definition.MethodKind == MethodKind.DelegateInvoke)
        {
            return null;
        }

        foreach (var reference in definition.DeclaringSyntaxReferences)
        {
            if (_compilation.ContainsSyntaxTree(reference.SyntaxTree) && HasBody(reference.GetSyntax()))
            {
                return reference;
            }
        }

        return null;
    }

    private static bool HasBody(SyntaxNode syntax) => syntax switch
    {
        BaseMethodDeclarationSyntax method => method.Body is not null || method.ExpressionBody is not null,
        AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
        LocalFunctionStatementSyntax localFunction => localFunction.Body is not null || localFunction.ExpressionBody is not null,
        ArrowExpressionClauseSyntax => true,
        _ => false,
    };

    private static bool Overrides(IMethodSymbol member, IMethodSymbol baseMethod)
    {
        for (var overridden = member.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, baseMethod))
            {
                return true;
            }
        }

        return false;
    }
}
